// The two-level (machine, run) between-run estimate (perf/lib/evaluate/verdicts/regression-noise-machines.ts,
// docs/statistics.md 3.4): hand-checked on a tiny input, when it stands aside, and by a seeded
// simulation of a machine effect that runs on one machine share, why it exists.

import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';
import { drawStandardNormal } from '../../../perf/lib/evaluate/stats/random/random-variates.ts';
import { decideRegression } from '../../../perf/lib/evaluate/verdicts/regression-decision.ts';
import { machineLevelError, machineSpread } from '../../../perf/lib/evaluate/verdicts/regression-noise-machines.ts';

const e = Math.exp;
/** Three trials at mean -0.05, mean, mean + 0.05 (log): within-run sum of squares 0.005. */
const run = (mean: number): number[] => [mean - 0.05, mean, mean + 0.05];

describe('machineSpread and machineLevelError', () => {
  // Runs (log means): A 0.1 and 0.0 on one machine, B 0.3, C 0.2. K = 4, M = 3.
  const logs = [run(0.1), run(0), run(0.3), run(0.2)];
  const machines = ['A', 'A', 'B', 'C'];

  it('hand-checked: machine means, their variance, the pooled spread of runs on one machine', () => {
    const s = machineSpread(logs, machines)!;
    expect(s.machines).toBe(3);
    // Machine means 0.05, 0.3, 0.2 (mean 0.18333): V_m = (0.017778 + 0.013611 + 0.000278) / 2.
    expect(s.machineMeanVariance).toBeCloseTo(0.0158333, 6);
    // A's runs around 0.05: (0.05^2 + 0.05^2) / 1.
    expect(s.withinMachineRunVariance).toBeCloseTo(0.005, 9);
    expect(s.withinMachineDf).toBe(1);
    expect(s.machineWeight).toBeCloseTo(1 + 6 / 16, 12);
    expect(s.meanInverseRuns).toBeCloseTo((0.5 + 1 + 1) / 3, 12);
    expect(s.meanInverseRunsTrials).toBeCloseTo((1 / 6 + 1 / 3 + 1 / 3) / 3, 12);
    expect(s.repeatedInverseTrials).toBeCloseTo(1 / 3, 12);
  });

  it('hand-checked: Var(d) = a sigma_m^2 + b sigma_r^2 + s_w^2 (1/n + h/K)', () => {
    // s_w^2 = 0.0025 (5 runs of 3 trials, each with sum of squares 0.005, over 10 degrees of freedom).
    const m = machineLevelError(machineSpread(logs, machines)!, 0.0025, 10, 4, 1 / 3, 3);
    // sigma_r^2 = 0.005 - 0.0025 / 3; sigma_m^2 = 0.0158333 - (5/6) sigma_r^2 - 0.277778 x 0.0025.
    expect(m.runLogSd ** 2).toBeCloseTo(0.0041667, 6);
    expect(m.machineLogSd ** 2).toBeCloseTo(0.0116667, 6);
    // 1.375 x 0.0116667 + 1.25 x 0.0041667 + 0.0025 x (1/3 + 1/12).
    expect(m.variance).toBeCloseTo(0.0222917, 6);
    // Satterthwaite: V_m (2 df) dominates; W adds a little, s_w^2's coefficient cancels to 0.
    expect(m.df).toBeCloseTo(2.0945, 3);
  });

  it('more trials in this run lower Var(d) and keep its degrees of freedom: the boundary never widens with them', () => {
    const spread = machineSpread(logs, machines)!;
    const at = (n: number) => machineLevelError(spread, 0.0025, 10, 4, 1 / 3, n);
    expect(at(10).variance).toBeLessThan(at(3).variance);
    expect(at(Number.POSITIVE_INFINITY).variance).toBeCloseTo(1.375 * 0.0116667 + 1.25 * 0.0041667 + 0.0025 / 12, 6);
    expect(at(10).df).toBe(at(3).df);
    expect(at(Number.POSITIVE_INFINITY).df).toBe(at(3).df);
  });

  it('stands aside where the run-level estimate says the same or too little is known', () => {
    expect(machineSpread(logs, ['A', 'B', 'C', 'D'])).toBeNull(); // one run per machine
    expect(machineSpread(logs, ['A', 'A', 'B', 'B'])).toBeNull(); // two machines
    expect(machineSpread(logs, ['A', 'A', 'B', undefined])).toBeNull(); // a run names none
    expect(machineSpread(logs, ['A', 'A', 'B'])).toBeNull(); // not one machine per run
  });

  it('clamps a negative component at 0 and never falls below the variance with no between-run noise', () => {
    // All four runs at the same level: both components estimate below 0.
    const flat = [run(0), run(0), run(0), run(0)];
    const m = machineLevelError(machineSpread(flat, machines)!, 0.0025, 10, 4, 1 / 3, 3);
    expect(m.machineLogSd).toBe(0);
    expect(m.runLogSd).toBe(0);
    expect(m.variance).toBeCloseTo(0.0025 * (1 / 3 + 1 / 12), 12);
    expect(m.df).toBeCloseTo(10, 9);
  });
});

describe('decideRegression: a baseline of runs clustered on machines', () => {
  it('names the two levels in its interval method and reports the machines', () => {
    const stored = [run(0.1), run(0), run(0.3), run(0.2)].flat().map(e);
    const storedRuns = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
    const d = decideRegression({ current: run(0.15).map(e), stored, storedRuns, storedRunMachines: ['A', 'A', 'B', 'C'], betweenRunLogSd: 0, estimateBetweenRun: true, tolerance: 0.2, higherIsWorse: true, falseFailRate: 0.05 })!;
    expect(d.machines).toBe(3);
    expect(d.standardErrorLog).toBeCloseTo(Math.sqrt(0.0222917), 5);
    expect(d.interval.method).toContain('at two levels: 3 machines and the runs on each');
  });

  /**
   * Seeded: a baseline of 11 runs on 4 machines (2, 1, 1 and 7 runs, as the committed quick
   * baseline of 2026-11-30), each machine with its own level (sigma_m), runs around it (sigma_r),
   * 3 trials each (s_w); the new run on a fifth machine. Counting the 11 runs as 11 draws of
   * "another machine" understates sigma_m; the two-level estimate does not.
   */
  function falseFailRates(repeats: number) {
    const random = createSeededRandom(20261201);
    const [sigmaM, sigmaR, sW] = [0.08, 0.02, 0.07];
    const trials = (level: number) => Array.from({ length: 3 }, () => e(level + sW * drawStandardNormal(random)));
    const layout = [2, 1, 1, 7];
    const machineOfRun = layout.flatMap((k, m) => Array.from({ length: k }, () => `GPU-${m}`));
    const storedRuns = machineOfRun.flatMap((_, r) => [r, r, r]);
    const rates = { runLevel: 0, twoLevels: 0 };
    for (let i = 0; i < repeats; i++) {
      const levels = layout.map(() => sigmaM * drawStandardNormal(random));
      const stored = machineOfRun.flatMap((m) => trials(levels[Number(m.slice(4))]! + sigmaR * drawStandardNormal(random)));
      const current = trials(sigmaM * drawStandardNormal(random) + sigmaR * drawStandardNormal(random));
      const input = { current, stored, storedRuns, betweenRunLogSd: 0, estimateBetweenRun: true, tolerance: 0.2, higherIsWorse: true, falseFailRate: 0.05 };
      rates.runLevel += decideRegression(input)!.status === 'fail' ? 1 / repeats : 0;
      rates.twoLevels += decideRegression({ ...input, storedRunMachines: machineOfRun })!.status === 'fail' ? 1 / repeats : 0;
    }
    return rates;
  }

  it('simulated: an unchanged run on another machine fails about alpha with two levels, far more run by run', () => {
    const rates = falseFailRates(3000);
    // Seed 20261201: 4.6% with two levels, 11.0% run by run. Binomial SD at 3000 repeats and 5%: 0.4 points.
    expect(rates.twoLevels).toBeLessThan(0.05 + 4 * 0.004);
    expect(rates.runLevel).toBeGreaterThan(rates.twoLevels + 0.03);
  });
});
