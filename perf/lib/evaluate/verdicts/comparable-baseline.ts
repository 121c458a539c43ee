// The stored baseline when it can judge this run as a whole: the same key, the same recorded
// workload and XSched settings (store/baselines/baseline-mismatch.ts) and no drift of the alone
// arms (machine-drift.ts). The regression verdicts report each reason it cannot
// (baseline-regression.ts); lp-throughput-loss.ts borrows its trials' spread only when it can.

import { findBaselineMismatch } from '../../store/baselines/baseline-mismatch.ts';
import { baselineKeyOfRun } from '../../store/baselines/key.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import { findMachineDrift } from './machine-drift.ts';
import type { VerdictContext } from './verdict-context.ts';

export function comparableStoredBaseline(context: VerdictContext): BaselineFile | null {
  const stored = context.baseline;
  // A file without a recorded workload is compared on trust (baseline-regression.ts says so);
  // its spread is not borrowed on trust.
  if (stored === null || stored.workload === undefined) return null;
  const runKey = baselineKeyOfRun(context.record);
  if (runKey === null || findBaselineMismatch(context.record, runKey, stored) !== null) return null;
  return findMachineDrift(context, stored) === null ? stored : null;
}

/** The stored run's lp iter/s of xsched and baseline, paired by trial index, or null unless it has 2 or more such pairs, all positive. */
export function storedLpPairs(stored: BaselineFile): { xsched: number[]; baseline: number[] } | null {
  const xsched = stored.arms.xsched?.lpIterPerSec ?? [];
  const baseline = stored.arms.baseline?.lpIterPerSec ?? [];
  if (xsched.length < 2 || xsched.length !== baseline.length || ![...xsched, ...baseline].every((v) => v > 0)) return null;
  return { xsched, baseline };
}
