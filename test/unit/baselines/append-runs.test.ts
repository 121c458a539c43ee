// appendRunsToBaseline (perf/lib/store/baselines/append-runs.ts): runs added to a stored
// baseline of one run or several give what --combine gives for all of them, and every reason
// they may not be added is named, on the hand-made runs of combine-fixture.ts.

import { describe, expect, it } from 'vitest';
import { histogramSampleCount } from '../../../perf/lib/evaluate/stats/percentile-spectrum.ts';
import { appendRunsToBaseline } from '../../../perf/lib/store/baselines/append-runs.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { baselineFromRuns, type RunToCombine } from '../../../perf/lib/store/baselines/from-runs.ts';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { A, B, C, firstFingerprint, LATER_VALUES, notCombinableMessage, NOW, run } from './combine-fixture.ts';

const runA = () => run(A, '2026-11-30T09:35:11.000Z', { uuid: 'GPU-1', commit: 'c0ffee1' });
const runB = () => run(B, '2026-11-30T12:00:00.000Z', { uuid: 'GPU-1', commit: 'c0ffee1', values: LATER_VALUES });
const runC = () => run(C, '2026-11-30T14:50:00.000Z', { uuid: 'GPU-2', commit: 'c0ffee1', latenciesMs: [3] });

const appendError = (stored: BaselineFile, items: RunToCombine[]) => notCombinableMessage(() => appendRunsToBaseline(stored, items, { now: NOW }));

describe('appendRunsToBaseline', () => {
  it('gives what combining all the runs gives, histograms merged, whatever order the runs are added in', () => {
    const all = baselineFromRuns([runA(), runB(), runC()], { now: NOW });
    expect(appendRunsToBaseline(baselineFromRuns([runA(), runB()], { now: NOW }), [runC()], { now: NOW })).toEqual(all);
    // A run older than the stored ones lands first; the stored runs' trials are re-indexed.
    const olderAdded = appendRunsToBaseline(baselineFromRuns([runB(), runC()], { now: NOW }), [runA()], { now: NOW });
    expect(olderAdded).toEqual(all);
    expect(olderAdded.arms.baseline!.trialRuns).toEqual([0, 0, 1, 1, 2, 2]);
    // 2 + 2 + 1 samples: the stored merged histogram and the new run's.
    expect(histogramSampleCount(olderAdded.arms.baseline!.hpHistogram!)).toBe(5);
  });

  it('turns a baseline of one run into one of several: its run time from the run id, its machine and commit', () => {
    const a = runA();
    const stored = baselineFromRun(a.record, a.evaluation, { now: new Date('2026-11-30T09:40:00.000Z') });
    const grown = appendRunsToBaseline(stored, [runB()], { now: NOW });
    expect(grown.runs).toEqual([
      { runId: A, startedAt: '2026-11-30T09:35:11.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
      { runId: B, startedAt: '2026-11-30T12:00:00.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
    ]);
    expect([grown.runId, grown.createdAt, grown.commit]).toEqual([`${A},${B}`, NOW.toISOString(), 'c0ffee1']);
    const { hpHistogram, ...arm } = grown.arms.baseline!;
    expect(arm).toEqual({ hpP99Ms: [6, 8, 9, 10], hpP50Ms: [3, 3, 3, 3], hpAchievedRateHz: [9.8, 9.7, 9.5, 9.4], lpIterPerSec: [100, 110, 90, 95], trialRuns: [0, 0, 1, 1] });
    expect(histogramSampleCount(hpHistogram!)).toBe(4);
    expect(stored.machine).toBe('GPU-1');
    expect('machine' in grown).toBe(false);
    // A file written before one-run baselines recorded their machine: that run's is unknown.
    const { machine: _unknown, ...older } = stored;
    expect(appendRunsToBaseline(older, [runB()], { now: NOW }).runs![0]).toEqual({ runId: A, startedAt: '2026-11-30T09:35:11.000Z', commit: 'c0ffee1' });
  });

  it('keeps the stored hand-set thresholds and between-run noise', () => {
    const stored = baselineFromRuns([runA(), runB()], { now: NOW });
    stored.thresholds = { regressionP99Tolerance: 0.2 };
    stored.betweenRunLogSd = { baseline: { hpP99: 0.05 } };
    const grown = appendRunsToBaseline(stored, [runC()], { now: NOW });
    expect([grown.thresholds, grown.betweenRunLogSd]).toEqual([{ regressionP99Tolerance: 0.2 }, { baseline: { hpP99: 0.05 } }]);
  });

  it('refuses no runs, a run given twice and a run already stored', () => {
    const stored = baselineFromRuns([runA(), runB()], { now: NOW });
    const described = `the stored baseline (2 runs (${A} .. ${B}) on 1 machine)`;
    expect(appendError(stored, [])).toBe(`no runs to add to ${described}: give one or more run directories`);
    expect(appendError(stored, [runC(), runC()])).toBe(`run ${C} is given more than once (runs: ${C}, ${C}): give each run once`);
    expect(appendError(stored, [runC(), runB()])).toBe(`run ${B} is already in ${described}: give only runs it does not hold`);
  });

  it('refuses runs of another key, worker or workload, and a stored baseline that records no workload', () => {
    const stored = baselineFromRuns([runA(), runB()], { now: NOW });
    const described = `the stored baseline (2 runs (${A} .. ${B}) on 1 machine)`;
    const newer = run(C, '2026-11-30T14:50:00Z', { edit: (record) => void (firstFingerprint(record).workerVersion = '0.2.0') });
    expect(appendError(stored, [newer])).toBe(`${described} and run ${C} ran different worker versions ("0.1.0" against "0.2.0"): combine only runs of one worker build`);
    const longer = run(C, '2026-11-30T14:50:00Z', { edit: (record) => Object.assign(record.scenario, { durationMs: 30_000 }) });
    expect(appendError(stored, [longer])).toBe(`${described} and run ${C} were measured with different workloads: durationMs 10000 -> 30000 (stored -> ${C}): combine only runs of one workload`);
    const h200 = run(C, '2026-11-30T14:50:00Z', { edit: (record) => void (firstFingerprint(record).gpu.name = 'NVIDIA H200') });
    expect(appendError(stored, [h200])).toMatch(new RegExp(`^${described.replace(/[().]/g, '\\$&')} and run ${C} have different baseline keys `));
    const { workload: _dropped, ...old } = stored;
    expect(appendError(old, [runC()])).toBe(`${described} records no workload, so new runs cannot be shown to measure what it measured: combine the run directories instead (--combine), or store a new baseline`);
  });

  it('refuses a run that failed a regression verdict against the stored baseline, saying how to replace it instead', () => {
    const stored = baselineFromRuns([runA(), runB()], { now: NOW });
    const regressed = runC();
    const verdict = { rule: 'xsched hp P99 <= 1.2 x stored baseline', measured: {}, threshold: {}, interval: null, recommendation: null };
    regressed.evaluation.verdicts.push(
      { ...verdict, id: 'regression.baseline.hp-p99', status: 'fail', message: 'REGRESSION: baseline hp P99 ratio 1.364, fails beyond 1.103' },
      { ...verdict, id: 'regression.baseline.lp-throughput', status: 'pass', message: 'No regression' },
      { ...verdict, id: 'hp-p99-improvement', status: 'fail', message: 'not a regression verdict' },
    );
    expect(appendError(stored, [regressed])).toBe(
      `not added to the stored baseline (2 runs (${A} .. ${B}) on 1 machine): a run that failed a regression verdict against it measures another level, not another sample of this one:\n` +
        `  - run ${C}: [regression.baseline.hp-p99] REGRESSION: baseline hp P99 ratio 1.364, fails beyond 1.103\n` +
        'If that level is intended, replace the baseline with it (npm run perf:update-baselines -- --from <run dir>, or PERF_UPDATE_BASELINES=1); otherwise find the change first. ' +
        'If nothing changed (the same configuration on a machine the baseline has not seen), add it with --accept-regressed.',
    );
    // Asked for by hand: added like any other run.
    const accepted = appendRunsToBaseline(stored, [regressed], { now: NOW, acceptRegressed: true });
    expect(accepted.runs!.map((r) => r.runId)).toEqual([A, B, C]);
    expect(accepted).toEqual(appendRunsToBaseline(stored, [runC()], { now: NOW }));
  });

  it('refuses a run that lacks an arm of the stored baseline', () => {
    const stored = baselineFromRuns([runA(), runB()], { now: NOW });
    const noAlone = run(C, '2026-11-30T14:50:00Z', { values: { baseline: LATER_VALUES.baseline } });
    expect(appendError(stored, [noAlone])).toBe(`arm hp-alone was measured in runs ${A}, ${B} but not in ${C}: a baseline holds every arm of its scenario in every run`);
  });
});
