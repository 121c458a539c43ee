// A sweep unit's saved unit-trial runs (store/results/sweep-directory.ts), each with its arm's
// samples computed once, when the run is recorded or read back: the sweep is evaluated again
// after every trial (suite/sweep/run-sweep.ts) and its points compared with another sweep's
// (suite/sweep/compare-sweep.ts), and each of these pools the samples instead of recomputing them.

import type { RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { HpTrialSamples } from '../stats/hp-samples.ts';
import type { LpTrialSamples } from '../stats/lp-samples.ts';
import { computeRunStatistics } from '../stats/run-statistics.ts';

export interface UnitTrialRun {
  record: RunRecord;
  /** The samples of the unit's arm in this run; empty when it has none. */
  hp: HpTrialSamples[];
  lp: LpTrialSamples[];
}

/** `arm` is the unit's; names beyond ArmName are the reference-arm work's (plan/sweeps/expand.ts). */
export function unitTrialRun(record: RunRecord, arm: string): UnitTrialRun {
  const samples = computeRunStatistics(record).samples.get(arm as ArmName);
  return { record, hp: samples?.hp ?? [], lp: samples?.lp ?? [] };
}

/** The unit's runs merged into one record (each holds one arm-trial). */
export function mergeUnitRuns(runs: readonly UnitTrialRun[]): RunRecord | null {
  const first = runs[0]?.record;
  if (first === undefined) return null;
  return { ...first, trials: runs.flatMap((r) => r.record.trials).sort((a, b) => a.trial - b.trial) };
}

/** The runs' samples pooled, by trial: the order computeRunStatistics gives the merged record's. */
export function byTrial<T extends { trial: number }>(perRun: readonly T[][]): T[] {
  return perRun.flat().sort((a, b) => a.trial - b.trial);
}
