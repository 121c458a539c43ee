// xsched's hp P99 against another arm's, paired by trial: the interval for
// 1 - P99(xsched) / P99(other) both hp-p99-improvement.ts and xsched-vs-reference.ts judge.

import type { ArmName } from '../../documents/types/scenario.ts';
import { pairTrialsByIndex } from '../stats/intervals/pair-trials.ts';
import type { PooledSpreadSource } from '../stats/intervals/log-t-interval.ts';
import { percentileRatioInterval, pooledPercentileNs } from '../stats/intervals/percentile-ratio-interval.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import { seedForRun } from '../stats/random/seeded-random.ts';
import { type VerdictContext, oneMinus } from './verdict-context.ts';

export interface PairedP99 {
  interval: ReturnType<typeof oneMinus>;
  improvement: number;
  pairs: number;
  xschedP99Ms: number;
  otherP99Ms: number;
  /** Stored paired trials whose spread the t part pooled, and the degrees of freedom they added; absent when none. */
  pooled?: { trials: number; degreesOfFreedom: number };
}

/** null when the two arms share no trial with hp samples in both; `id` seeds the bootstrap. */
export function pairedP99(context: VerdictContext, other: ArmName, id: string, pooledSpreadWith?: PooledSpreadSource): PairedP99 | null {
  const { record } = context;
  const xsched = context.stats.samples.get('xsched')!.hp;
  const otherHp = context.stats.samples.get(other)!.hp;
  const ratio = percentileRatioInterval({
    numerator: xsched,
    denominator: otherHp,
    paired: true,
    percentile: TAIL_PERCENTILE,
    confidence: record.scenario.confidence,
    seed: seedForRun(record.runId, record.scenario.seed, id),
    ...(pooledSpreadWith !== undefined ? { pooledSpreadWith } : {}),
  });
  if (ratio === null) return null;
  const [pairedXsched, pairedOther] = pairTrialsByIndex(xsched, otherHp);
  return {
    interval: oneMinus(ratio),
    improvement: 1 - ratio.estimate,
    pairs: pairedXsched.length,
    xschedP99Ms: pooledPercentileNs(pairedXsched, TAIL_PERCENTILE) / 1e6,
    otherP99Ms: pooledPercentileNs(pairedOther, TAIL_PERCENTILE) / 1e6,
    ...(ratio.pooled !== undefined ? { pooled: ratio.pooled } : {}),
  };
}
