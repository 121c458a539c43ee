// The floor of a run's trial P99s (perf/lib/evaluate/verdicts/trial-floor.ts): hand-checked on
// tiny inputs, and what it does in decideRegression against a baseline of several runs.

import { describe, expect, it } from 'vitest';
import { judgeRegressionValues } from '../../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { decideRegression } from '../../../perf/lib/evaluate/verdicts/regression-decision.ts';
import { expectedLowestOf, floorValues } from '../../../perf/lib/evaluate/verdicts/trial-floor.ts';

const e = Math.exp;

describe('expectedLowestOf', () => {
  it('of m = n values: the lowest', () => {
    expect(expectedLowestOf([1.3, 1.1, 2.2], 3)).toBeCloseTo(1.1, 12);
  });

  it('of m = 1: the geometric mean', () => {
    expect(expectedLowestOf([e(0.1), e(0.2), e(0.6)], 1)).toBeCloseTo(e(0.3), 12);
  });

  it('of 2 out of 3, by hand: the subsets {1,2}, {1,3}, {2,3} have lowest logs 0.1, 0.1, 0.2', () => {
    expect(expectedLowestOf([e(0.2), e(0.1), e(0.6)], 2)).toBeCloseTo(e(0.4 / 3), 12);
  });

  it('of 3 out of 5, by hand: weights C(4,2), C(3,2), C(2,2) over C(5,3) = 6/10, 3/10, 1/10 on the three lowest', () => {
    const logs = [0.5, 0.1, 0.4, 0.2, 0.3];
    expect(expectedLowestOf(logs.map(e), 3)).toBeCloseTo(e(0.6 * 0.1 + 0.3 * 0.2 + 0.1 * 0.3), 12);
  });

  it('one stalled trial of three does not move it; a rise of every trial moves it by that much', () => {
    expect(expectedLowestOf([1.15, 1.2, 2.2], 3)).toBeCloseTo(expectedLowestOf([1.15, 1.2, 1.25], 3), 12);
    expect(expectedLowestOf([1.15, 1.2, 1.25].map((v) => v * 1.2), 3)).toBeCloseTo(1.15 * 1.2, 12);
  });

  it('rejects an m outside 1..n, quoting it', () => {
    expect(() => expectedLowestOf([1, 2], 3)).toThrow('1 <= m <= 2 values, received m = 3');
    expect(() => expectedLowestOf([1, 2], 0)).toThrow('received m = 0');
  });
});

describe('floorValues', () => {
  it('m is the fewest trials on any side; one floor per stored run, with its run index', () => {
    const f = floorValues([1.2, 1.3, 1.1], [1.0, 1.4, 1.2, 1.5, 1.6, 1.7, 1.8, 1.9], [4, 4, 4, 7, 7, 7, 7, 7])!;
    expect(f.ofTrials).toBe(3);
    expect(f.current).toEqual([expect.closeTo(1.1, 12)]);
    expect(f.stored[0]).toBeCloseTo(1.0, 12);
    // 5 trials, m = 3: 0.6 x log 1.5 + 0.3 x log 1.6 + 0.1 x log 1.7.
    expect(f.stored[1]).toBeCloseTo(e(0.6 * Math.log(1.5) + 0.3 * Math.log(1.6) + 0.1 * Math.log(1.7)), 12);
    expect(f.storedRuns).toEqual([4, 7]);
  });

  it('no floor from one trial a side, or from a value that is not positive and finite', () => {
    expect(floorValues([1.2], [1, 2, 3], [0, 0, 0])).toBeNull();
    expect(floorValues([1.2, 1.3], [1, 2, 3, 4], [0, 1, 1, 1])).toBeNull();
    expect(floorValues([1.2, Number.POSITIVE_INFINITY], [1, 2, 3, 4], [0, 0, 1, 1])).toBeNull();
  });

  it('rejects run indexes that do not match the stored values', () => {
    expect(() => floorValues([1, 2], [1, 2, 3], [0, 0])).toThrow('2 indexes for 3 values');
  });
});

describe('decideRegression on run levels (one floor per run)', () => {
  const base = { tolerance: 0.2, higherIsWorse: true, falseFailRate: 0.05, betweenRunLogSd: 0, estimateBetweenRun: true, runLevel: { label: 'floors of 3 trial P99s' } };
  // Four stored runs, floors at log -0.1, 0, 0, +0.1: V = 0.02 / 3.
  const stored = [e(-0.1), e(0), e(0), e(0.1)];
  const storedRuns = [0, 1, 2, 3];

  it('hand-checked: SE^2 = (1 + 1/K) V, no within-run term, K - 1 degrees of freedom', () => {
    const d = decideRegression({ ...base, current: [e(0.05)], stored, storedRuns })!;
    expect(d.withinRunLogSd).toBe(0);
    expect(d.standardErrorLog).toBeCloseTo(Math.sqrt((5 / 4) * (0.02 / 3)), 12);
    expect(d.degreesOfFreedom).toBeCloseTo(3, 9);
    expect(d.ratio).toBeCloseTo(e(0.05), 12);
    expect(d.interval.method).toContain('t on log run levels (floors of 3 trial P99s: this run vs 4 stored runs)');
  });

  it('at two levels, machine and run, where runs share machines', () => {
    const machines = ['a', 'a', 'b', 'c'];
    const d = decideRegression({ ...base, current: [e(0.05)], stored, storedRuns, storedRunMachines: machines })!;
    expect(d.machines).toBe(3);
    expect(d.withinRunLogSd).toBe(0);
    expect(Number.isFinite(d.standardErrorLog)).toBe(true);
  });

  it('a floor (runs of one machine within a day): SE^2 = floor^2 (1 + 1/K) when the runs spread less', () => {
    const tight = [e(0), e(0.001), e(-0.001), e(0)];
    const d = decideRegression({ ...base, betweenRunLogSd: 0.06, current: [e(0)], stored: tight, storedRuns })!;
    expect(d.betweenRunFrom).toBe('floor');
    expect(d.standardErrorLog).toBeCloseTo(0.06 * Math.sqrt(5 / 4), 12);
  });

  it('rejects more than one value a run', () => {
    expect(() => decideRegression({ ...base, current: [1, 1.1], stored, storedRuns })).toThrow('one value per run');
  });
});

describe('judgeRegressionValues: hp P99 against a baseline of several runs is judged on floors', () => {
  // Eight stored runs of XSched's quick hp P99 on four machines, as recorded (scripts/bench-decisions/recorded-runs.json), two with a stalled trial.
  const runs = [
    [1.1979, 1.0937, 1.1888], [1.1518, 1.1427, 1.1944], [1.094, 1.1171, 1.2054], [1.1556, 1.1694, 1.1492],
    [1.3072, 1.1578, 1.2181], [1.1672, 1.2175, 2.2262], [1.1836, 1.1596, 2.1032], [1.1726, 1.1874, 1.1673],
  ];
  const judge = (current: number[], metricName: 'hp-p99' | 'lp-throughput' = 'hp-p99') =>
    judgeRegressionValues({
      arm: 'xsched',
      metric: { name: metricName, label: metricName, unit: 'ms' },
      rule: 'test rule',
      tolerance: 0.2,
      current,
      stored: runs.flat(),
      storedRuns: runs.flatMap((r, i) => r.map(() => i)),
      betweenRun: { logSd: 0, source: 'test', estimateFromRuns: true, machineOfRun: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'] },
      falseFailRate: 0.025,
    });

  it('one stalled trial of three: no regression, and the message says what was judged', () => {
    const v = judge([1.15, 1.2, 2.2]);
    expect(v.status).toBe('pass');
    expect(v.measured.floorOfTrials).toBe(3);
    expect(v.measured.currentFloor).toBeCloseTo(1.15, 12);
    expect(v.message).toContain('judged on the floor of 3 trials (the expected lowest of 3 trial P99s');
  });

  it('every trial 30% higher: a regression', () => {
    expect(judge([1.15, 1.2, 1.18].map((x) => x * 1.3)).status).toBe('fail');
  });

  it('lp throughput and a baseline whose spread is assumed keep per-trial values', () => {
    expect(judge([1.15, 1.2, 1.18], 'lp-throughput').measured.floorOfTrials).toBeUndefined();
    const assumed = judgeRegressionValues({
      arm: 'xsched',
      metric: { name: 'hp-p99', label: 'hp P99', unit: 'ms' },
      rule: 'test rule',
      tolerance: 0.2,
      current: [1.15, 1.2, 1.18],
      stored: [1.1, 1.2, 1.15],
      betweenRun: { logSd: 0.06, source: 'test', estimateFromRuns: false },
      falseFailRate: 0.025,
    });
    expect(assumed.measured.floorOfTrials).toBeUndefined();
  });
});
