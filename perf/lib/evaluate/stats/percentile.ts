// Exact percentiles on raw samples. Nearest-rank definition: the smallest sample with at
// least p of all samples at or below it, so P99 of 1..100 is 99 and P99.9 of 1..100 is 100.

import type { LatencySummaryMs } from '../../documents/types/evaluation.ts';

const NS_PER_MS = 1e6;

/** 1-based rank of the p-quantile among `count` samples (nearest rank). */
export function nearestRank(count: number, percentile: number): number {
  if (!(percentile > 0 && percentile <= 1)) {
    throw new RangeError(`percentile must be in (0, 1], received ${percentile} (write P99 as 0.99)`);
  }
  // The small epsilon keeps 0.99 * 100 (= 99.00000000000001) at rank 99.
  return Math.min(count, Math.max(1, Math.ceil(percentile * count - 1e-9)));
}

/** The p-quantile of ascending-sorted values; NaN when there are none. */
export function percentileOfSorted(sortedAscending: ArrayLike<number>, percentile: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  return sortedAscending[nearestRank(sortedAscending.length, percentile) - 1]!;
}

export function sortAscending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Count, mean, P50/P90/P99/P99.9 and max of nanosecond samples, in milliseconds.
 * With no samples every number is 0 and count is 0: readers must look at count first.
 * +Infinity samples (hp requests that never completed, hp-samples.ts) rank above every
 * finite one: a percentile or max among them is Infinity (JSON null, shown as a dash);
 * count and mean cover the finite samples only.
 */
export function summarizeNsAsMs(sortedAscendingNs: Float64Array): LatencySummaryMs {
  let count = 0;
  let sum = 0;
  for (const value of sortedAscendingNs) {
    if (!Number.isFinite(value)) continue;
    count++;
    sum += value;
  }
  if (sortedAscendingNs.length === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
  const at = (p: number): number => percentileOfSorted(sortedAscendingNs, p) / NS_PER_MS;
  return {
    count,
    mean: count > 0 ? sum / count / NS_PER_MS : 0,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: sortedAscendingNs[sortedAscendingNs.length - 1]! / NS_PER_MS,
  };
}

/** The tail percentile the suite judges hp latency by (P99). */
export const TAIL_PERCENTILE = 0.99;
