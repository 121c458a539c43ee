import { describe, expect, it } from 'vitest';
import { pairedLogRatioInterval, welchLogRatioInterval } from '../../../perf/lib/evaluate/stats/intervals/log-t-interval.ts';

describe('t-intervals on log ratios', () => {
  it('paired: log-ratios 0.1 and 0.3 -> mean 0.2, se 0.1, t(.975; 1) = 12.706 -> exp(0.2 +- 1.2706)', () => {
    const interval = pairedLogRatioInterval([Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)], 0.95)!;
    expect(Math.log(interval.estimate)).toBeCloseTo(0.2, 10);
    expect(Math.log(interval.low)).toBeCloseTo(0.2 - 1.27062, 4);
    expect(Math.log(interval.high)).toBeCloseTo(0.2 + 1.27062, 4);
  });

  it('paired, spread pooled with another run: log-ratios 0.1, 0.3 here and 0.5, 0.7 there -> s^2 = (0.02 + 0.02) / 2, t(.975; 2) = 4.303, se 0.1 -> exp(0.2 +- 0.4303)', () => {
    const other = { runs: [{ numerators: [Math.exp(0.5), Math.exp(0.7)], denominators: [1, 1] }], label: 'run B' };
    const interval = pairedLogRatioInterval([Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)], 0.95, other)!;
    expect(Math.log(interval.estimate)).toBeCloseTo(0.2, 10);
    expect(Math.log(interval.low)).toBeCloseTo(0.2 - 0.43027, 4);
    expect(Math.log(interval.high)).toBeCloseTo(0.2 + 0.43027, 4);
    expect(interval.method).toBe('paired t over 2 trial log-ratios, spread pooled with the 2 paired trials of run B (2 degrees of freedom)');
  });

  it('paired, pooled with two runs at different levels: each around its own mean, 0.1, 0.3 here, 0.5, 0.7 and 1.5, 1.7 there -> s^2 = 0.06 / 3, t(.975; 3) = 3.182, se 0.1 -> exp(0.2 +- 0.3182)', () => {
    const runs = [
      { numerators: [Math.exp(0.5), Math.exp(0.7)], denominators: [1, 1] },
      { numerators: [Math.exp(1.5), Math.exp(1.7)], denominators: [1, 1] },
    ];
    const interval = pairedLogRatioInterval([Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)], 0.95, { runs, label: 'runs B and C' })!;
    expect(Math.log(interval.estimate)).toBeCloseTo(0.2, 10);
    // Around one mean for both runs (1.1) their levels would count as spread: s^2 = (0.02 + 1.04) / 4.
    expect(Math.log(interval.low)).toBeCloseTo(0.2 - 0.31824, 4);
    expect(Math.log(interval.high)).toBeCloseTo(0.2 + 0.31824, 4);
    expect(interval.method).toBe('paired t over 2 trial log-ratios, spread pooled with the 4 paired trials of runs B and C, each of its 2 runs around its own mean (3 degrees of freedom)');
  });

  it('paired, pooled: not with runs whose trials spread far less than this run\'s (F test); the interval is then this run\'s alone and says why', () => {
    // Here 0.1 and 0.9 (variance 0.32); there 0.50, 0.51, 0.52 (variance 1e-4): ratio 3200, beyond F(.95; 1, 2) = 18.5.
    const here = [[Math.exp(0.1), Math.exp(0.9)], [1, 1]] as const;
    const tight = { runs: [{ numerators: [Math.exp(0.5), Math.exp(0.51), Math.exp(0.52)], denominators: [1, 1, 1] }], label: 'run B' };
    const alone = pairedLogRatioInterval([...here[0]], [...here[1]], 0.95)!;
    const guarded = pairedLogRatioInterval([...here[0]], [...here[1]], 0.95, tight)!;
    expect([guarded.low, guarded.high]).toEqual([alone.low, alone.high]);
    expect(guarded.pooled).toBeUndefined();
    expect(guarded.method).toBe('paired t over 2 trial log-ratios; not pooled with the 3 paired trials of run B: this run\'s trials spread more than theirs (variance ratio 3.20e+3 beyond 18.5, F test at 95%)');
    // The other way round (this run tighter than the pool) pooling only widens it: pooled.
    const wide = { runs: [{ numerators: [Math.exp(0.1), Math.exp(0.9)], denominators: [1, 1] }], label: 'run C' };
    expect(pairedLogRatioInterval([Math.exp(0.5), Math.exp(0.51)], [1, 1], 0.95, wide)!.pooled).toEqual({ trials: 2, degreesOfFreedom: 1 });
    // Trials that agree exactly have nothing to test: pooled, the interval is the pool's.
    expect(pairedLogRatioInterval([Math.exp(0.5), Math.exp(0.5)], [1, 1], 0.95, tight)!.pooled).toEqual({ trials: 3, degreesOfFreedom: 2 });
  });

  it('paired, pooled: another run with fewer than 2 positive pairs adds nothing; unequal lengths there throw', () => {
    const own = [[Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)]] as const;
    const alone = pairedLogRatioInterval([...own[0]], [...own[1]], 0.95)!;
    expect(pairedLogRatioInterval([...own[0]], [...own[1]], 0.95, { runs: [{ numerators: [2], denominators: [1] }], label: 'x' })).toEqual(alone);
    expect(() => pairedLogRatioInterval([...own[0]], [...own[1]], 0.95, { runs: [{ numerators: [2, 3], denominators: [1] }], label: 'x' })).toThrow(/equal lengths/);
  });

  it('paired: needs 2 or more pairs of positive values', () => {
    expect(pairedLogRatioInterval([1], [2], 0.95)).toBeNull();
    expect(pairedLogRatioInterval([1, 0], [2, 2], 0.95)).toBeNull();
    expect(() => pairedLogRatioInterval([1, 2], [1], 0.95)).toThrow(/equal lengths/);
  });

  it('Welch: equal spreads, 3 vs 3; identical samples give ratio 1 and a symmetric interval', () => {
    const values = [4, 5, 6];
    const interval = welchLogRatioInterval(values, values, 0.95)!;
    expect(interval.estimate).toBeCloseTo(1, 12);
    expect(Math.log(interval.low)).toBeCloseTo(-Math.log(interval.high), 12);
    expect(interval.low).toBeLessThan(1);
  });

  it('Welch: no spread at all gives a zero-width interval at the ratio', () => {
    const interval = welchLogRatioInterval([2, 2], [1, 1], 0.95)!;
    expect(interval.low).toBeCloseTo(2, 12);
    expect(interval.high).toBeCloseTo(2, 12);
  });

  it('rejects a confidence written as a percentage', () => {
    expect(() => welchLogRatioInterval([1, 2], [1, 2], 95)).toThrow(/received 95/);
  });
});
