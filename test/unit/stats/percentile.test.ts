import { describe, expect, it } from 'vitest';
import { nearestRank, percentileOfSorted, sortAscending, summarizeNsAsMs } from '../../../perf/lib/evaluate/stats/percentile.ts';

const MS = 1e6;
const oneToHundredMs = sortAscending(Array.from({ length: 100 }, (_, i) => (i + 1) * MS));

describe('nearest-rank percentiles', () => {
  it('P99 of 1..100 is the 99th value, P99.9 is the 100th, P50 the 50th', () => {
    expect(nearestRank(100, 0.99)).toBe(99);
    expect(nearestRank(100, 0.999)).toBe(100);
    expect(nearestRank(100, 0.5)).toBe(50);
    expect(percentileOfSorted(oneToHundredMs, 0.9)).toBe(90 * MS);
  });

  it('P99 of 1000 samples is the 990th value', () => {
    expect(nearestRank(1000, 0.99)).toBe(990);
  });

  it('refuses a percentile written as 99 instead of 0.99, quoting it', () => {
    expect(() => nearestRank(10, 99)).toThrow(/received 99/);
  });

  it('is NaN with no samples', () => {
    expect(percentileOfSorted(new Float64Array(0), 0.99)).toBeNaN();
  });
});

describe('summarizeNsAsMs', () => {
  it('summarises 1..100 ms: mean 50.5, P50 50, P90 90, P99 99, P99.9 100, max 100', () => {
    expect(summarizeNsAsMs(oneToHundredMs)).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, p999: 100, max: 100 });
  });

  it('empty: count 0 and all zeros (readers check count first)', () => {
    expect(summarizeNsAsMs(new Float64Array(0))).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 });
  });

  it('one sample of 2.5 ms: every percentile is that sample', () => {
    expect(summarizeNsAsMs(sortAscending([2.5 * MS]))).toEqual({ count: 1, mean: 2.5, p50: 2.5, p90: 2.5, p99: 2.5, p999: 2.5, max: 2.5 });
  });

  it('all equal (7 x 3 ms): every statistic is 3 ms', () => {
    const summary = summarizeNsAsMs(sortAscending(new Array(7).fill(3 * MS)));
    expect(summary).toEqual({ count: 7, mean: 3, p50: 3, p90: 3, p99: 3, p999: 3, max: 3 });
  });
});
