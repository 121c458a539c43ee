// Spawns the workers of one arm-trial and waits until every one printed a valid
// READY, or until it is clear that one will not (exit, bad READY, ready timeout).
// When one fails before START, the others are stopped too (they record "aborted").

import { armSpec } from '../../plan/scenarios/arms.ts';
import { join } from 'node:path';
import type { ArmSession } from '../../documents/types/arm-setup.ts';
import type { Role } from '../../documents/types/scenario.ts';
import { buildWorkerArgs, rolesForArm } from '../worker/worker-args.ts';
import { spawnWorker, type WorkerProcess } from '../worker/worker-process.ts';
import type { ArmTrialContext } from './arm-context.ts';

export function armFileStem(ctx: ArmTrialContext, role: Role): string {
  return `${ctx.arm}-t${ctx.trial}-${role}`;
}

export function resultPathFor(ctx: ArmTrialContext, role: Role): string {
  return join(ctx.resultDir, `${armFileStem(ctx, role)}.json`);
}

export async function spawnArmWorkers(ctx: ArmTrialContext, session: ArmSession): Promise<WorkerProcess[]> {
  const { options } = ctx;
  const roles = rolesForArm(ctx.arm);
  // envFor runs first for every role, so a provider error leaves no worker behind.
  const envs = roles.map((role) => session.envFor(role, { ...options.baseEnv }));
  return Promise.all(
    roles.map((role, i) =>
      spawnWorker({
        workerPath: options.workerPath,
        args: buildWorkerArgs({
          scenario: options.scenario,
          arm: ctx.arm,
          role,
          trial: ctx.trial,
          resultPath: resultPathFor(ctx, role),
          drainMs: options.drainMs,
          // An injected delay stands for a scheduler regression: only where both models share the
          // GPU. The alone arms are the machine's calibration (docs/environment.md, drift) and stay clean.
          injectDelayUs: armSpec(ctx.arm).concurrent ? options.injectDelayUs : 0,
        }),
        env: envs[i] as Record<string, string>,
        role,
        logPath: join(ctx.logDir, `${armFileStem(ctx, role)}.log`),
        killGraceMs: options.killGraceMs,
        cpus: options.scenario.cpuPlacement?.cpus ?? null,
      }),
    ),
  );
}

/** True when every worker is ready and alive; otherwise all of them have been told to stop. */
export async function waitUntilAllReady(ctx: ArmTrialContext, workers: WorkerProcess[]): Promise<boolean> {
  const { readyTimeoutMs } = ctx.options;
  const isReady = (w: WorkerProcess): boolean => w.fingerprint !== null && w.exit === null && w.stop === null;
  const stopOthers = (failed: WorkerProcess): void => {
    for (const other of workers) {
      if (other !== failed) void other.stopWith('peer-failed', `stopped before START because the ${failed.role} worker failed`);
    }
  };
  const timer = setTimeout(() => {
    for (const w of workers) {
      if (w.fingerprint === null && w.readyError === null && w.exit === null) {
        void w.stopWith('never-ready', `no READY line within the ready timeout of ${readyTimeoutMs} ms; if loading is just slow, raise it with PERF_READY_TIMEOUT_S (seconds)`);
      }
    }
  }, readyTimeoutMs);
  try {
    await Promise.all(
      workers.map(async (w) => {
        await w.readyOrExit;
        if (w.readyError !== null) void w.stopWith('bad-ready', w.readyError.message);
        if (!isReady(w)) stopOthers(w);
      }),
    );
  } finally {
    clearTimeout(timer);
  }
  const allReady = workers.every(isReady);
  if (!allReady) for (const w of workers) void w.stopWith('peer-failed', 'stopped before START because another worker failed');
  return allReady;
}
