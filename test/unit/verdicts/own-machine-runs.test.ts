// A run judged against its own machine's runs of a baseline of several runs
// (perf/lib/evaluate/verdicts/own-machine-runs.ts), and what judgeBaselineRegression then says.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { judgeBaselineRegression } from '../../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { machinesDiffer, ownMachineRuns, ownMachineRunsOfRecord } from '../../../perf/lib/evaluate/verdicts/own-machine-runs.ts';
import { storedValuesOf, REGRESSION_METRICS } from '../../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { assembleBaseline } from '../../../perf/lib/store/baselines/from-runs.ts';
import { type SyntheticRunSpec, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { baselineFromRun, verdictContextOf } from './verdict-fixture.ts';

/** The synthetic runs' worker fingerprints name this GPU (test/fixtures/run-record/worker.ts). */
const THIS_MACHINE = 'GPU-fixture-0';

// 3 trials of 600 hp requests, 5% trial-to-trial noise; xschedScale moves the xsched arm's hp level.
function spec(seed: number, xschedScale = 1): SyntheticRunSpec {
  return {
    seed,
    scenario: {
      durationMs: 60_000,
      trials: 3,
      thresholds: { hpAchievedRateMinFraction: 0.95, hpP99ImprovementMinFraction: 0.2, lpThroughputLossMaxFraction: 0.1, regressionP99Tolerance: 0.2, regressionLpTolerance: 0.1 },
    },
    arms: {
      baseline: { hpMedianMs: 10, hpTrialSigma: 0.05, lpIterationMs: 50, lpTrialSigma: 0.02 },
      xsched: { hpMedianMs: 5 * xschedScale, hpTrialSigma: 0.05, lpIterationMs: 52, lpTrialSigma: 0.02 },
    },
  };
}

/** A baseline of several runs through the product's own assembly, one run per (machine, xsched scale), a day apart (so that they estimate their own between-run noise). */
function storedOn(runs: Array<[machine: string, xschedScale: number]>): BaselineFile {
  const parts = runs.map(([machine, scale], i) => ({
    run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20 + i)).toISOString(), machine },
    arms: baselineFromRun(buildSyntheticRun(spec(100 + i, scale))).arms,
  }));
  return assembleBaseline(baselineFromRun(buildSyntheticRun(spec(100))), parts);
}

describe('ownMachineRuns', () => {
  const stored = storedOn([[THIS_MACHINE, 1], ['GPU-b', 1.3], [THIS_MACHINE, 1], ['GPU-c', 1.3], [THIS_MACHINE, 1]]);

  it('cuts the baseline to the runs of one machine, every arm, trialRuns renumbered', () => {
    const own = ownMachineRuns(stored, THIS_MACHINE)!;
    expect([own.runs, own.of, own.machine]).toEqual([3, 5, THIS_MACHINE]);
    expect(own.baseline.runs!.map((r) => r.runId)).toEqual(['run-0', 'run-2', 'run-4']);
    for (const arm of ['baseline', 'xsched'] as const) {
      const cut = own.baseline.arms[arm]!;
      const whole = stored.arms[arm]!;
      const kept = whole.trialRuns!.map((run, trial) => [run, trial] as const).filter(([run]) => run % 2 === 0).map(([, trial]) => trial);
      expect(cut.hpP99Ms).toEqual(kept.map((t) => whole.hpP99Ms[t]));
      expect(cut.lpIterPerSec).toEqual(kept.map((t) => whole.lpIterPerSec[t]));
      expect(cut.trialRuns).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    }
    expect(own.baseline.workload).toEqual(stored.workload);
  });

  it('leaves the baseline whole with fewer than 3 runs of the machine, or when every run is of it', () => {
    expect(ownMachineRuns(stored, 'GPU-b')).toBeNull();
    expect(ownMachineRuns(storedOn([[THIS_MACHINE, 1], [THIS_MACHINE, 1], ['GPU-b', 1]]), THIS_MACHINE)).toBeNull();
    expect(ownMachineRuns(storedOn([[THIS_MACHINE, 1], [THIS_MACHINE, 1], [THIS_MACHINE, 1]]), THIS_MACHINE)).toBeNull();
    expect(ownMachineRuns(baselineFromRun(buildSyntheticRun(spec(1))), THIS_MACHINE)).toBeNull();
  });

  it('finds the machine from the run record', () => {
    expect(ownMachineRunsOfRecord(stored, buildSyntheticRun(spec(7)))?.runs).toBe(3);
  });
});

describe('judgeBaselineRegression with this machine\'s runs in the baseline', () => {
  // This machine's XSched level is 1; two other machines' 1.3 (as one H200 in ten differs, docs/gpu-results.md section 18).
  const stored = storedOn([[THIS_MACHINE, 1], ['GPU-b', 1.3], [THIS_MACHINE, 1], ['GPU-c', 1.3], [THIS_MACHINE, 1]]);
  const xschedHp = (scale: number, against: BaselineFile) =>
    judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(7, scale)), against)).find((v) => v.id === 'regression.xsched.hp-p99')!;

  it('compares with this machine\'s 3 runs, not the 5, and says so', () => {
    const verdict = xschedHp(1, stored);
    expect(verdict.status).toBe('pass');
    expect(verdict.measured.storedRuns).toBe(3);
    expect(verdict.measured.ownMachineRuns).toBe(3);
    expect(verdict.measured.ratio as number).toBeGreaterThan(0.93);
    expect(verdict.message).toContain(`Judged against this machine's own 3 of the baseline's 5 runs (${THIS_MACHINE})`);
  });

  it('a +30% rise on this machine fails against its own runs, though the other machines run that high', () => {
    expect(xschedHp(1.3, stored).status).toBe('fail');
    const whole = storedOn([['GPU-a', 1], ['GPU-b', 1.3], ['GPU-a', 1], ['GPU-c', 1.3], ['GPU-a', 1]]);
    expect(xschedHp(1.3, whole).status).toBe('pass');
  });

  it('where the machines\' levels agree, the whole baseline is used, though 3 runs are of this machine', () => {
    const alike = storedOn([[THIS_MACHINE, 1], ['GPU-b', 1], [THIS_MACHINE, 1], ['GPU-c', 1], [THIS_MACHINE, 1]]);
    const hp = REGRESSION_METRICS[0]!;
    expect(machinesDiffer(alike, storedValuesOf(alike.arms.xsched!, hp))).toBe(false);
    expect(machinesDiffer(stored, storedValuesOf(stored.arms.xsched!, hp))).toBe(true);
    // The baseline arm's level is the same on every machine of `stored`: judged against all 5.
    expect(machinesDiffer(stored, storedValuesOf(stored.arms.baseline!, hp))).toBe(false);
    const verdicts = judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(7)), stored));
    expect(verdicts.find((v) => v.id === 'regression.baseline.hp-p99')!.measured.storedRuns).toBe(5);
    const verdict = xschedHp(1, alike);
    expect(verdict.measured.storedRuns).toBe(5);
    expect(verdict.message).not.toContain("this machine's own");
  });

  it('without 3 runs of this machine, the whole baseline is used and no note is added', () => {
    const elsewhere = storedOn([['GPU-a', 1], ['GPU-b', 1.3], ['GPU-a', 1], ['GPU-c', 1.3], ['GPU-a', 1]]);
    const verdict = xschedHp(1, elsewhere);
    expect(verdict.measured.storedRuns).toBe(5);
    expect(verdict.measured.ownMachineRuns).toBeUndefined();
    expect(verdict.message).not.toContain("this machine's own");
    // Judged across machines that differ, it cannot see +20%, and says what would let it.
    expect(verdict.measured.detectionRate as number).toBeLessThan(0.9);
    expect(verdict.recommendation).toContain('add 3 or more runs of this machine to the baseline (PERF_UPDATE_BASELINES=append on it)');
  });
});
