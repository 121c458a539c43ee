export {
  baselineKeyFromRun,
  baselineKeyOfRun,
  baselinePath,
  baselineRelativePath,
  describeBaselineKey,
  findFirstFingerprint,
  formatBaselineKeyFields,
  sameBaselineKey,
} from './key.ts';
export { parseBaselineFile } from './parse-baseline.ts';
export { readBaseline } from './read-baseline.ts';
export { baselineFromRun, type BaselineFromRunOptions } from './from-run.ts';
export { baselineFromRuns, RunsNotCombinableError, type RunToCombine } from './from-runs.ts';
export { appendRunsToBaseline } from './append-runs.ts';
export { appendToStoredBaseline, BaselineRefusedError, updateBaseline, updateBaselineFromRuns, type BaselineChange } from './update-baseline.ts';
export { findBaselineRefusals } from './baseline-refusals.ts';
export { formatBaselineChange } from './format-change.ts';
export { missingBaselineMessage } from './missing-baseline.ts';
export { maybeUpdateBaseline, type MaybeUpdateResult } from './maybe-update.ts';
export { diffWorkload, formatWorkloadDifferences, settingsRestoringWorkload, workloadOfRun, type WorkloadDifference } from './workload.ts';
export { diffXschedSettings, settingsRestoringXsched, xschedSettingsOfRun } from './xsched-settings.ts';
export { describeBaselineProblem } from './baseline-problem.ts';
