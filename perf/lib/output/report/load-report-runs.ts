// Finds the runs saved under one or more results directories (e.g. CI shards)
// by what the JSON files say they are (their schema field), not by file name:
// RunRecords, evaluations, and report.json files (evaluations + baselines).

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../../documents/fs/read-json-file.ts';
import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { RUN_RECORD_SCHEMA } from '../../documents/types/run-record.ts';
import { parseJsonReport, REPORT_SCHEMA } from './json-report.ts';
import { EVALUATION_SCHEMA, parseEvaluation } from '../../store/results/parse-evaluation.ts';
import { parseRunRecord } from '../../store/results/parse-run-record.ts';
import type { ReportRun } from './render-html-report.ts';

export interface LoadedResults {
  runs: ReportRun[];
  /** From the newest report.json (or the newest record): the merged report shows input times only. */
  generatedAt: string;
  suiteVersion: string;
  /** One line per thing skipped, e.g. an evaluation without its record. */
  warnings: string[];
}

const MAX_DEPTH = 4;

export async function loadReportRuns(dirs: string[]): Promise<LoadedResults> {
  if (dirs.length === 0) throw new Error('loadReportRuns: no results directory given; pass at least one (e.g. results/)');
  const records = new Map<string, RunRecord>();
  const evaluations = new Map<string, { evaluation: ScenarioEvaluation; baseline: BaselineFile | null }>();
  const reportTimes: Array<{ generatedAt: string; suiteVersion: string }> = [];
  const warnings: string[] = [];
  for (const dir of dirs) {
    for (const file of await listJsonFiles(dir, MAX_DEPTH)) {
      const value = await readJsonFile(file);
      const schema = (value as { schema?: unknown } | null)?.schema;
      if (schema === RUN_RECORD_SCHEMA) {
        // Checked against its schema like replay's input: an older or damaged record is left out with the reason.
        const record = parseOrWarn(() => parseRunRecord(file, value), warnings);
        if (record === null) continue;
        if (records.has(record.runId)) warnings.push(`${file}: run ${record.runId} seen twice; keeping the first`);
        else records.set(record.runId, record);
      } else if (schema === EVALUATION_SCHEMA) {
        // An older evaluation (schemaVersion 1 has no "untested") is left out with the reason, never shown as it was.
        const evaluation = parseOrWarn(() => parseEvaluation(file, value), warnings);
        if (evaluation === null) continue;
        if (!evaluations.has(evaluation.runId)) evaluations.set(evaluation.runId, { evaluation, baseline: null });
      } else if (schema === REPORT_SCHEMA) {
        const report = parseJsonReport(value, file);
        reportTimes.push({ generatedAt: report.generatedAt, suiteVersion: report.suiteVersion });
        // A report.json carries the baseline the evaluation was compared with: prefer it.
        for (const run of report.runs) evaluations.set(run.runId, { evaluation: run.evaluation, baseline: run.baseline });
      }
    }
  }
  const runs: ReportRun[] = [];
  for (const [runId, { evaluation, baseline }] of evaluations) {
    const record = records.get(runId);
    if (!record) {
      warnings.push(`run ${runId} (${evaluation.scenario}): evaluation found but no RunRecord (schema xsched-perf.run); copy the whole results/${runId}/ directory`);
      continue;
    }
    runs.push({ record, evaluation, baseline });
  }
  for (const runId of records.keys()) {
    if (!evaluations.has(runId)) warnings.push(`run ${runId}: RunRecord without an evaluation; run \`npm run perf:replay\` on it first`);
  }
  runs.sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt) || a.record.runId.localeCompare(b.record.runId));
  const newest = [...reportTimes].sort((a, b) => a.generatedAt.localeCompare(b.generatedAt)).pop();
  const newestRecord = runs[runs.length - 1]?.record;
  return {
    runs,
    generatedAt: newest?.generatedAt ?? newestRecord?.createdAt ?? 'unknown',
    suiteVersion: newest?.suiteVersion ?? newestRecord?.suiteVersion ?? 'unknown',
    warnings,
  };
}

async function listJsonFiles(dir: string, depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    throw new Error(`cannot read results directory ${dir}: does it exist?`, { cause });
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) files.push(...(await listJsonFiles(path, depth - 1)));
    else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.')) files.push(path);
  }
  return files;
}

/** The parsed document, or null with the reader's message (file, field, problem) in `warnings`. */
function parseOrWarn<T>(parse: () => T, warnings: string[]): T | null {
  try {
    return parse();
  } catch (error) {
    warnings.push(`${(error as Error).message}; left out`);
    return null;
  }
}
