// How long the spec's beforeAll may take before Vitest gives up on it. Vitest's hookTimeout is
// one number for every hook, and the perf project's 10 minutes (vitest.config.ts) aborted a
// catalogue standard-mps run (12 arm-trials x 60 s) in its 10th arm-trial on an H200
// (docs/gpu-results.md section 9). The run has its own watchdogs per worker (spawn to READY,
// end + drain to exit: perf/lib/run/orchestrate/run-options.ts); this only catches a hang
// outside them, so it allows every arm-trial the longest those watchdogs let it take.

import { RUN_DEFAULTS } from '../run/orchestrate/run-options.ts';
import type { ScenarioPlan } from './scenario-plan.ts';

/** Beyond its window, the most an arm-trial's workers may take before a watchdog stops them, plus a minute for MPS or xserver start. */
export const ARM_TRIAL_ALLOWANCE_MS = RUN_DEFAULTS.readyTimeoutMs + RUN_DEFAULTS.startLeadMs + RUN_DEFAULTS.drainMs + RUN_DEFAULTS.hangGraceMs + 60_000;
/** GPU detection, sharing setup, evaluation, reports, baseline update; also all a replay gets. */
export const SCENARIO_OVERHEAD_MS = 600_000;

/** The beforeAll timeout for a plan: every arm-trial's window and allowance, plus the overhead. */
export function runHookTimeoutMs(plan: ScenarioPlan): number {
  if (plan.action !== 'run') return SCENARIO_OVERHEAD_MS;
  const armTrials = plan.scenario.trials * plan.scenario.arms.length;
  return armTrials * (plan.scenario.durationMs + ARM_TRIAL_ALLOWANCE_MS) + SCENARIO_OVERHEAD_MS;
}
