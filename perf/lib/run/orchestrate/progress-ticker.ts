// arm-progress events while an arm measures: one every progressIntervalMs (10 s by
// default, so a long run shows it is alive without flooding the reporter).

import type { Role } from '../../documents/types/scenario.ts';
import type { WorkerProcess } from '../worker/worker-process.ts';
import type { ArmTrialContext } from './arm-context.ts';
import { nowMonotonicNs } from './monotonic-clock.ts';

export function startProgressTicker(ctx: ArmTrialContext, workers: WorkerProcess[], startNs: bigint, endNs: bigint): NodeJS.Timeout {
  const { scenario, progressIntervalMs } = ctx.options;
  return setInterval(() => {
    const now = nowMonotonicNs();
    const done: Partial<Record<Role, number>> = {};
    for (const w of workers) if (w.progressCount !== null) done[w.role] = w.progressCount;
    const hp = workers.find((w) => w.role === 'hp');
    const hpP99Us = hp?.progressP99Us ?? null;
    const hpAtNs = hp?.progressAtNs ?? null;
    ctx.emit({
      type: 'arm-progress',
      scenario: scenario.name,
      arm: ctx.arm,
      trial: ctx.trial,
      elapsedMs: Math.max(0, Number(now - startNs) / 1e6),
      remainingMs: Math.max(0, Number(endNs - now) / 1e6),
      done,
      ...(hpP99Us !== null ? { hpP99SoFarMs: hpP99Us / 1000 } : {}),
      ...(hpAtNs !== null ? { hpDoneAtElapsedMs: Math.max(0, Number(hpAtNs - startNs) / 1e6) } : {}),
    });
  }, progressIntervalMs);
}
