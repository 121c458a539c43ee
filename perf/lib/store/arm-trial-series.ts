// An arm's per-trial values in trial order, as both a stored baseline (baselines/from-run.ts)
// and a history entry (history/entry-from-run.ts) keep them.

import type { ArmStats } from '../documents/types/evaluation.ts';

export interface ArmTrialSeries {
  hpP99Ms: number[];
  hpP50Ms: number[];
  hpAchievedRateHz: number[];
  lpIterPerSec: number[];
}

export function armTrialSeries(stats: ArmStats): ArmTrialSeries {
  const trials = [...stats.trials].sort((a, b) => a.trial - b.trial);
  const hp = trials.flatMap((t) => (t.hp ? [t.hp] : []));
  const lp = trials.flatMap((t) => (t.lp ? [t.lp] : []));
  return {
    hpP99Ms: hp.map((h) => h.latencyMs.p99),
    hpP50Ms: hp.map((h) => h.latencyMs.p50),
    hpAchievedRateHz: hp.map((h) => h.achievedRateHz),
    lpIterPerSec: lp.map((l) => l.iterPerSec),
  };
}
