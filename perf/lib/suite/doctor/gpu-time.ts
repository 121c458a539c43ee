// How much GPU time a run of a scenario takes, for advice such as "record a baseline first":
// its windows (arms x trials x durationMs) plus the measured start-up and drain of each
// arm-trial.

import type { Scenario } from '../../documents/types/scenario.ts';

/**
 * Per arm-trial beyond its window, measured on an NVIDIA H200: intensive-30s and
 * intensive-30s-mps (12 arm-trials x 30 s) took 6 min 28-30 s, about 2.5 s each above their
 * windows (docs/gpu-results.md section 9).
 */
export const ARM_TRIAL_OVERHEAD_MS = 2_500;

/** "12 arm-trials x 60 s, about 13 min" (rounded up to whole minutes). */
export function describeGpuTime(scenario: Pick<Scenario, 'trials' | 'arms' | 'durationMs'>): string {
  const armTrials = scenario.trials * scenario.arms.length;
  const totalMs = armTrials * (scenario.durationMs + ARM_TRIAL_OVERHEAD_MS);
  return `${armTrials} arm-trials x ${scenario.durationMs / 1000} s, about ${Math.ceil(totalMs / 60_000)} min`;
}
