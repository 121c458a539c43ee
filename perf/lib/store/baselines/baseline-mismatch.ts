// Whether a stored baseline can judge a run, decided once for the regression verdicts
// (perf/lib/evaluate/verdicts/baseline-regression.ts) and for the paragraph that
// PERF_REQUIRE_BASELINE=1 fails on (baseline-problem.ts): the same key, the same workload
// (where the file records one), and, for the xsched arm, the same XSched settings.

import type { BaselineFile, BaselineKey, BaselineWorkload, BaselineXschedSettings } from '../../documents/types/baseline.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { sameBaselineKey } from './key.ts';
import { diffWorkload, workloadOfRun, type WorkloadDifference } from './workload.ts';
import { diffXschedSettings, xschedSettingsOfRun } from './xsched-settings.ts';

export type BaselineMismatch =
  | { kind: 'key' }
  | { kind: 'workload'; differences: WorkloadDifference[] }
  /** Only the xsched arm cannot be compared; the other arms can. */
  | { kind: 'xsched-settings'; differences: WorkloadDifference[] };

/** What a run (or a planned one) is compared on: its key, workload and, with an xsched arm, XSched's settings. */
export interface ComparedRun {
  key: BaselineKey;
  workload: BaselineWorkload;
  /** Null when the run has no xsched arm, or its settings are unknown: then they are not compared. */
  xschedSettings: BaselineXschedSettings | null;
}

/** The first reason, in the order above, that `stored` cannot judge the run keyed `runKey`; null when it can. */
export function findBaselineMismatch(record: RunRecord, runKey: BaselineKey, stored: BaselineFile): BaselineMismatch | null {
  return findComparedMismatch({ key: runKey, workload: workloadOfRun(record), xschedSettings: xschedSettingsOfRun(record) }, stored);
}

/** As findBaselineMismatch, for a run described by its compared fields (perf:doctor's, before it runs). */
export function findComparedMismatch(run: ComparedRun, stored: BaselineFile): BaselineMismatch | null {
  if (!sameBaselineKey(stored.key, run.key)) return { kind: 'key' };
  if (stored.workload !== undefined) {
    const differences = diffWorkload(stored.workload, run.workload);
    if (differences.length > 0) return { kind: 'workload', differences };
  }
  if (stored.xschedSettings !== undefined && run.xschedSettings !== null) {
    const differences = diffXschedSettings(stored.xschedSettings, run.xschedSettings);
    if (differences.length > 0) return { kind: 'xsched-settings', differences };
  }
  return null;
}
