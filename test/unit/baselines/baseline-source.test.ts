import { describe, expect, it } from 'vitest';
import { baselineIncludesRun, describeBaselineRuns } from '../../../perf/lib/store/baselines/baseline-source.ts';

const several = {
  runId: 'a,b,c',
  runs: [
    { runId: 'a', startedAt: '2026-11-30T09:00:00Z', machine: 'GPU-1' },
    { runId: 'b', startedAt: '2026-11-30T10:00:00Z', machine: 'GPU-1' },
    { runId: 'c', startedAt: '2026-11-30T11:00:00Z' },
  ],
};

describe('describeBaselineRuns / baselineIncludesRun', () => {
  it('one run: its id', () => {
    expect(describeBaselineRuns({ runId: 'r1', runs: undefined })).toBe('run r1');
    expect(baselineIncludesRun({ runId: 'r1', runs: undefined }, 'r1')).toBe(true);
    expect(baselineIncludesRun({ runId: 'r1', runs: undefined }, 'r2')).toBe(false);
  });

  it('several runs: how many, first .. last, and the machines known', () => {
    expect(describeBaselineRuns(several)).toBe('3 runs (a .. c) on 1 machine (some unknown)');
    expect(baselineIncludesRun(several, 'b')).toBe(true);
    expect(baselineIncludesRun(several, 'a,b')).toBe(false);
    const fromHistory = { runId: 'history:a,b', runs: several.runs.map(({ runId, startedAt }) => ({ runId, startedAt })) };
    expect(describeBaselineRuns(fromHistory)).toBe('3 runs (a .. c) on unknown machines');
  });
});
