// An interval for one arm's pooled hp P99: the two-stage bootstrap the P99 verdicts use
// (stats/intervals/two-stage-bootstrap.ts, as percentile-ratio-interval.ts draws it), for a
// single arm instead of a ratio.

import type { Estimate } from '../../documents/types/sweep.ts';
import { pooledPercentileNs, type TrialLatencies } from '../stats/intervals/percentile-ratio-interval.ts';
import { drawPooledPercentiles } from '../stats/intervals/two-stage-bootstrap.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import { createSeededRandom } from '../stats/random/seeded-random.ts';

const RESAMPLES = 2000;

/** In ms; null without samples or when the P99 itself is unbounded (requests never started). */
export function hpP99IntervalMs(trials: readonly TrialLatencies[], confidence: number, seed: number): Estimate | null {
  const withData = trials.filter((t) => t.latenciesNs.length > 0);
  if (withData.length === 0) return null;
  const estimateNs = pooledPercentileNs(withData, TAIL_PERCENTILE);
  if (!Number.isFinite(estimateNs)) return null;
  const [draws] = drawPooledPercentiles({
    sides: [withData.map((t) => t.latenciesNs)], paired: false, percentile: TAIL_PERCENTILE, resamples: RESAMPLES, random: createSeededRandom(seed),
  });
  draws!.sort();
  const at = (p: number): number => draws![Math.min(RESAMPLES - 1, Math.max(0, Math.round(p * (RESAMPLES - 1))))]!;
  const alpha = 1 - confidence;
  return { estimate: estimateNs / 1e6, low: Math.min(at(alpha / 2), estimateNs) / 1e6, high: Math.max(at(1 - alpha / 2), estimateNs) / 1e6 };
}
