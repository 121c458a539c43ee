// An arm's values, one per trial, in the units a stored baseline keeps them (BaselineArm:
// hpP99Ms, lpIterPerSec), for what compares a run with it: the regression verdicts
// (baseline-regression.ts) and the alone arms' drift calibration (machine-drift.ts).

import type { ArmName } from '../../documents/types/scenario.ts';
import { TAIL_PERCENTILE, percentileOfSorted } from '../stats/percentile.ts';
import type { RunStatistics } from '../stats/run-statistics.ts';

/** hp P99 of each trial in ms; [] for an arm without hp samples. */
export function hpP99PerTrialMs(stats: RunStatistics, arm: ArmName): number[] {
  return stats.samples.get(arm)?.hp.map((t) => percentileOfSorted(t.latenciesNs, TAIL_PERCENTILE) / 1e6) ?? [];
}

/** lp iterations per second of each trial; [] for an arm without lp samples. */
export function lpIterPerSecPerTrial(stats: RunStatistics, arm: ArmName): number[] {
  return stats.samples.get(arm)?.lp.map((t) => t.iterPerSec) ?? [];
}
