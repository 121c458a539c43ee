// findBaselineMismatch: the one decision whether a stored baseline can judge a run, which both
// the regression verdicts and describeBaselineProblem (PERF_REQUIRE_BASELINE=1) act on.

import { describe, expect, it } from 'vitest';
import type { BaselineXschedSettings } from '../../../perf/lib/documents/types/baseline.ts';
import type { ArmTrialRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { findBaselineMismatch } from '../../../perf/lib/store/baselines/baseline-mismatch.ts';
import { describeBaselineProblem } from '../../../perf/lib/store/baselines/baseline-problem.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { baselineKeyFromRun } from '../../../perf/lib/store/baselines/key.ts';
import { makeEvaluation, makeRunRecord } from './run-fixture.ts';

const xschedEnv = (priority: number, threshold: number, batchSize: number) => ({
  XSCHED_AUTO_XQUEUE_PRIORITY: String(priority),
  XSCHED_AUTO_XQUEUE_LEVEL: '1',
  XSCHED_AUTO_XQUEUE_THRESHOLD: String(threshold),
  XSCHED_AUTO_XQUEUE_BATCH_SIZE: String(batchSize),
});
const DEFAULTS: BaselineXschedSettings = { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } };

describe('findBaselineMismatch', () => {
  const record = makeRunRecord();
  // Only the fields xschedSettingsOfRun reads: an xsched arm-trial that ran lp at threshold 1.
  record.trials.push({ arm: 'xsched', xsched: { policy: 'HPF', env: { hp: xschedEnv(1, 16, 8), lp: xschedEnv(0, 1, 1) } } } as unknown as ArmTrialRecord);
  const key = baselineKeyFromRun(record);
  const stored = baselineFromRun(record, makeEvaluation(record));

  it('is null for a baseline of this run, and describeBaselineProblem is too', () => {
    const comparable = { ...stored, xschedSettings: { ...DEFAULTS, lp: { priority: 0, threshold: 1, batchSize: 1 } } };
    expect(findBaselineMismatch(record, key, comparable)).toBeNull();
    expect(describeBaselineProblem(record, key, comparable, '/b')).toBeNull();
  });

  it('names the first reason: another key, then another workload, then other XSched settings (xsched arm only)', () => {
    const otherSettings = { ...stored, xschedSettings: DEFAULTS };
    expect(findBaselineMismatch(record, key, otherSettings)).toEqual({
      kind: 'xsched-settings',
      differences: [{ field: 'lp.threshold', stored: 4, current: 1 }, { field: 'lp.batchSize', stored: 2, current: 1 }],
    });
    expect(describeBaselineProblem(record, key, otherSettings, '/b')).toMatch(/^The stored baseline's xsched arm \(run .*\) ran XSched with other settings: lp\.threshold 4 -> 1, lp\.batchSize 2 -> 1 \(stored -> this run\)\./);

    const otherWorkload = { ...otherSettings, workload: { ...stored.workload!, durationMs: 30_000 } };
    expect(findBaselineMismatch(record, key, otherWorkload)).toEqual({ kind: 'workload', differences: [{ field: 'durationMs', stored: 30_000, current: 10_000 }] });

    const otherKey = { ...otherWorkload, key: { ...stored.key, sharing: 'mps' as const } };
    expect(findBaselineMismatch(record, key, otherKey)).toEqual({ kind: 'key' });
  });
});
