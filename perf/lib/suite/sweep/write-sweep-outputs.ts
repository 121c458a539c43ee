// What a finished sweep leaves in its directory: sweep-evaluation.json (schema'd), report.html
// with the frontier plot, summary.md for the job summary (appended to GITHUB_STEP_SUMMARY
// when set, as docs/ci.md does for runs).

import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import { SWEEP_EVALUATION_SCHEMA, SWEEP_EVALUATION_SCHEMA_VERSION } from '../../documents/schemas/sweep.ts';
import type { SweepEvaluationFile } from '../../documents/types/sweep.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { SWEEP_EVALUATION_FILE } from '../../store/results/saved-sweep.ts';
import { renderSweepReport } from '../../output/report/render-sweep-report.ts';
import { renderSweepMarkdown } from '../../output/report/sweep-tables.ts';

interface SweepOutputs {
  evaluationPath: string;
  reportPath: string;
  summaryPath: string;
  markdown: string;
}

export async function writeSweepOutputs(sweepDir: string, title: string, evaluation: SweepEvaluation, notes: readonly string[], env: NodeJS.ProcessEnv): Promise<SweepOutputs> {
  const evaluationPath = join(sweepDir, SWEEP_EVALUATION_FILE);
  // Typed as the schema's document (documents/schemas/sweep.ts), so the written file and its schema cannot drift apart.
  const document: SweepEvaluationFile = { schema: SWEEP_EVALUATION_SCHEMA, schemaVersion: SWEEP_EVALUATION_SCHEMA_VERSION, title, notes: [...notes], ...evaluation };
  await writeJsonFileAtomic(evaluationPath, document);
  const reportPath = join(sweepDir, 'report.html');
  await writeFile(reportPath, renderSweepReport(title, evaluation, notes));
  const markdown = renderSweepMarkdown(title, evaluation);
  const summaryPath = join(sweepDir, 'summary.md');
  await writeFile(summaryPath, markdown);
  const stepSummary = (env.GITHUB_STEP_SUMMARY ?? '').trim();
  if (stepSummary !== '') await appendFile(stepSummary, `${markdown}\n`);
  return { evaluationPath, reportPath, summaryPath, markdown };
}
