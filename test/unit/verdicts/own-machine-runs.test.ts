// A run judged against its own machine's runs of a baseline of several runs
// (perf/lib/evaluate/verdicts/own-machine-runs.ts), and what judgeBaselineRegression then says.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { judgeBaselineRegression } from '../../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { MIN_OWN_MACHINE_RUNS, ownMachineRuns, ownMachineRunsOfRecord } from '../../../perf/lib/evaluate/verdicts/own-machine-runs.ts';
import { assembleBaseline } from '../../../perf/lib/store/baselines/from-runs.ts';
import { CALIBRATION_ARMS, type SyntheticRunSpec, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { baselineFromRun, verdictContextOf } from './verdict-fixture.ts';

/** The synthetic runs' worker fingerprints name this GPU (test/fixtures/run-record/worker.ts). */
const THIS_MACHINE = 'GPU-fixture-0';

// 3 trials of 600 hp requests, 5% trial-to-trial noise; xschedScale moves the xsched arm's hp level;
// aloneScale sets the hp-alone arm's level (the drift calibration; healthyRunSpec's without it).
function spec(seed: number, xschedScale = 1, aloneScale?: number): SyntheticRunSpec {
  return {
    seed,
    scenario: {
      durationMs: 60_000,
      trials: 3,
      thresholds: { hpAchievedRateMinFraction: 0.95, hpP99ImprovementMinFraction: 0.2, lpThroughputLossMaxFraction: 0.1, regressionP99Tolerance: 0.2, regressionLpTolerance: 0.1 },
    },
    arms: {
      'lp-alone': CALIBRATION_ARMS['lp-alone'],
      baseline: { hpMedianMs: 10, hpTrialSigma: 0.05, lpIterationMs: 50, lpTrialSigma: 0.02 },
      xsched: { hpMedianMs: 5 * xschedScale, hpTrialSigma: 0.05, lpIterationMs: 52, lpTrialSigma: 0.02 },
      'hp-alone': aloneScale === undefined ? CALIBRATION_ARMS['hp-alone'] : { hpMedianMs: 2 * aloneScale, hpTrialSigma: 0.02 },
    },
  };
}

/** A baseline of several runs through the product's own assembly, one run per (machine, xsched scale), a day apart (so that they estimate their own between-run noise). */
function storedOn(runs: Array<[machine: string, xschedScale: number]>, apart: 'days' | 'hours' = 'days'): BaselineFile {
  const parts = runs.map(([machine, scale], i) => ({
    run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20, 0) + i * (apart === 'days' ? 24 : 1) * 3.6e6).toISOString(), machine },
    arms: baselineFromRun(buildSyntheticRun(spec(100 + i, scale))).arms,
  }));
  return assembleBaseline(baselineFromRun(buildSyntheticRun(spec(100))), parts);
}

/** 6 runs of this machine at level 1 (MIN_OWN_MACHINE_RUNS), and 3 of two others at `others`, interleaved. */
const mixed = (others: number): Array<[string, number]> => [
  [THIS_MACHINE, 1], ['GPU-b', others], [THIS_MACHINE, 1], ['GPU-c', others], [THIS_MACHINE, 1],
  [THIS_MACHINE, 1], ['GPU-b', others], [THIS_MACHINE, 1], [THIS_MACHINE, 1],
];
const MINE = [0, 2, 4, 5, 7, 8];

describe('ownMachineRuns', () => {
  const stored = storedOn(mixed(1.3));

  it('cuts the baseline to the runs of one machine, every arm, trialRuns renumbered', () => {
    const own = ownMachineRuns(stored, THIS_MACHINE)!;
    expect([own.runs, own.of, own.machine]).toEqual([MIN_OWN_MACHINE_RUNS, 9, THIS_MACHINE]);
    expect(own.baseline.runs!.map((r) => r.runId)).toEqual(MINE.map((i) => `run-${i}`));
    for (const arm of ['baseline', 'xsched'] as const) {
      const cut = own.baseline.arms[arm]!;
      const whole = stored.arms[arm]!;
      const kept = whole.trialRuns!.map((run, trial) => [run, trial] as const).filter(([run]) => MINE.includes(run)).map(([, trial]) => trial);
      expect(cut.hpP99Ms).toEqual(kept.map((t) => whole.hpP99Ms[t]));
      expect(cut.lpIterPerSec).toEqual(kept.map((t) => whole.lpIterPerSec[t]));
      expect(cut.trialRuns).toEqual(MINE.flatMap((_, i) => [i, i, i]));
    }
    expect(own.baseline.workload).toEqual(stored.workload);
  });

  it('leaves the baseline whole with fewer than 6 runs of the machine, or when every run is of it', () => {
    expect(ownMachineRuns(stored, 'GPU-b')).toBeNull();
    expect(ownMachineRuns(storedOn(mixed(1.3).slice(0, 8)), THIS_MACHINE)).toBeNull(); // 5 of this machine
    expect(ownMachineRuns(storedOn(mixed(1.3)), THIS_MACHINE)?.runs).toBe(6);
    expect(ownMachineRuns(storedOn(MINE.map(() => [THIS_MACHINE, 1])), THIS_MACHINE)).toBeNull();
    expect(ownMachineRuns(baselineFromRun(buildSyntheticRun(spec(1))), THIS_MACHINE)).toBeNull();
  });

  it('finds the machine from the run record', () => {
    expect(ownMachineRunsOfRecord(stored, buildSyntheticRun(spec(7)))?.runs).toBe(MIN_OWN_MACHINE_RUNS);
  });
});

describe('judgeBaselineRegression with this machine\'s runs in the baseline', () => {
  // This machine's XSched level is 1; two other machines' 1.3 (as one H200 in ten differs, docs/gpu-results.md section 18).
  const stored = storedOn(mixed(1.3));
  const xschedHp = (scale: number, against: BaselineFile) =>
    judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(7, scale)), against)).find((v) => v.id === 'regression.xsched.hp-p99')!;

  it('compares with this machine\'s 6 runs, not the 9, and says so', () => {
    const verdict = xschedHp(1, stored);
    expect(verdict.status).toBe('pass');
    expect(verdict.measured.storedRuns).toBe(6);
    expect(verdict.measured.ownMachineRuns).toBe(6);
    // The ratio of floors (trial-floor.ts): near 1 against its own runs, where the others' would read about 1/1.3.
    expect(verdict.measured.ratio as number).toBeGreaterThan(0.88);
    expect(verdict.measured.floorOfTrials).toBe(3);
    expect(verdict.message).toContain(`Judged against this machine's own 6 of the baseline's 9 runs (${THIS_MACHINE})`);
  });

  it('a +30% rise on this machine fails against its own runs, though the other machines run that high', () => {
    expect(xschedHp(1.3, stored).status).toBe('fail');
    const whole = storedOn(mixed(1.3).map(([m, scale]) => [m === THIS_MACHINE ? 'GPU-a' : m, scale]));
    expect(xschedHp(1.3, whole).status).toBe('pass');
  });

  it('runs of this machine hours apart keep the recorded floor, and the advice says to add its runs of other days', () => {
    const verdict = xschedHp(1, storedOn(mixed(1.3), 'hours'));
    expect(verdict.measured.ownMachineRuns).toBe(6);
    expect(verdict.measured.detectionRate as number).toBeLessThan(0.9);
    expect(verdict.recommendation).toContain("this machine's own 6 runs");
    expect(verdict.recommendation).toContain('add runs of this machine on other days (PERF_UPDATE_BASELINES=append on it)');
  });

  it('the alone arms are calibrated against the same runs: a machine whose hp-alone level is its own is no drift', () => {
    // This machine's hp-alone at 4x the others' (6 runs against 3): against the whole baseline
    // that is a machine change, against this machine's own runs it is not.
    const parts = (renamed: string) =>
      mixed(1).map(([machine], i) => ({
        run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20 + i)).toISOString(), machine: machine === THIS_MACHINE ? renamed : machine },
        arms: baselineFromRun(buildSyntheticRun(spec(300 + i, 1, machine === THIS_MACHINE ? 4 : 1)), ['hp-alone', 'lp-alone', 'baseline', 'xsched']).arms,
      }));
    const meta = baselineFromRun(buildSyntheticRun(spec(100)));
    const drifted = (stored: BaselineFile) => judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(7, 1, 4)), stored)).filter((v) => v.message.startsWith('[drift]')).length;
    expect(drifted(assembleBaseline(meta, parts(THIS_MACHINE)))).toBe(0);
    expect(drifted(assembleBaseline(meta, parts('GPU-a')))).toBe(4);
  });

  it('without 6 runs of this machine, the whole baseline is used and no note is added', () => {
    const elsewhere = storedOn(mixed(1.3).map(([m, scale]) => [m === THIS_MACHINE ? 'GPU-a' : m, scale]));
    const verdict = xschedHp(1, elsewhere);
    expect(verdict.measured.storedRuns).toBe(9);
    expect(verdict.measured.ownMachineRuns).toBeUndefined();
    expect(verdict.message).not.toContain("this machine's own");
    // Judged across machines that differ, it cannot see +20%, and says what would let it.
    expect(verdict.measured.detectionRate as number).toBeLessThan(0.9);
    expect(verdict.recommendation).toContain('add runs of this machine to the baseline until it holds 6 (PERF_UPDATE_BASELINES=append on it)');
  });

  it('a fail against other GPUs says where this GPU stands and the test that tells a GPU from a change (other-machines-note.ts)', () => {
    // Three other GPUs alike, this one's XSched 50% higher.
    const elsewhere = storedOn(mixed(1).map(([m, scale]) => [m === THIS_MACHINE ? 'GPU-a' : m, scale]));
    const unseen = xschedHp(1.5, elsewhere);
    expect(unseen.status).toBe('fail');
    expect(unseen.recommendation).toContain(`The baseline holds none of its 9 runs on this GPU (${THIS_MACHINE}), so this run was judged against other GPUs; in this metric the baseline's GPUs differ from its level by up to x1.0`);
    // The floors' ratio (trial-floor.ts), for XSched 50% higher: the floor of this run's three trials against the stored runs'.
    expect(unseen.recommendation).toMatch(/and this run reads x1\.[345]\d\d\./);
    expect(unseen.recommendation).toContain("run the baseline's configuration on this GPU");
    // The baseline arm, judged the same way, gets it too when it fails.
    const baselineArm = judgeBaselineRegression(verdictContextOf(buildSyntheticRun({ ...spec(7), arms: { ...spec(7).arms, baseline: { hpMedianMs: 15, hpTrialSigma: 0.05, lpIterationMs: 50, lpTrialSigma: 0.02 } } }), elsewhere)).find((v) => v.id === 'regression.baseline.hp-p99')!;
    expect(baselineArm.status).toBe('fail');
    expect(baselineArm.recommendation).toContain('The baseline holds none of its 9 runs on this GPU');
    // 5 runs of this GPU: judged with the others.
    const few = xschedHp(1.5, storedOn(mixed(1).slice(0, 8)));
    expect([few.status, few.measured.ownMachineRuns]).toEqual(['fail', undefined]);
    expect(few.recommendation).toContain(`The baseline holds 5 of its 8 runs on this GPU (${THIS_MACHINE}), so this run was judged against all 8, 3 of them of other GPUs`);
    // Judged against its own runs, or passing, nothing is added.
    const own = xschedHp(1.3, stored);
    expect([own.status, own.measured.ownMachineRuns]).toEqual(['fail', 6]);
    expect(own.recommendation).not.toContain('on this GPU');
    const passed = xschedHp(1, elsewhere);
    expect(passed.status).toBe('pass');
    expect(passed.recommendation ?? '').not.toContain('on this GPU');
  });
});
