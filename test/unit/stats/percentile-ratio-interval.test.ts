import { describe, expect, it } from 'vitest';
import { percentileRatioInterval, type TrialLatencies } from '../../../perf/lib/evaluate/stats/intervals/percentile-ratio-interval.ts';
import { createPooledPercentileResampler } from '../../../perf/lib/evaluate/stats/intervals/pooled-percentile-resampler.ts';
import { envelopeOf } from '../../../perf/lib/evaluate/stats/intervals/ratio-interval.ts';
import { percentileOfSorted, sortAscending } from '../../../perf/lib/evaluate/stats/percentile.ts';
import { drawStandardNormal } from '../../../perf/lib/evaluate/stats/random/random-variates.ts';
import { createSeededRandom } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';

function lognormalTrial(trial: number, n: number, medianMs: number, seed: number): TrialLatencies {
  const random = createSeededRandom(seed);
  return { trial, latenciesNs: sortAscending(Array.from({ length: n }, () => medianMs * 1e6 * Math.exp(0.3 * drawStandardNormal(random)))) };
}

describe('pooled percentile resampler (Beta order-statistic shortcut)', () => {
  it('draws the same P99 distribution as explicit resampling and sorting', () => {
    const values = sortAscending(Array.from({ length: 200 }, (_, i) => i + 1));
    const resampler = createPooledPercentileResampler([values]);
    const shortcut = createSeededRandom(1);
    const brute = createSeededRandom(2);
    const draws = 3000;
    const viaBeta: number[] = [];
    const viaSort: number[] = [];
    for (let b = 0; b < draws; b++) {
      viaBeta.push(resampler.drawPercentile([1], 0.99, shortcut));
      const resample = sortAscending(Array.from({ length: 200 }, () => values[brute.nextIntBelow(200)]!));
      viaSort.push(percentileOfSorted(resample, 0.99));
    }
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const q = (xs: number[], p: number): number => percentileOfSorted(sortAscending(xs), p);
    // Both are centred near the sample P99 (198) with the same spread; margins are wide.
    expect(Math.abs(mean(viaBeta) - mean(viaSort))).toBeLessThan(0.3);
    expect(Math.abs(q(viaBeta, 0.1) - q(viaSort, 0.1))).toBeLessThanOrEqual(1);
    expect(Math.abs(q(viaBeta, 0.9) - q(viaSort, 0.9))).toBeLessThanOrEqual(1);
  });

  it('trial weights select trials: weight [0, 1] only ever returns values of the second trial', () => {
    const resampler = createPooledPercentileResampler([sortAscending([1, 2, 3]), sortAscending([100, 200, 300])]);
    const random = createSeededRandom(3);
    for (let i = 0; i < 200; i++) expect(resampler.drawPercentile([0, 1], 0.5, random)).toBeGreaterThanOrEqual(100);
  });
});

describe('P99 ratio interval', () => {
  const slow = [0, 1, 2].map((t) => lognormalTrial(t, 600, 10, 100 + t));
  const fast = [0, 1, 2].map((t) => lognormalTrial(t, 600, 5, 200 + t));

  it('a 2x difference: estimate near 0.5 and an interval around it that excludes 1', () => {
    const interval = percentileRatioInterval({ numerator: fast, denominator: slow, paired: true, percentile: 0.99, confidence: 0.95, seed: 9 })!;
    expect(interval.estimate).toBeGreaterThan(0.4);
    expect(interval.estimate).toBeLessThan(0.6);
    expect(interval.low).toBeLessThanOrEqual(interval.estimate);
    expect(interval.high).toBeGreaterThanOrEqual(interval.estimate);
    expect(interval.high).toBeLessThan(1);
  });

  it('is deterministic for a seed (replay gives the same interval)', () => {
    const request = { numerator: fast, denominator: slow, paired: true, percentile: 0.99, confidence: 0.95, seed: 5 };
    expect(percentileRatioInterval(request)).toEqual(percentileRatioInterval(request));
  });

  it('pairs only trials present in both arms; null when none are', () => {
    const interval = percentileRatioInterval({ numerator: fast.slice(0, 1), denominator: slow.slice(1), paired: true, percentile: 0.99, confidence: 0.95, seed: 1 });
    expect(interval).toBeNull();
  });

  it('coverage: the 95% interval holds the true ratio (1) in at least ~90% of A/A draws', () => {
    let covered = 0;
    const runs = 60;
    for (let r = 0; r < runs; r++) {
      const a = [0, 1, 2].map((t) => lognormalTrial(t, 400, 5, 1000 + r * 10 + t));
      const b = [0, 1, 2].map((t) => lognormalTrial(t, 400, 5, 5000 + r * 10 + t));
      const interval = percentileRatioInterval({ numerator: a, denominator: b, paired: true, percentile: 0.99, confidence: 0.95, seed: r, resamples: 1000 })!;
      if (interval.low <= 1 && interval.high >= 1) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.9);
  });
});

describe('envelopeOf', () => {
  const bootstrap = { estimate: 1, low: 0.8, high: 1.25, level: 0.95, method: 'bootstrap' };
  const pooled = { trials: 9, degreesOfFreedom: 6 };

  it('keeps a part\'s pooled spread when that part sets a bound', () => {
    const t = { estimate: 1, low: 0.7, high: 1.1, level: 0.95, method: 't pooled', pooled };
    expect(envelopeOf(bootstrap, t)).toEqual({ estimate: 1, low: 0.7, high: 1.25, level: 0.95, method: 'envelope of [bootstrap] and [t pooled]', pooled });
  });

  it('drops it, and says so, when the other part sets both bounds', () => {
    const t = { estimate: 1, low: 0.9, high: 1.1, level: 0.95, method: 't pooled', pooled };
    expect(envelopeOf(bootstrap, t)).toEqual({ estimate: 1, low: 0.8, high: 1.25, level: 0.95, method: 'envelope of [bootstrap] and [t pooled]; the pooled part set neither bound' });
  });
});
