import { describe, expect, it } from 'vitest';
import { bestEnergySplit } from '../../../perf/lib/evaluate/history/energy-statistic.ts';
import { detectChangePoints } from '../../../perf/lib/evaluate/history/change-points.ts';
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

  it('is deterministic for a seed and rejects bad options, quoting them', () => {
    const series = [...noisy(1, 6, 1), ...noisy(1.3, 6, 2)];
    expect(detectChangePoints(series, { seed: 42 })).toEqual(detectChangePoints(series, { seed: 42 }));
    expect(() => detectChangePoints(series, { significance: 2 })).toThrow(/significance must be in \(0, 1\), got 2/);
  });
});
