// The stored baseline when it can judge this run as a whole: the same key, the same recorded
// workload and XSched settings (store/baselines/baseline-mismatch.ts) and alone arms on both sides
// that show no drift (machine-drift.ts). The regression verdicts report each reason it cannot
// (baseline-regression.ts); lp-throughput-loss.ts and hp-p99-improvement.ts borrow its trials'
// spread only when it can, from the same runs the regression verdicts judge against (this
// machine's own, where the baseline holds enough of them: own-machine-runs.ts).

import { findBaselineMismatch } from '../../store/baselines/baseline-mismatch.ts';
import { describeBaselineRuns, storedRunsOf } from '../../store/baselines/baseline-source.ts';
import { baselineKeyOfRun } from '../../store/baselines/key.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { PooledSpreadSource } from '../stats/intervals/log-t-interval.ts';
import { findMachineDrift, missingCalibration } from './machine-drift.ts';
import { ownMachineRunsOfRecord } from './own-machine-runs.ts';
import type { VerdictContext } from './verdict-context.ts';

interface ComparableBaseline {
  /** The whole stored baseline, or this machine's runs of it. */
  baseline: BaselineFile;
  /** For messages: "the stored baseline (40 runs ...)" or "this machine's own 7 of the stored baseline's 40 runs (...)". */
  label: string;
}

function comparableStoredBaseline(context: VerdictContext): ComparableBaseline | null {
  const stored = context.baseline;
  // A file without a recorded workload is compared on trust (baseline-regression.ts says so);
  // its spread is not borrowed on trust.
  if (stored === null || stored.workload === undefined) return null;
  const runKey = baselineKeyOfRun(context.record);
  if (runKey === null || findBaselineMismatch(context.record, runKey, stored) !== null) return null;
  const own = ownMachineRunsOfRecord(stored, context.record);
  const reference = own?.baseline ?? stored;
  if (findMachineDrift(context, reference) !== null || missingCalibration(context, reference).length > 0) return null;
  const label = own === null
    ? `the stored baseline (${describeBaselineRuns(stored)})`
    : `this machine's own ${own.runs} of the stored baseline's ${own.of} runs (${own.machine})`;
  return { baseline: reference, label };
}

/**
 * Each stored run's per-trial values of xsched and baseline (lp iter/s or hp P99), paired by
 * trial index: the runs with 2 or more such pairs, all positive; null when none has. Kept apart
 * by run, so that each run's spread is taken around its own level (log-t-interval.ts). The file
 * keeps no trial numbers, only each arm's values in trial order, so a run counts only when both
 * arms hold as many values of each metric they kept (a trial lost in one arm would shift the
 * pairs), and never the run being judged (a replay against a baseline it was added to).
 */
function storedPairedRuns(stored: BaselineFile, field: 'lpIterPerSec' | 'hpP99Ms', runId: string): Array<{ xsched: number[]; baseline: number[] }> | null {
  const runs = storedRunsOf(stored).flatMap(({ run, arms }) => {
    const xsched = arms.xsched?.[field] ?? [];
    const baseline = arms.baseline?.[field] ?? [];
    const counts = [arms.xsched, arms.baseline].flatMap((arm) => [arm?.hpP99Ms.length ?? 0, arm?.lpIterPerSec.length ?? 0]).filter((n) => n > 0);
    const aligned = counts.every((n) => n === xsched.length);
    const usable = run.runId !== runId && aligned && xsched.length >= 2 && xsched.length === baseline.length && [...xsched, ...baseline].every((v) => v > 0);
    return usable ? [{ xsched, baseline }] : [];
  });
  return runs.length === 0 ? null : runs;
}

/** The stored runs' paired per-trial values of `field` to pool a paired interval's spread with, when a comparable baseline has them. */
export function storedSpreadSource(context: VerdictContext, field: 'lpIterPerSec' | 'hpP99Ms'): PooledSpreadSource | undefined {
  const stored = comparableStoredBaseline(context);
  const runs = stored === null ? null : storedPairedRuns(stored.baseline, field, context.record.runId);
  return runs === null ? undefined : { runs: runs.map((run) => ({ numerators: run.xsched, denominators: run.baseline })), label: stored!.label };
}
