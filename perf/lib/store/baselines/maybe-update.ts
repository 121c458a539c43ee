// The perf spec's hook for PERF_UPDATE_BASELINES: after evaluating a run, write its baseline
// when asked to and the run may be one (baseline-refusals.ts), and show what changed. With
// `append` the run is added to the stored baseline (append-runs.ts), or, with none stored yet,
// becomes the first run of one.

import type { Settings } from '../../plan/config/settings.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { findBaselineRefusals } from './baseline-refusals.ts';
import { formatBaselineChange } from './format-change.ts';
import { RunsNotCombinableError } from './from-runs.ts';
import { appendToStoredBaseline, updateBaseline, type BaselineChange } from './update-baseline.ts';

export type MaybeUpdateResult =
  | { action: 'not-requested' }
  | { action: 'refused'; reasons: string[] }
  | { action: 'written'; change: BaselineChange };

/**
 * Does nothing unless settings.updateBaselines. An invalid or incomplete run is refused
 * (the reasons are printed and returned), and so, with `append`, is a run that differs from the
 * stored baseline (RunsNotCombinableError: it would not replace it unasked); otherwise the
 * baseline is written under settings.baselinesDir and the old-vs-new table printed through `log`.
 */
export async function maybeUpdateBaseline(
  settings: Settings,
  record: RunRecord,
  evaluation: ScenarioEvaluation,
  log: (text: string) => void = console.log,
): Promise<MaybeUpdateResult> {
  if (!settings.updateBaselines) return { action: 'not-requested' };
  const refusals = findBaselineRefusals(record, evaluation);
  if (refusals.length > 0) {
    log(`Baseline NOT updated from run ${record.runId} (${record.scenario.name}):\n${refusals.map((r) => `  - ${r}`).join('\n')}`);
    return { action: 'refused', reasons: refusals };
  }
  const dir = settings.baselinesDir;
  let change: BaselineChange;
  try {
    change =
      settings.updateBaselines === 'append' ? await appendToStoredBaseline(dir, [{ record, evaluation }], new Date(), 'start') : await updateBaseline(dir, record, evaluation);
  } catch (error) {
    if (!(error instanceof RunsNotCombinableError)) throw error;
    log(`Baseline NOT updated from run ${record.runId} (${record.scenario.name}): PERF_UPDATE_BASELINES=append: ${error.message}`);
    return { action: 'refused', reasons: [error.message] };
  }
  log(formatBaselineChange(change));
  return { action: 'written', change };
}
