import { describe, expect, it } from 'vitest';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { formatBaselineChange } from '../../../perf/lib/store/baselines/format-change.ts';
import { missingBaselineMessage } from '../../../perf/lib/store/baselines/missing-baseline.ts';
import { baselineKeyFromRun } from '../../../perf/lib/store/baselines/key.ts';
import { makeEvaluation, makeRunRecord } from './run-fixture.ts';

describe('formatBaselineChange', () => {
  it('shows median hp P99 and lp iter/s per arm, old and new, with the % change', () => {
    const oldRecord = makeRunRecord('2026-11-21T21-40-00Z-quick-ab12');
    const newRecord = makeRunRecord('2026-11-22T08-00-00Z-quick-cd34');
    const old = baselineFromRun(oldRecord, makeEvaluation(oldRecord), { now: new Date('2026-11-21T21:45:00Z') });
    // old medians: hp-alone P99 4.5; baseline P99 7, lp 105.
    const next = baselineFromRun(
      newRecord,
      makeEvaluation(newRecord, 'pass', {
        'hp-alone': [{ hp: [2, 4.5, 10], lp: null }, { hp: [2, 4.5, 10], lp: null }],
        baseline: [{ hp: [3, 7.7, 10], lp: 84 }, { hp: [3, 7.7, 10], lp: 84 }],
        xsched: [{ hp: [2, 3, 10], lp: 80 }],
      }),
      { now: new Date('2026-11-22T08:05:00Z') },
    );
    expect(formatBaselineChange({ path: '/b/quick/x.json', old, new: next })).toBe(
      [
        'Baseline /b/quick/x.json',
        '  old: run 2026-11-21T21-40-00Z-quick-ab12, written 2026-11-21T21:45:00.000Z',
        '  new: run 2026-11-22T08-00-00Z-quick-cd34, written 2026-11-22T08:05:00.000Z',
        'metric (median of trials)  old                new               change',
        '-------------------------  -----------------  ----------------  ------',
        'hp-alone: hp P99 ms        4.50 (2 trials)    4.50 (2 trials)   +0.0%',
        'baseline: hp P99 ms        7.00 (2 trials)    7.70 (2 trials)   +10.0%',
        'baseline: lp iter/s        105.00 (2 trials)  84.00 (2 trials)  -20.0%',
        'xsched: hp P99 ms          -                  3.00 (1 trial)    new',
        'xsched: lp iter/s          -                  80.00 (1 trial)   new',
      ].join('\n'),
    );
  });

  it('lists a workload change above the table, since its numbers are then not like for like', () => {
    const oldRecord = makeRunRecord('2026-11-21T21-40-00Z-quick-ab12');
    oldRecord.scenario.durationMs = 30_000;
    const newRecord = makeRunRecord('2026-11-22T08-00-00Z-quick-cd34');
    newRecord.scenario.hp.arrival = 'poisson';
    const old = baselineFromRun(oldRecord, makeEvaluation(oldRecord));
    const next = baselineFromRun(newRecord, makeEvaluation(newRecord));
    const lines = formatBaselineChange({ path: '/b/x.json', old, new: next }).split('\n');
    expect(lines[3]).toBe('  workload changed (old -> new): hp.arrival "uniform" -> "poisson", durationMs 30000 -> 10000');
    expect(lines[4]).toMatch(/^metric \(median of trials\)/);
  });

  it('says when the old baseline did not record its workload, and nothing when the workload is the same', () => {
    const record = makeRunRecord();
    const next = baselineFromRun(record, makeEvaluation(record));
    const { workload: _dropped, ...older } = baselineFromRun(record, makeEvaluation(record));
    expect(formatBaselineChange({ path: '/b/x.json', old: older, new: next })).toContain(
      '\n  workload: not recorded in the old baseline, so the table may compare different workloads\n',
    );
    expect(formatBaselineChange({ path: '/b/x.json', old: next, new: next })).not.toContain('workload');
    expect(formatBaselineChange({ path: '/b/x.json', old: null, new: next })).not.toContain('workload');
  });

  it('lists a change of XSched settings, since the xsched rows then compare two configurations', () => {
    const record = makeRunRecord();
    const base = baselineFromRun(record, makeEvaluation(record));
    const settings = { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } };
    const old = { ...base, xschedSettings: settings };
    const next = { ...base, xschedSettings: { ...settings, lp: { priority: 0, threshold: 1, batchSize: 1 } } };
    expect(formatBaselineChange({ path: '/b/x.json', old, new: next })).toContain('\n  XSched settings changed (old -> new): lp.threshold 4 -> 1, lp.batchSize 2 -> 1\n');
    expect(formatBaselineChange({ path: '/b/x.json', old, new: old })).not.toContain('XSched settings');
  });

  it('says (none) for a first baseline', () => {
    const record = makeRunRecord();
    const text = formatBaselineChange({ path: '/b/x.json', old: null, new: baselineFromRun(record, makeEvaluation(record)) });
    expect(text).toContain('  old: (none)');
    expect(text).toMatch(/baseline: lp iter\/s +- +105\.00 \(2 trials\) +new/);
  });

  it('describes a baseline of several runs by their count, first and last run, and machines', () => {
    const record = makeRunRecord();
    const single = baselineFromRun(record, makeEvaluation(record), { now: new Date('2026-11-30T15:00:00Z') });
    const run = (runId: string, machine?: string) => ({ runId, startedAt: '2026-11-30T09:35:11Z', ...(machine ? { machine } : {}) });
    const runs = [run('2026-11-30T09-35-11Z-quick-42de', 'GPU-a'), run('2026-11-30T10-00-00Z-quick-1111', 'GPU-b'), run('2026-11-30T11-00-00Z-quick-2222', 'GPU-a'), run('2026-11-30T14-50-00Z-quick-abcd', 'GPU-c')];
    const lines = formatBaselineChange({ path: '/b/x.json', old: single, new: { ...single, runs } }).split('\n');
    expect(lines[1]).toBe('  old: run 2026-11-21T21-40-00Z-quick-ab12, written 2026-11-30T15:00:00.000Z');
    expect(lines[2]).toBe('  new: 4 runs (2026-11-30T09-35-11Z-quick-42de .. 2026-11-30T14-50-00Z-quick-abcd) on 3 machines, written 2026-11-30T15:00:00.000Z');
    const unknown = formatBaselineChange({ path: '/b/x.json', old: null, new: { ...single, runs: [runs[0]!, run('2026-11-30T10-00-00Z-quick-1111')] } });
    expect(unknown.split('\n')[2]).toBe('  new: 2 runs (2026-11-30T09-35-11Z-quick-42de .. 2026-11-30T10-00-00Z-quick-1111) on 1 machine (some unknown), written 2026-11-30T15:00:00.000Z');
  });

  it('warns when a baseline of several runs is replaced by one run, and only then', () => {
    const record = makeRunRecord();
    const single = baselineFromRun(record, makeEvaluation(record));
    const runs = ['a', 'b', 'c'].map((id) => ({ runId: id, startedAt: '2026-11-30T09:35:11Z' }));
    const lost = formatBaselineChange({ path: '/b/x.json', old: { ...single, runs }, new: single });
    expect(lost).toContain('  note: the old baseline was made of 3 runs, the new one of 1: the regression verdict goes back to assuming the between-run noise');
    expect(lost).toContain('add runs to it instead (npm run perf:update-baselines -- --append, or -- --from <run dir> --append)');
    expect(formatBaselineChange({ path: '/b/x.json', old: { ...single, runs }, new: { ...single, runs } })).not.toContain('note:');
    expect(formatBaselineChange({ path: '/b/x.json', old: single, new: single })).not.toContain('note:');
  });
});

describe('missingBaselineMessage', () => {
  it('names the key, the expected file and how to create it', () => {
    const message = missingBaselineMessage(baselineKeyFromRun(makeRunRecord()), '/repo/baselines');
    expect(message).toContain('No stored baseline for scenario "quick" on cuda sm_90 "NVIDIA H100 80GB HBM3", sharing time-sliced');
    expect(message).toContain('expected /repo/baselines/quick/cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced.json');
    expect(message).toContain('npm run perf:update-baselines -- --from <run dir>');
    expect(message).toContain('PERF_REQUIRE_BASELINE=1');
  });
});
