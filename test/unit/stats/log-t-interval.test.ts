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
    const other = { numerators: [Math.exp(0.5), Math.exp(0.7)], denominators: [1, 1], label: 'run B' };
    const interval = pairedLogRatioInterval([Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)], 0.95, other)!;
    expect(Math.log(interval.estimate)).toBeCloseTo(0.2, 10);
    expect(Math.log(interval.low)).toBeCloseTo(0.2 - 0.43027, 4);
    expect(Math.log(interval.high)).toBeCloseTo(0.2 + 0.43027, 4);
    expect(interval.method).toBe('paired t over 2 trial log-ratios, spread pooled with the 2 paired trials of run B (2 degrees of freedom)');
  });

  it('paired, pooled: another run with fewer than 2 positive pairs adds nothing; unequal lengths there throw', () => {
    const own = [[Math.exp(1.1), Math.exp(2.3)], [Math.exp(1), Math.exp(2)]] as const;
    const alone = pairedLogRatioInterval([...own[0]], [...own[1]], 0.95)!;
    expect(pairedLogRatioInterval([...own[0]], [...own[1]], 0.95, { numerators: [2], denominators: [1], label: 'x' })).toEqual(alone);
    expect(() => pairedLogRatioInterval([...own[0]], [...own[1]], 0.95, { numerators: [2, 3], denominators: [1], label: 'x' })).toThrow(/equal lengths/);
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
