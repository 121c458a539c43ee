// What a finished sweep leaves in its directory: sweep-evaluation.json (schema'd), report.html
// with the frontier plot, summary.md for the job summary (appended to GITHUB_STEP_SUMMARY
// when set, as docs/ci.md does for runs).

import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { renderSweepReport } from '../../output/report/render-sweep-report.ts';
import { renderSweepMarkdown } from '../../output/report/sweep-tables.ts';

export const SWEEP_EVALUATION_SCHEMA = 'xsched-perf.sweep-evaluation';
export const SWEEP_EVALUATION_SCHEMA_VERSION = 1;

export interface SweepOutputs {
  evaluationPath: string;
  reportPath: string;
  summaryPath: string;
  markdown: string;
}

export async function writeSweepOutputs(sweepDir: string, title: string, evaluation: SweepEvaluation, notes: readonly string[], env: NodeJS.ProcessEnv): Promise<SweepOutputs> {
  const evaluationPath = join(sweepDir, 'sweep-evaluation.json');
  await writeJsonFileAtomic(evaluationPath, { schema: SWEEP_EVALUATION_SCHEMA, schemaVersion: SWEEP_EVALUATION_SCHEMA_VERSION, title, notes, ...evaluation });
  const reportPath = join(sweepDir, 'report.html');
  await writeFile(reportPath, renderSweepReport(title, evaluation, notes));
  const markdown = renderSweepMarkdown(title, evaluation);
  const summaryPath = join(sweepDir, 'summary.md');
  await writeFile(summaryPath, markdown);
  const stepSummary = (env.GITHUB_STEP_SUMMARY ?? '').trim();
  if (stepSummary !== '') await appendFile(stepSummary, `${markdown}\n`);
  return { evaluationPath, reportPath, summaryPath, markdown };
}
