// Which trial came from which run, both ways between history and baselines: a baseline from
// history lists its runs (baseline-from-history.ts), and a baseline file of several runs is
// imported as one entry per run (entry-from-baseline.ts, collect-entries.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { parseBaselineFile } from '../../../perf/lib/store/baselines/parse-baseline.ts';
import { baselineFromEntries } from '../../../perf/lib/store/history/baseline-from-history.ts';
import { collectHistoryEntries } from '../../../perf/lib/store/history/collect-entries.ts';
import { SYNTHETIC_KEY, syntheticEntry } from '../../fixtures/history/synthetic-entries.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const NOW = new Date('2026-11-30T15:00:00.000Z');

describe('baselineFromEntries: runs and trialRuns', () => {
  it('one entry: a plain one-run baseline, without runs or trialRuns', () => {
    const entry = syntheticEntry({ index: 1 });
    const baseline = baselineFromEntries(SYNTHETIC_KEY, [entry], NOW)!;
    expect(baseline.runs).toBeUndefined();
    expect(baseline.arms.baseline).toEqual({ hpP99Ms: [2.7, 2.8, 2.75], hpP50Ms: [1.35, 1.4, 1.375], hpAchievedRateHz: [50, 50, 50], lpIterPerSec: [300, 301, 299], hpHistogram: null });
    expect(baseline.runId).toBe(`history:${entry.run.runId}`);
  });

  it('three entries: lists the runs and says per arm which run each trial came from', () => {
    const first = syntheticEntry({ index: 1 });
    // Two trials only, and no xsched arm: its trials count once each, and only where it has the arm.
    const second = syntheticEntry({ index: 2, arms: { baseline: { hpP99Ms: [3.1, 3.2], lpIterPerSec: [290, 291] } } });
    second.run.hostname = null;
    second.run.commit = null;
    const third = syntheticEntry({ index: 3, arms: { baseline: { hpP99Ms: [2.6, 2.65, 2.7], lpIterPerSec: [302, 303, 304] }, xsched: { hpP99Ms: [1.3, 1.31, 1.32], lpIterPerSec: [280, 281, 282] } } });
    const baseline = baselineFromEntries(SYNTHETIC_KEY, [first, second, third], NOW)!;
    expect(baseline.runs).toEqual([
      { runId: first.run.runId, startedAt: '2026-01-01T01:00:00.000Z', commit: 'c0000001' },
      { runId: second.run.runId, startedAt: '2026-01-01T02:00:00.000Z' },
      { runId: third.run.runId, startedAt: '2026-01-01T03:00:00.000Z', commit: 'c0000003' },
    ]);
    // The hostname (SYNTHETIC-runner) is not taken for the machine: a container job gets a new one every run.
    expect(baseline.runs!.some((run) => 'machine' in run)).toBe(false);
    expect(baseline.arms.baseline).toMatchObject({ hpP99Ms: [2.7, 2.8, 2.75, 3.1, 3.2, 2.6, 2.65, 2.7], lpIterPerSec: [300, 301, 299, 290, 291, 302, 303, 304], trialRuns: [0, 0, 0, 1, 1, 2, 2, 2] });
    expect(baseline.arms.xsched).toMatchObject({ hpP99Ms: [1.2, 1.25, 1.22, 1.3, 1.31, 1.32], trialRuns: [0, 0, 0, 2, 2, 2] });
    // A valid BaselineFile, the check across fields included.
    expect(parseBaselineFile('history baseline', JSON.parse(JSON.stringify(baseline)), SYNTHETIC_KEY)).toEqual(baseline);
  });

  it('counts an lp-only arm by its lp values', () => {
    const lpOnly = (index: number, lp: number[]) => {
      const entry = syntheticEntry({ index, arms: { 'lp-alone': { hpP99Ms: [], lpIterPerSec: lp } } });
      entry.points = entry.points.filter((p) => p.metric === 'lpIterPerSec');
      return entry;
    };
    const baseline = baselineFromEntries(SYNTHETIC_KEY, [lpOnly(1, [310, 311]), lpOnly(2, [312, 313, 314])], NOW)!;
    expect(baseline.arms['lp-alone']).toEqual({ hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [310, 311, 312, 313, 314], hpHistogram: null, trialRuns: [0, 0, 1, 1, 1] });
  });

  it('refuses runs of which some recorded a metric of an arm and some did not', () => {
    const first = syntheticEntry({ index: 1 });
    const second = syntheticEntry({ index: 2 });
    second.points = second.points.filter((p) => !(p.arm === 'baseline' && p.metric === 'lpIterPerSec'));
    expect(() => baselineFromEntries(SYNTHETIC_KEY, [first, second], NOW)).toThrow(
      `history runs ${first.run.runId}, ${second.run.runId}, arm baseline: 3 lpIterPerSec values for 6 trials; some runs recorded it and some did not`,
    );
  });
});

describe('importing a baseline file into history', () => {
  const key = { scenario: 'quick', platform: 'cuda' as const, gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: 'time-sliced' as const };
  const arm = (hpP99Ms: number[], lpIterPerSec: number[], trialRuns?: number[]) => ({
    hpP99Ms, hpP50Ms: hpP99Ms.map((v) => v / 2), hpAchievedRateHz: hpP99Ms.map(() => 10), lpIterPerSec, hpHistogram: null, ...(trialRuns ? { trialRuns } : {}),
  });
  const single: BaselineFile = {
    schema: 'xsched-perf.baseline', schemaVersion: 1, key, createdAt: '2026-11-30T16:00:00.000Z', runId: '2026-11-30T09-35-11Z-quick-42de',
    workerVersion: '0.2.0', commit: 'c0ffee1', thresholds: {}, arms: { 'hp-alone': arm([1, 2], []), baseline: arm([3, 4], [100, 101]) },
  };
  const combined: BaselineFile = {
    ...single,
    runId: '2026-11-30T09-35-11Z-quick-42de,2026-11-30T12-00-00Z-quick-5678,2026-11-30T14-50-00Z-quick-abcd',
    runs: [
      { runId: '2026-11-30T09-35-11Z-quick-42de', startedAt: '2026-11-30T09:35:11.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
      { runId: '2026-11-30T12-00-00Z-quick-5678', startedAt: '2026-11-30T12:00:00Z', machine: 'GPU-2' },
      { runId: '2026-11-30T14-50-00Z-quick-abcd', startedAt: '2026-11-30T14:50:00.000Z', machine: 'GPU-1', commit: 'c0ffee1' },
    ],
    arms: { 'hp-alone': arm([1, 2, 5, 6, 7], [], [0, 0, 1, 2, 2]), baseline: arm([3, 4, 8, 9, 10], [100, 101, 102, 103, 104], [0, 0, 1, 2, 2]) },
  };

  async function importFile(baseline: BaselineFile) {
    const dir = join(makeTempDir('history-import-'), 'baselines', 'quick');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cuda-sm_90-nvidia-h200-time-sliced.json'), JSON.stringify(baseline));
    return collectHistoryEntries([dir]);
  }

  it('a baseline of several runs gives one entry per run, with its time, commit and own trials', async () => {
    const { entries, skipped } = await importFile(combined);
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.run.runId, e.run.createdAt, e.run.commit, e.run.gitNote])).toEqual([
      ['2026-11-30T09-35-11Z-quick-42de', '2026-11-30T09:35:11.000Z', 'c0ffee1', null],
      ['2026-11-30T12-00-00Z-quick-5678', '2026-11-30T12:00:00.000Z', null, 'imported from a baseline file, which does not record the commit'],
      ['2026-11-30T14-50-00Z-quick-abcd', '2026-11-30T14:50:00.000Z', 'c0ffee1', null],
    ]);
    const trials = (index: number, armName: string, metric: string) => entries[index]!.points.find((p) => p.arm === armName && p.metric === metric)?.trials;
    expect([trials(0, 'baseline', 'hpP99Ms'), trials(1, 'baseline', 'hpP99Ms'), trials(2, 'baseline', 'hpP99Ms')]).toEqual([[3, 4], [8], [9, 10]]);
    expect([trials(0, 'baseline', 'lpIterPerSec'), trials(1, 'baseline', 'lpIterPerSec'), trials(2, 'baseline', 'lpIterPerSec')]).toEqual([[100, 101], [102], [103, 104]]);
    expect(trials(1, 'hp-alone', 'hpP99Ms')).toEqual([5]);
    expect(trials(1, 'hp-alone', 'lpIterPerSec')).toBeUndefined();
    expect(entries[1]!.points.find((p) => p.arm === 'baseline' && p.metric === 'hpP99Ms')).toMatchObject({ value: 8, low: null, high: null, intervalMethod: null });
    expect(entries[2]!.points.find((p) => p.arm === 'baseline' && p.metric === 'hpP99Ms')).toMatchObject({ value: 9.5, low: 9, high: 10 });
    expect(entries.every((e) => e.run.origin === 'baseline-file' && e.run.status === 'valid' && e.run.accepted && e.run.workerVersion === '0.2.0' && e.run.hostname === null)).toBe(true);
  });

  it('a baseline of one run gives one entry, as before: the time from its run id, no commit', async () => {
    const { entries } = await importFile(single);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.run).toMatchObject({ runId: '2026-11-30T09-35-11Z-quick-42de', createdAt: '2026-11-30T09:35:11.000Z', commit: null, gitNote: 'imported from a baseline file, which does not record the commit' });
    expect(entries[0]!.points.find((p) => p.arm === 'baseline' && p.metric === 'lpIterPerSec')).toMatchObject({ value: 100.5, trials: [100, 101], intervalMethod: 'range of 2 per-trial values (baseline file: value is their mean)' });
  });
});
