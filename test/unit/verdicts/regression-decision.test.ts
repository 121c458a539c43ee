import { describe, expect, it } from 'vitest';
import { adviseOnPower, trialsReachTargets } from '../../../perf/lib/evaluate/verdicts/regression-advice.ts';
import { decideRegression } from '../../../perf/lib/evaluate/verdicts/regression-decision.ts';

const base = { betweenRunLogSd: 0, tolerance: 0.2, higherIsWorse: true, falseFailRate: 0.05 };

describe('decideRegression: always pass or fail, with its error rates', () => {
  it('hand-checked: no within-run or between-run noise (SE 0): the boundary is midway, sqrt(1.2) = 1.0954, for tolerance 0.2', () => {
    // c = max(0, (0 + ln 1.2 - 0) / 2) = ln 1.2 / 2.
    const below = decideRegression({ ...base, current: [1.09, 1.09], stored: [1, 1] })!;
    expect(below.ratio).toBeCloseTo(1.09, 12);
    expect(below.boundaryRatio).toBeCloseTo(Math.sqrt(1.2), 12);
    expect(below.status).toBe('pass');
    expect(decideRegression({ ...base, current: [1.1, 1.1], stored: [1, 1] })!.status).toBe('fail');
  });

  it('hand-checked standard error: values e^{+-0.1} on both sides (s_w = sqrt(0.02 * 4 / 4)), sigma_b 0.05', () => {
    const e = Math.exp;
    const d = decideRegression({ ...base, betweenRunLogSd: 0.05, current: [e(0.1), e(-0.1), e(0.1), e(-0.1)], stored: [e(0.1), e(-0.1)] })!;
    // pooled SS = 4 * 0.01 + 2 * 0.01 = 0.06 over 4 df: s_w^2 = 0.015; SE^2 = 0.015 (1/4 + 1/2) + 2 * 0.0025 = 0.01625.
    expect(d.withinRunLogSd).toBeCloseTo(Math.sqrt(0.015), 12);
    expect(d.standardErrorLog).toBeCloseTo(Math.sqrt(0.01625), 12);
    expect(d.ratio).toBeCloseTo(1, 12);
    expect(d.status).toBe('pass');
  });

  it('when both targets are reachable, an unchanged run fails <= 5% and a run worse by the tolerance >= 90%', () => {
    const d = decideRegression({ ...base, current: [1.01, 0.99, 1.0], stored: [1.0, 1.01, 0.99] })!;
    expect(d.falseFailRate).toBeLessThanOrEqual(0.05);
    expect(d.detectionRate).toBeGreaterThanOrEqual(0.9 - 1e-9);
  });

  it('when noise is too large for both, it keeps the 5% false-fail bound and reports the lower detection rate', () => {
    const d = decideRegression({ ...base, betweenRunLogSd: 0.1, current: [1.1, 0.9, 1.0], stored: [1.0, 1.1, 0.9] })!;
    expect(d.falseFailRate).toBeCloseTo(0.05, 6);
    expect(d.detectionRate).toBeLessThan(0.9);
  });

  it('lp (lower is worse): a 20% loss fails, a 2% loss passes at tolerance 10%', () => {
    const lp = { ...base, tolerance: 0.1, higherIsWorse: false, stored: [100, 101, 99] };
    expect(decideRegression({ ...lp, current: [80, 80.5, 79.5] })!.status).toBe('fail');
    expect(decideRegression({ ...lp, current: [98, 98.5, 97.5] })!.status).toBe('pass');
  });

  it('one trial on both sides gives no within-run noise: null', () => {
    expect(decideRegression({ ...base, current: [1], stored: [1] })).toBeNull();
  });
});

describe('adviseOnPower: computed advice when a pass could not have seen the regression', () => {
  const input = (betweenRunLogSd: number, values: number[]) => {
    const decision = decideRegression({ ...base, betweenRunLogSd, current: values, stored: values })!;
    return { decision, currentTrials: values.length, storedTrials: values.length, tolerance: 0.2, higherIsWorse: true, falseFailRate: 0.05, toleranceField: 'regressionP99Tolerance', betweenRunSource: 'test' };
  };

  it('none needed when the detection rate is already 90%', () => {
    expect(adviseOnPower(input(0, [1, 1.01, 0.99]))).toBeNull();
  });

  it('within-run noise only: names the trial count that reaches 90%, and that count does reach it', () => {
    const advice = adviseOnPower(input(0, [1, 1.08, 0.93]))!;
    const trials = Number(/with (\d+) trials \(PERF_TRIALS=\1;/.exec(advice)![1]);
    expect(trials).toBeGreaterThan(3);
    const values = Array.from({ length: trials }, (_, i) => [1, 1.08, 0.93][i % 3]!);
    const more = decideRegression({ ...base, current: values, stored: [1, 1.08, 0.93] })!;
    expect(more.detectionRate).toBeGreaterThanOrEqual(0.9 - 1e-9);
  });

  it('a floor just under the tolerance: says what 50 trials see and how many it would take, the smallest such count, not "cannot"', () => {
    // Between-run noise for which 50 trials do not reach 90% but unlimited trials would.
    const cases = Array.from({ length: 400 }, (_, i) => 0.02 + i * 0.00005).map((sd) => ({ sd, advice: adviseOnPower(input(sd, [1, 1.08, 0.93]))! }));
    const edge = cases.find((c) => c.advice.includes('90% only with about'));
    expect(edge, 'some between-run noise puts the floor between 50 trials and unlimited ones').toBeDefined();
    const trials = Number(/90% only with about (\d+) /.exec(edge!.advice)![1]);
    expect(trials).toBeGreaterThan(50);
    expect(Number(/with 50 trials it would see it (\d+(?:\.\d+)?)% of the time/.exec(edge!.advice)![1])).toBeLessThan(90);
    expect(Number(/changes of about (\d+(?:\.\d+)?)% or more/.exec(edge!.advice)![1])).toBeLessThan(20);
    // The count named is the smallest that reaches both targets in the advice's own model.
    const at = input(edge!.sd, [1, 1.08, 0.93]);
    expect(trialsReachTargets(at, trials)).toBe(true);
    expect(trialsReachTargets(at, trials - 1)).toBe(false);
    expect(edge!.advice).not.toContain('cannot');
    // Larger noise: no count reaches it, and the advice says so.
    expect(cases.at(-1)!.advice).toContain('more trials in this run cannot');
  });

  it('between-run noise too large: says more trials cannot, and what the smallest detectable change is', () => {
    const advice = adviseOnPower(input(0.1, [1, 1.01, 0.99]))!;
    expect(advice).toContain('more trials in this run cannot');
    expect(advice).toMatch(/changes of about \d+(\.\d)?% or more/);
    expect(advice).toContain('regressionP99Tolerance');
    // The tolerance it names is what this run's 3 trials see 90% of the time: judged with it, they do.
    const named = Number(/regressionP99Tolerance to at least (\d+(?:\.\d+)?)%/.exec(advice)![1]) / 100;
    const withNamed = decideRegression({ ...base, tolerance: named, betweenRunLogSd: 0.1, current: [1, 1.01, 0.99], stored: [1, 1.01, 0.99] })!;
    expect(withNamed.detectionRate).toBeGreaterThanOrEqual(0.9 - 1e-9);
    // Thresholds stay below 100%: where 3 trials need more, no tolerance is offered.
    const hopeless = adviseOnPower(input(0.25, [1, 1.01, 0.99]))!;
    expect(hopeless).toContain('No regressionP99Tolerance below 100% is seen 90% of the time with 3 trials');
    expect(hopeless).not.toMatch(/to at least \d/);
    // A baseline of one run: what lets the verdict measure that noise instead of assuming it.
    expect(advice).toContain('store a baseline of several runs on this hardware');
    expect(advice).toContain('npm run perf:update-baselines -- --from <run dir> --append, or PERF_UPDATE_BASELINES=append');
  });
});
