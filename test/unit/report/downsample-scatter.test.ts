import { describe, expect, it } from 'vitest';
import { downsampleScatterMinMax, type ScatterPoint } from '../../../perf/lib/output/report/downsample-scatter.ts';

describe('downsampleScatterMinMax', () => {
  it('returns few points unchanged', () => {
    const points: ScatterPoint[] = [[0, 1], [1, 2]];
    expect(downsampleScatterMinMax(points, 10)).toBe(points);
  });

  it('keeps the fastest and slowest point of each slice, in time order', () => {
    // 8 points, at most 4 kept -> 2 slices of 4: [0..3] and [4..7].
    const points: ScatterPoint[] = [[0, 5], [1, 9], [2, 1], [3, 4], [4, 3], [5, 3], [6, 50], [7, 2]];
    expect(downsampleScatterMinMax(points, 4)).toEqual([[1, 9], [2, 1], [6, 50], [7, 2]]);
  });

  it('never returns more than asked and keeps a single spike among 100 000 points', () => {
    const points: ScatterPoint[] = Array.from({ length: 100_000 }, (_, i) => [i, i === 77_777 ? 900 : 3]);
    const kept = downsampleScatterMinMax(points, 5000);
    expect(kept.length).toBeLessThanOrEqual(5000);
    expect(kept).toContainEqual([77_777, 900]);
  });

  it('rejects a meaningless limit', () => {
    expect(() => downsampleScatterMinMax([], 1)).toThrow(/maxPoints must be an integer >= 2, got 1/);
  });
});
