// baselineFromRuns (perf/lib/store/baselines/from-runs.ts): one baseline of several runs, and
// every reason the runs may not make one, on the hand-made runs of run-fixture.ts.

import { describe, expect, it } from 'vitest';
import type { XschedEvidence } from '../../../perf/lib/documents/types/run-record.ts';
import { histogramSampleCount } from '../../../perf/lib/evaluate/stats/percentile-spectrum.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { baselineFromRuns, type RunToCombine } from '../../../perf/lib/store/baselines/from-runs.ts';
import { makeEvaluation, makeRunRecord, type ArmValues } from './run-fixture.ts';
import { A, B, C, firstFingerprint, LATER_VALUES, notCombinableMessage, NOW, run } from './combine-fixture.ts';

const env = (priority: number, threshold: number) => ({
  XSCHED_AUTO_XQUEUE_PRIORITY: String(priority), XSCHED_AUTO_XQUEUE_LEVEL: '1', XSCHED_AUTO_XQUEUE_THRESHOLD: String(threshold), XSCHED_AUTO_XQUEUE_BATCH_SIZE: '8',
});

/** A run with an xsched arm whose lp threshold is `lpThreshold` (null: no evidence recorded). */
function xschedRun(runId: string, createdAt: string, lpThreshold: number | null): RunToCombine {
  const values: ArmValues = { baseline: [{ hp: [3, 6, 9.8], lp: 100 }], xsched: [{ hp: [2, 4, 9.9], lp: 95 }] };
  return run(runId, createdAt, {
    values,
    edit: (record) => {
      const xsched = lpThreshold === null ? null : ({ policy: 'HPF', env: { hp: env(1, 16), lp: env(0, lpThreshold) } } as unknown as XschedEvidence);
      record.trials.push({ ...record.trials[1]!, arm: 'xsched', trial: 0, xsched });
    },
  });
}

const combineError = (items: RunToCombine[]) => notCombinableMessage(() => baselineFromRuns(items, { now: NOW }));

describe('baselineFromRuns', () => {
  it('concatenates per-trial values in start order, says which run each trial came from, and lists the runs', () => {
    const items = [
      run(C, '2026-11-30T14:50:00.000Z', { uuid: 'GPU-2', commit: 'c0ffee1', latenciesMs: [3] }),
      run(A, '2026-11-30T09:35:11.000Z', { uuid: 'GPU-1', commit: 'c0ffee1' }),
      run(B, '2026-11-30T12:00:00.000Z', { uuid: 'GPU-1', commit: 'c0ffee1', values: LATER_VALUES }),
    ];
    const baseline = baselineFromRuns(items, { now: NOW });
    expect(baseline.runs).toEqual([
      { runId: A, startedAt: '2026-11-30T09:35:11.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
      { runId: B, startedAt: '2026-11-30T12:00:00.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
      { runId: C, startedAt: '2026-11-30T14:50:00.000Z', machine: 'GPU-2', commit: 'c0ffee1' },
    ]);
    expect([baseline.runId, baseline.createdAt, baseline.commit, baseline.workerVersion]).toEqual([`${A},${B},${C}`, NOW.toISOString(), 'c0ffee1', '0.1.0']);
    const { hpHistogram, ...baselineArm } = baseline.arms.baseline!;
    expect(baselineArm).toEqual({
      hpP99Ms: [6, 8, 9, 10, 6, 8],
      hpP50Ms: [3, 3, 3, 3, 3, 3],
      hpAchievedRateHz: [9.8, 9.7, 9.5, 9.4, 9.8, 9.7],
      lpIterPerSec: [100, 110, 90, 95, 100, 110],
      trialRuns: [0, 0, 1, 1, 2, 2],
    });
    // The runs' histograms merged: 2 + 2 + 1 samples.
    expect(histogramSampleCount(hpHistogram!)).toBe(5);
    expect(baseline.arms['hp-alone']).toMatchObject({ hpP99Ms: [4, 5, 6, 7, 4, 5], lpIterPerSec: [], trialRuns: [0, 0, 1, 1, 2, 2] });
    expect(Object.keys(baseline.arms)).toEqual(['hp-alone', 'baseline']);
    // The rest as one run's baseline has it.
    const single = baselineFromRun(items[1]!.record, items[1]!.evaluation, { now: NOW });
    expect([baseline.key, baseline.workload, baseline.thresholds]).toEqual([single.key, single.workload, single.thresholds]);
  });

  it('names a commit only when every run has the same one; each run keeps its own', () => {
    const differing = baselineFromRuns([run(A, '2026-11-30T09:35:11Z', { commit: 'aaaa111' }), run(B, '2026-11-30T12:00:00Z', { commit: 'bbbb222' })], { now: NOW });
    expect(differing.commit).toBeUndefined();
    expect(differing.runs!.map((r) => r.commit)).toEqual(['aaaa111', 'bbbb222']);
    const partly = baselineFromRuns([run(A, '2026-11-30T09:35:11Z', { commit: 'aaaa111' }), run(B, '2026-11-30T12:00:00Z')], { now: NOW });
    expect(partly.commit).toBeUndefined();
    expect(partly.runs![1]).toEqual({ runId: B, startedAt: '2026-11-30T12:00:00Z', machine: 'GPU-1' });
    expect('commit' in partly).toBe(false);
  });

  it('keeps the hand-set thresholds and between-run noise of the baseline it replaces', () => {
    const existing = baselineFromRun(makeRunRecord(), makeEvaluation(makeRunRecord()));
    existing.thresholds = { regressionP99Tolerance: 0.2 };
    existing.betweenRunLogSd = { baseline: { hpP99: 0.05 } };
    const baseline = baselineFromRuns([run(A, '2026-11-30T09:35:11Z'), run(B, '2026-11-30T12:00:00Z')], { existing, now: NOW });
    expect([baseline.thresholds, baseline.betweenRunLogSd]).toEqual([{ regressionP99Tolerance: 0.2 }, { baseline: { hpP99: 0.05 } }]);
  });

  it('orders runs that started at the same time by run id, whatever the order given', () => {
    const same = '2026-11-30T09:35:11Z';
    expect(baselineFromRuns([run(B, same), run(A, same)], { now: NOW }).runId).toBe(`${A},${B}`);
  });

  it('needs 2 or more runs, each once', () => {
    expect(combineError([run(A, '2026-11-30T09:35:11Z')])).toBe(
      `a baseline of several runs needs at least 2 runs, got 1 (${A}): give more runs, or write a baseline from one run alone`,
    );
    expect(combineError([run(A, '2026-11-30T09:35:11Z'), run(B, '2026-11-30T12:00:00Z'), run(A, '2026-11-30T09:35:11Z')])).toBe(
      `run ${A} is given more than once (runs: ${A}, ${B}, ${A}): give each run once`,
    );
  });

  it('refuses runs of another key or worker version, quoting both', () => {
    const h200 = run(B, '2026-11-30T12:00:00Z', { edit: (record) => void (firstFingerprint(record).gpu.name = 'NVIDIA H200') });
    expect(combineError([run(A, '2026-11-30T09:35:11Z'), h200])).toBe(
      `runs ${A} and ${B} have different baseline keys (scenario=quick platform=cuda gpu="NVIDIA H100 80GB HBM3" arch=sm_90 sharing=time-sliced against scenario=quick platform=cuda gpu="NVIDIA H200" arch=sm_90 sharing=time-sliced): combine only runs of one scenario on one kind of GPU and sharing mode`,
    );
    const newer = run(B, '2026-11-30T12:00:00Z', { edit: (record) => void (firstFingerprint(record).workerVersion = '0.2.0') });
    expect(combineError([run(A, '2026-11-30T09:35:11Z'), newer])).toBe(
      `runs ${A} and ${B} ran different worker versions ("0.1.0" against "0.2.0"): combine only runs of one worker build`,
    );
  });

  it('refuses runs of another workload, naming each field', () => {
    const longer = run(C, '2026-11-30T14:50:00Z', { edit: (record) => Object.assign(record.scenario, { durationMs: 30_000 }) });
    expect(combineError([run(A, '2026-11-30T09:35:11Z'), run(B, '2026-11-30T12:00:00Z'), longer])).toBe(
      `runs ${A} and ${C} were measured with different workloads: durationMs 10000 -> 30000 (${A} -> ${C}): combine only runs of one workload`,
    );
  });

  it('refuses runs whose xsched arm ran other XSched settings, or recorded none', () => {
    expect(baselineFromRuns([xschedRun(A, '2026-11-30T09:35:11Z', 4), xschedRun(B, '2026-11-30T12:00:00Z', 4)], { now: NOW }).xschedSettings?.lp.threshold).toBe(4);
    expect(combineError([xschedRun(A, '2026-11-30T09:35:11Z', 4), xschedRun(B, '2026-11-30T12:00:00Z', 1)])).toBe(
      `runs ${A} and ${B} ran XSched with different settings: lp.threshold 4 -> 1 (${A} -> ${B}): combine only runs of one XSched configuration`,
    );
    expect(combineError([xschedRun(A, '2026-11-30T09:35:11Z', 4), xschedRun(B, '2026-11-30T12:00:00Z', null)])).toBe(
      `runs ${A} and ${B}: only one recorded XSched settings (${B} has none): combine only runs whose xsched arm recorded the same settings`,
    );
  });

  it('refuses an arm measured in some runs only', () => {
    const noAlone = run(B, '2026-11-30T12:00:00Z', { values: { baseline: LATER_VALUES.baseline } });
    expect(combineError([run(A, '2026-11-30T09:35:11Z'), noAlone, run(C, '2026-11-30T14:50:00Z')])).toBe(
      `arm hp-alone was measured in runs ${A}, ${C} but not in ${B}: a baseline holds every arm of its scenario in every run`,
    );
  });
});
