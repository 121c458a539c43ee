import { describe, expect, it } from 'vitest';
import { bestEnergySplit } from '../../../perf/lib/evaluate/history/energy-statistic.ts';
import { detectChangePoints, tTestLevelFor } from '../../../perf/lib/evaluate/history/change-points.ts';
import { segmentTTestPValue } from '../../../perf/lib/evaluate/history/segment-t-test.ts';
import { createSeededRandom } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';

function noisy(mean: number, count: number, seed: number, spread = 0.05): number[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => mean * (1 + spread * (random.nextOpen01() - 0.5)));
}

describe('bestEnergySplit', () => {
  it('matches Q computed by hand for [0, 0, 1, 1]', () => {
    // Split at 2: E|a-b| = 1, E|a-a'| = E|b-b'| = 0, Q = (2*2/4) * 2 = 2.
    expect(bestEnergySplit([0, 0, 1, 1], 1)).toEqual({ index: 2, q: 2 });
  });

  it('agrees with a direct O(n^3) computation on a random series', () => {
    const x = noisy(1, 12, 7, 1);
    const direct = (tau: number): number => {
      const a = x.slice(0, tau);
      const b = x.slice(tau);
      const mean = (pairs: number[]) => pairs.reduce((s, v) => s + v, 0) / pairs.length;
      const cross = mean(a.flatMap((u) => b.map((v) => Math.abs(u - v))));
      const within = (s: number[]) => mean(s.flatMap((u, i) => s.slice(i + 1).map((v) => Math.abs(u - v))));
      return ((a.length * b.length) / x.length) * (2 * cross - within(a) - within(b));
    };
    const best = bestEnergySplit(x, 3);
    const expected = [3, 4, 5, 6, 7, 8, 9].reduce((b, t) => (direct(t) > direct(b) ? t : b), 3);
    expect(best?.index).toBe(expected);
    expect(best?.q).toBeCloseTo(direct(expected), 9);
  });
});

describe('segmentTTestPValue (pooled Student t)', () => {
  it('matches a value worked by hand for [1, 2, 3 | 4, 5, 6]', () => {
    // Means 2 and 5, pooled variance 1: t = 3 / sqrt(1/3 + 1/3) = 3.674, df = 4; P(|T4| >= 3.674) = 0.02131.
    expect(segmentTTestPValue([1, 2, 3, 4, 5, 6], 3)).toBeCloseTo(0.02131, 4);
  });

  it('gives 1 for two equal constant sides and 0 for two different ones', () => {
    expect(segmentTTestPValue([2, 2, 2, 2], 2)).toBe(1);
    expect(segmentTTestPValue([2, 2, 3, 3], 2)).toBe(0);
    expect(() => segmentTTestPValue([1, 2, 3], 1)).toThrow(/at least 2 values each side, got split 1 of 3/);
  });
});

describe('tTestLevelFor (Bonferroni over windows x splits)', () => {
  it('divides the significance by the tests a series could make', () => {
    // 18 points, one window, splits 3..15: 13 tests.
    expect(tTestLevelFor(18)).toBeCloseTo(0.01 / 13, 12);
    // 200 points in windows of 64 overlapping by 32: starts 0, 32, ..., 160 = 6 windows x 59 splits.
    expect(tTestLevelFor(200)).toBeCloseTo(0.01 / (6 * 59), 12);
  });
});

describe('detectChangePoints (E-divisive, seeded permutation test, significance 0.01)', () => {
  it('finds a step change at the index of the first run after it', () => {
    const series = [...noisy(1.0, 10, 1), ...noisy(1.18, 8, 2)];
    const found = detectChangePoints(series);
    expect(found.map((c) => c.index)).toEqual([10]);
    expect(found[0]!.pValue).toBeLessThan(0.01);
  });

  it('finds two steps in a long series analysed in windows', () => {
    const series = [...noisy(2, 80, 3), ...noisy(3, 70, 4), ...noisy(2.5, 60, 5)];
    expect(detectChangePoints(series).map((c) => c.index)).toEqual([80, 150]);
  });

  it('finds none in a flat noisy series', () => {
    expect(detectChangePoints(noisy(1, 40, 9, 0.2))).toEqual([]);
    expect(detectChangePoints(noisy(5, 300, 11, 0.2))).toEqual([]);
  });

  it('keeps false alarms on flat series of 200 points below the bound the correction gives', () => {
    // Per series P(any false alarm) <= 0.01 (tTestLevelFor), so over 50 independent series the
    // count is at most Binomial(50, 0.01): P(count >= 3) = 0.014. Without the correction, six
    // windows tested at 0.01 each flagged about one flat series in twenty.
    const alarmed = Array.from({ length: 50 }, (_, seed) => detectChangePoints(noisy(1, 200, 1000 + seed, 0.1))).filter((found) => found.length > 0);
    expect(alarmed.length).toBeLessThan(3);
  });

  it('keeps that bound on flat series of 2000 points, where 62 uncorrected windows flagged 14 of 50', () => {
    const alarmed = Array.from({ length: 50 }, (_, seed) => detectChangePoints(noisy(1, 2000, 1000 + seed, 0.1))).filter((found) => found.length > 0);
    expect(alarmed.length).toBeLessThan(3);
  });

  it('still finds a clear step in a long noisy series at its index', () => {
    const series = [...noisy(1, 130, 77, 0.1), ...noisy(1.15, 70, 78, 0.1)];
    expect(detectChangePoints(series).map((c) => c.index)).toEqual([130]);
  });

  it('is deterministic for a seed and rejects bad options, quoting them', () => {
    const series = [...noisy(1, 6, 1), ...noisy(1.3, 6, 2)];
    expect(detectChangePoints(series, { seed: 42 })).toEqual(detectChangePoints(series, { seed: 42 }));
    expect(() => detectChangePoints(series, { significance: 2 })).toThrow(/significance must be in \(0, 1\), got 2/);
  });
});
