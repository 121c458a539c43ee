// After the workers (or a replay): evaluate, save, report, and update the stored
// baseline when asked. The same steps for a live run and a replay, so a replay
// produces the same verdicts and the same report.

import { join } from 'node:path';
import { baselineKeyOfRun, describeBaselineProblem, maybeUpdateBaseline } from '../store/baselines/index.ts';
import type { Settings } from '../plan/config/index.ts';
import { evaluateRun } from '../evaluate/index.ts';
import { writeReports } from '../output/report/index.ts';
import { recordLatestRun, saveEvaluation } from '../store/results/index.ts';
import { readRunBaseline, recordRunInHistory } from '../store/history/index.ts';
import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../documents/types/index.ts';

export interface FinishedRun {
  record: RunRecord;
  evaluation: ScenarioEvaluation;
  baseline: BaselineFile | null;
  /**
   * Why there is no comparable stored baseline (missing, other hardware, workload or XSched
   * settings); null when there is one or no worker reported a fingerprint to key it by.
   */
  baselineProblem: string | null;
  runDir: string;
  reportPath: string;
}

export async function finishRun(options: {
  record: RunRecord;
  /** Where evaluation.json and the reports go (the run's own directory, or a replay directory). */
  outDir: string;
  settings: Settings;
  invocationId: string;
  suiteVersion: string;
  log?: (text: string) => void;
}): Promise<FinishedRun> {
  const { record, outDir, settings } = options;
  const log = options.log ?? ((text: string) => process.stdout.write(`${text}\n`));
  // null when no worker finished (no fingerprint to key by): the validity checks say why.
  const key = baselineKeyOfRun(record);
  const baseline = key ? await readRunBaseline(settings, key) : null;
  const baselineProblem = describeBaselineProblem(record, key, baseline, settings.baselinesDir);
  const evaluation = evaluateRun(record, baseline);
  await saveEvaluation(outDir, evaluation);
  const run = { record, evaluation, baseline };
  // generatedAt comes from the record, so replaying the run renders the same report.
  const written = await writeReports(outDir, { runs: [run], generatedAt: record.createdAt, suiteVersion: options.suiteVersion });
  await recordLatestRun(settings.resultsDir, outDir, options.invocationId);
  // The terminal table is printed once for the whole invocation (suite/invocation-reports.ts), which reads
  // it from the run directory (a replay's directory holds a copy of its run.json, suite/replay-into-results.ts).
  log(`report: ${written.htmlPath}`);
  await maybeUpdateBaseline(settings, record, evaluation, log);
  await recordRunInHistory(record, evaluation, outDir, log);
  return { record, evaluation, baseline, baselineProblem, runDir: outDir, reportPath: written.htmlPath };
}

export const replayOutDir = (resultsDir: string, runId: string): string => join(resultsDir, `replay-${runId}`);
