// The stored baseline when it can judge this run as a whole: the same key, the same recorded
// workload and XSched settings (store/baselines/baseline-mismatch.ts) and no drift of the alone
// arms (machine-drift.ts). The regression verdicts report each reason it cannot
// (baseline-regression.ts); lp-throughput-loss.ts borrows its trials' spread only when it can,
// from the same runs the regression verdicts judge against (this machine's own, where the
// baseline holds enough of them: own-machine-runs.ts).

import { findBaselineMismatch } from '../../store/baselines/baseline-mismatch.ts';
import { describeBaselineRuns, storedRunsOf } from '../../store/baselines/baseline-source.ts';
import { baselineKeyOfRun } from '../../store/baselines/key.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import { findMachineDrift } from './machine-drift.ts';
import { ownMachineRunsOfRecord } from './own-machine-runs.ts';
import type { VerdictContext } from './verdict-context.ts';

export interface ComparableBaseline {
  /** The whole stored baseline, or this machine's runs of it. */
  baseline: BaselineFile;
  /** For messages: "the stored baseline (40 runs ...)" or "this machine's own 7 of the stored baseline's 40 runs (...)". */
  label: string;
}

export function comparableStoredBaseline(context: VerdictContext): ComparableBaseline | null {
  const stored = context.baseline;
  // A file without a recorded workload is compared on trust (baseline-regression.ts says so);
  // its spread is not borrowed on trust.
  if (stored === null || stored.workload === undefined) return null;
  const runKey = baselineKeyOfRun(context.record);
  if (runKey === null || findBaselineMismatch(context.record, runKey, stored) !== null) return null;
  const own = ownMachineRunsOfRecord(stored, context.record);
  const reference = own?.baseline ?? stored;
  if (findMachineDrift(context, reference) !== null) return null;
  const label = own === null
    ? `the stored baseline (${describeBaselineRuns(stored)})`
    : `this machine's own ${own.runs} of the stored baseline's ${own.of} runs (${own.machine})`;
  return { baseline: reference, label };
}

/**
 * Each stored run's lp iter/s of xsched and baseline, paired by trial index: the runs with 2 or
 * more such pairs, all positive; null when none has. Kept apart by run, so that each run's
 * spread is taken around its own level (log-t-interval.ts).
 */
export function storedLpRuns(stored: BaselineFile): Array<{ xsched: number[]; baseline: number[] }> | null {
  const runs = storedRunsOf(stored).flatMap(({ arms }) => {
    const xsched = arms.xsched?.lpIterPerSec ?? [];
    const baseline = arms.baseline?.lpIterPerSec ?? [];
    const usable = xsched.length >= 2 && xsched.length === baseline.length && [...xsched, ...baseline].every((v) => v > 0);
    return usable ? [{ xsched, baseline }] : [];
  });
  return runs.length === 0 ? null : runs;
}
