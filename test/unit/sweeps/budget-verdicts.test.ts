import { describe, expect, it } from 'vitest';
import { judgeBudget, judgeBudgets, validateBudgets } from '../../../perf/lib/evaluate/sweeps/budget-verdicts.ts';
import { decideSweepStatus } from '../../../perf/lib/evaluate/sweeps/sweep-status.ts';
import { point } from './sweep-points.ts';

const budget10 = { lpLossBudget: 0.1, maxRatio: 1.2 };
// The H200 shape: XSched threshold 1 at ~5% loss, MPS 90% at ~11%, MPS 95% at ~6%.
const xs1 = point('xsched lp-threshold=1', 'xsched-lp-threshold', [7, 7.6, 8.2], [0.04, 0.047, 0.055]);
const mps95 = point('mps lp-percent=95', 'mps-lp-percent', [2.5, 3, 3.5], [0.05, 0.06, 0.07]);

describe('sweep budget verdicts', () => {
  it('fails when a reference inside the budget beats every xsched point by more than the ratio', () => {
    // 7 ms (xsched low) > 1.2 x 3.5 ms = 4.2 ms (mps high).
    const verdict = judgeBudget([xs1, mps95], budget10);
    expect(verdict.status).toBe('fail');
    expect(verdict.id).toBe('sweep-frontier.lp-loss-10pct');
    expect(verdict.measured).toEqual({ xschedP99Ms: 7.6, referenceP99Ms: 3, ratio: 7.6 / 3 });
  });

  it('passes when an xsched point inside the budget is within the ratio of every reference that may be inside', () => {
    const mps = point('mps lp-percent=95', 'mps-lp-percent', [7, 8, 9], [0.05, 0.06, 0.07]);
    // 8.2 ms (xsched high) <= 1.2 x 7 ms = 8.4 ms (mps low).
    expect(judgeBudget([xs1, mps], budget10).status).toBe('pass');
  });

  it('passes when no reference reaches the budget at all', () => {
    const mps90 = point('mps lp-percent=90', 'mps-lp-percent', [1.6, 1.75, 1.9], [0.105, 0.109, 0.12]);
    expect(judgeBudget([xs1, mps90], budget10).message).toMatch(/^Pass: .*no reference point reaches this budget/);
  });

  it('is inconclusive when the P99 intervals overlap the ratio', () => {
    const mps = point('mps lp-percent=95', 'mps-lp-percent', [6, 6.5, 7], [0.05, 0.06, 0.07]);
    // 8.2 > 1.2 x 6 = 7.2 (no pass); 7 <= 1.2 x 7 = 8.4 (no fail).
    expect(judgeBudget([xs1, mps], budget10).status).toBe('inconclusive');
  });

  it('is inconclusive when the only xsched point straddles the budget', () => {
    const straddling = point('xsched lp-threshold=1', 'xsched-lp-threshold', [1, 1.1, 1.2], [0.08, 0.1, 0.12]);
    expect(judgeBudget([straddling, mps95], budget10).status).toBe('inconclusive');
  });

  it('skips (untested) without a reference, and unproven points do not count', () => {
    const unprovenRef = { ...mps95, proof: { status: 'unproven' as const, reason: 'xsched found' } };
    const verdict = judgeBudget([xs1, unprovenRef], budget10);
    expect(verdict.status).toBe('skip');
    expect(decideSweepStatus([verdict]).status).toBe('untested');
  });

  it('one verdict per budget; the sweep fails when any budget fails', () => {
    const verdicts = judgeBudgets([xs1, mps95], [{ lpLossBudget: 0.05, maxRatio: 1.2 }, budget10]);
    // At 5%: xsched loss high 5.5% > 5% (not within), mps low 5% maybe within: inconclusive.
    expect(verdicts.map((v) => v.status)).toEqual(['inconclusive', 'fail']);
    expect(decideSweepStatus(verdicts).status).toBe('fail');
  });

  it('validates budgets, quoting the value', () => {
    expect(() => validateBudgets([{ lpLossBudget: 10, maxRatio: 1.2 }])).toThrow('lpLossBudget=10 is not a fraction in (0, 1)');
    expect(() => validateBudgets([{ lpLossBudget: 0.1, maxRatio: 0.5 }])).toThrow('maxRatio=0.5');
  });
});
