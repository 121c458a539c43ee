import { describe, expect, it } from 'vitest';
import { allocateFalseFailRates } from '../../../perf/lib/evaluate/verdicts/false-fail-budget.ts';
import { decideRegression } from '../../../perf/lib/evaluate/verdicts/regression-decision.ts';

const quiet = { current: [100, 100.1, 99.9], stored: [100, 100.2, 99.8], betweenRunLogSd: 0.001, tolerance: 0.1, higherIsWorse: false };
const noisy = { current: [1.1, 0.9, 1.0], stored: [1.0, 1.1, 0.9], betweenRunLogSd: 0.08, tolerance: 0.2, higherIsWorse: true };

describe('allocateFalseFailRates: one 5% budget over the regression verdicts', () => {
  it('all quiet: an equal share each', () => {
    const rates = allocateFalseFailRates([quiet, quiet], 0.95);
    for (const rate of rates) expect(rate).toBeCloseTo(0.025, 12);
  });

  it('what quiet verdicts leave goes to the noisy ones, and the rates in use sum to <= 5%', () => {
    const rates = allocateFalseFailRates([quiet, noisy, quiet, noisy], 0.95);
    expect(rates[1]).toBeGreaterThan(0.0125);
    expect(rates[1]).toBe(rates[3]);
    const used = [quiet, noisy, quiet, noisy].map((input, i) => decideRegression({ ...input, falseFailRate: rates[i]! })!.falseFailRate);
    expect(used.reduce((s, r) => s + r, 0)).toBeLessThanOrEqual(0.05 + 1e-12);
  });

  it('nothing to judge: nothing allocated', () => {
    expect(allocateFalseFailRates([], 0.95)).toEqual([]);
  });
});
