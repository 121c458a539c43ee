import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../../perf/lib/evaluate/stats/distributions/binomial.ts';
import { fCdf, fQuantile } from '../../../perf/lib/evaluate/stats/distributions/f-distribution.ts';
import { regularizedIncompleteBeta } from '../../../perf/lib/evaluate/stats/distributions/incomplete-beta.ts';
import { logGamma } from '../../../perf/lib/evaluate/stats/distributions/log-gamma.ts';
import { normalQuantile } from '../../../perf/lib/evaluate/stats/distributions/normal.ts';
import { studentTCdf, studentTQuantile } from '../../../perf/lib/evaluate/stats/distributions/student-t.ts';

describe('distributions against textbook values', () => {
  it('logGamma: Γ(5) = 24, Γ(0.5) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('incomplete beta: I_x(1, 1) = x, I_0.5(a, a) = 0.5, I_x(2, 1) = x^2', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    expect(regularizedIncompleteBeta(0.6, 2, 1)).toBeCloseTo(0.36, 12);
  });

  it('Student t quantiles from tables: t(.975; 1) = 12.706, t(.975; 2) = 4.303, t(.975; 4) = 2.776, t(.95; 10) = 1.812', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3027, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764, 3);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.8125, 3);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764, 3);
    expect(studentTCdf(0, 3)).toBe(0.5);
  });

  it('Student t quantile inverts the CDF to 1e-12 for fractional, small and large degrees of freedom', () => {
    // The Welch and Satterthwaite degrees of freedom are fractional; 1e6 is near the normal.
    for (const v of [0.5, 1, 1.37, 2, 2.5, 4, 9.8, 30, 1e6]) {
      for (const p of [0.55, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995]) {
        const t = studentTQuantile(p, v);
        expect(studentTCdf(t, v), `p ${p}, v ${v}`).toBeCloseTo(p, 12);
        expect(studentTQuantile(1 - p, v)).toBe(-t);
      }
    }
    // z + (z^3 + z) / (4v) at v = 1e6: 1.959963985 + 2.372e-6; the normal quantile alone is 1.959964.
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.95996636, 7);
  });

  it('Student t CDF against closed forms for v = 1..4, near the centre and at negative t', () => {
    // v = 1: 1/2 + atan(t)/pi; v = 2: 1/2 + t / (2 sqrt(2 + t^2));
    // v = 3: 1/2 + (t / (sqrt(3) (1 + t^2/3)) + atan(t / sqrt(3))) / pi;
    // v = 4: 1/2 + (3/8) u (1 - u^2 / 12) with u = t / sqrt(1 + t^2/4).
    const closed: Record<number, (t: number) => number> = {
      1: (t) => 0.5 + Math.atan(t) / Math.PI,
      2: (t) => 0.5 + t / (2 * Math.sqrt(2 + t * t)),
      3: (t) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI,
      4: (t) => { const u = t / Math.sqrt(1 + (t * t) / 4); return 0.5 + 0.375 * u * (1 - (u * u) / 12); },
    };
    for (const [v, cdf] of Object.entries(closed)) {
      for (const t of [-30, -2.5, -1, -0.5, -1e-3, 1e-6, 0.3, 1, 1.7, 4, 12]) {
        expect(studentTCdf(t, Number(v)), `t ${t}, v ${v}`).toBeCloseTo(cdf(t), 12);
      }
      // Near the centre the digits that matter are those of CDF - 1/2.
      expect((studentTCdf(1e-6, Number(v)) - 0.5) / (cdf(1e-6) - 0.5)).toBeCloseTo(1, 8);
    }
  });

  it('normal quantiles: z(.975) = 1.95996, z(.5) = 0, z(.001) = -3.0902', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('binomial CDF: P(Bin(4, .5) <= 1) = 5/16; edge cases', () => {
    expect(binomialCdf(1, 4, 0.5)).toBeCloseTo(5 / 16, 12);
    expect(binomialCdf(4, 4, 0.5)).toBe(1);
    expect(binomialCdf(-1, 4, 0.5)).toBe(0);
    expect(binomialCdf(0, 10, 0)).toBe(1);
  });

  it('F: CDF against the closed form for 2 numerator degrees of freedom, 1 - (1 + 2x / d2)^(-d2 / 2); F(1, d) quantiles are squared t quantiles', () => {
    for (const d2 of [1, 4, 66, 1000]) {
      for (const x of [0.01, 0.5, 3.13, 40]) expect(fCdf(x, 2, d2)).toBeCloseTo(1 - (1 + (2 * x) / d2) ** (-d2 / 2), 12);
      // The closed form inverted: x = (d2 / 2) ((1 - p)^(-2 / d2) - 1).
      expect(fQuantile(0.95, 2, d2)).toBeCloseTo((d2 / 2) * (0.05 ** (-2 / d2) - 1), 8);
      expect(fQuantile(0.95, 1, d2)).toBeCloseTo(studentTQuantile(0.975, d2) ** 2, 8);
    }
    // Tables: F(.95; 2, 60) = 3.150, F(.95; 4, 20) = 2.866.
    expect(fQuantile(0.95, 2, 60)).toBeCloseTo(3.1504, 3);
    expect(fQuantile(0.95, 4, 20)).toBeCloseTo(2.8661, 3);
    expect([fCdf(0, 2, 4), fCdf(-1, 2, 4), fCdf(Infinity, 2, 4)]).toEqual([0, 0, 1]);
  });

  it('input errors quote the value received', () => {
    expect(() => fQuantile(1, 2, 4)).toThrow(/received 1/);
    expect(() => fCdf(1, 0, 4)).toThrow(/received 0 and 4/);
    expect(() => studentTQuantile(1.5, 3)).toThrow(/received 1.5/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/degreesOfFreedom > 0, received 0/);
    expect(() => binomialCdf(1, 4, 2)).toThrow(/received 2/);
  });
});
