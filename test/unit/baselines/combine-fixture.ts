// Runs to combine into one baseline (from-runs.test.ts) or add to a stored one
// (append-runs.test.ts): hand-made runs of run-fixture.ts with a start time, machine, commit and
// values of the test's choosing.

import { expect } from 'vitest';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { RunsNotCombinableError, type RunToCombine } from '../../../perf/lib/store/baselines/from-runs.ts';
import { makeEvaluation, makeRunRecord, withEncodedHistograms, type ArmValues } from './run-fixture.ts';

export const NOW = new Date('2026-11-30T15:00:00.000Z');
export const A = '2026-11-30T09-35-11Z-quick-42de';
export const B = '2026-11-30T12-00-00Z-quick-5678';
export const C = '2026-11-30T14-50-00Z-quick-abcd';

export const LATER_VALUES: ArmValues = {
  'hp-alone': [{ hp: [2, 6, 10], lp: null }, { hp: [2, 7, 9.6], lp: null }],
  baseline: [{ hp: [3, 9, 9.5], lp: 90 }, { hp: [3, 10, 9.4], lp: 95 }],
};

export interface RunOptions {
  uuid?: string;
  commit?: string;
  values?: ArmValues;
  latenciesMs?: number[];
  edit?: (record: RunRecord) => void;
}

/** The first finished worker's fingerprint, which gives the key, machine and worker version. */
export function firstFingerprint(record: RunRecord) {
  const worker = record.trials[0]!.workers[0]!;
  if (!worker.ok) throw new Error('fixture: expected an ok worker');
  return worker.result.fingerprint;
}

export function run(runId: string, createdAt: string, options: RunOptions = {}): RunToCombine {
  const record = makeRunRecord(runId);
  record.createdAt = createdAt;
  if (options.uuid) firstFingerprint(record).gpu.uuid = options.uuid;
  if (options.commit) record.source = { git: { available: true, commit: options.commit, branch: 'main', dirty: false, commitTime: createdAt }, xsched: null };
  options.edit?.(record);
  const evaluation = withEncodedHistograms(makeEvaluation(record, 'pass', options.values), options.latenciesMs ?? [1, 2]);
  return { record, evaluation };
}

/** The message of the RunsNotCombinableError that `make` throws; fails the test when it throws nothing or something else. */
export function notCombinableMessage(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(RunsNotCombinableError);
    return (error as Error).message;
  }
  throw new Error('expected RunsNotCombinableError, but nothing was thrown');
}
