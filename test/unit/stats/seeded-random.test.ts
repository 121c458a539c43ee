import { describe, expect, it } from 'vitest';
import { drawBeta, drawGamma } from '../../../perf/lib/evaluate/stats/random/random-variates.ts';
import { createSeededRandom, hashTextToSeed } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';

describe('seeded random numbers', () => {
  it('the same seed gives the same sequence; another seed another one', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextOpen01());
    expect(Array.from({ length: 5 }, () => b.nextOpen01())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextOpen01())).not.toEqual(seqA);
  });

  it('uniforms stay in (0, 1) with mean near 0.5; integers cover [0, bound)', () => {
    const random = createSeededRandom(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const u = random.nextOpen01();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      seen.add(random.nextIntBelow(3));
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20_000).toBeGreaterThan(0.49);
    expect(sum / 20_000).toBeLessThan(0.51);
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('gamma and beta variates have their textbook means (Gamma(k) = k; Beta(a, b) = a / (a + b))', () => {
    const random = createSeededRandom(11);
    const n = 20_000;
    let gammaSum = 0;
    let smallGammaSum = 0;
    let betaSum = 0;
    for (let i = 0; i < n; i++) {
      gammaSum += drawGamma(random, 3);
      smallGammaSum += drawGamma(random, 0.5);
      betaSum += drawBeta(random, 990, 11);
    }
    expect(gammaSum / n).toBeCloseTo(3, 1);
    expect(smallGammaSum / n).toBeCloseTo(0.5, 1);
    expect(betaSum / n).toBeCloseTo(990 / 1001, 3);
  });

  it('hashTextToSeed is stable (FNV-1a of "a" is 0xe40c292c)', () => {
    expect(hashTextToSeed('a')).toBe(0xe40c292c);
  });
});
