// report.json: the evaluations of a suite run (and the stored baselines they
// were compared with), versioned so other tools can read it.

import type * as v from 'valibot';
import type { BaselineFile, ScenarioEvaluation } from '../../documents/types/index.ts';
import { JsonReportSchema, REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type JsonReportRunSchema } from '../../documents/schemas/report.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import { WORST_FIRST } from './status-labels.ts';

export { REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../../documents/schemas/report.ts';

/** Defined once as a schema (documents/schemas/report.ts, published as schemas/report.schema.json). */
export type JsonReportRun = v.InferOutput<typeof JsonReportRunSchema>;
export type JsonReport = v.InferOutput<typeof JsonReportSchema>;

export interface JsonReportInput {
  runs: Array<{ evaluation: ScenarioEvaluation; baseline: BaselineFile | null }>;
  generatedAt: string;
  suiteVersion: string;
}


export function buildJsonReport(input: JsonReportInput): JsonReport {
  const runs = input.runs.map(({ evaluation, baseline }) => ({
    runId: evaluation.runId,
    scenario: evaluation.scenario,
    status: evaluation.status,
    statusReason: evaluation.statusReason,
    reasons: evaluation.reasons,
    evaluation,
    baseline,
  }));
  // No run at all tested nothing: never report that as a pass.
  const status = WORST_FIRST.find((s) => runs.some((r) => r.status === s)) ?? 'untested';
  return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: input.generatedAt, suiteVersion: input.suiteVersion, status, runs };
}

export async function writeJsonReport(path: string, input: JsonReportInput): Promise<JsonReport> {
  const report = buildJsonReport(input);
  await mkdir(dirname(path), { recursive: true });
  await writeJsonFileAtomic(path, report);
  return report;
}

/** Reads back a parsed report.json, refusing other schemas or versions with a clear message, then checks it against its schema. */
export function parseJsonReport(value: unknown, source: string): JsonReport {
  const doc = value as Partial<JsonReport> | null;
  if (doc?.schema !== REPORT_SCHEMA || doc.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new Error(
      `${source}: not a ${REPORT_SCHEMA} v${REPORT_SCHEMA_VERSION} file (schema ${JSON.stringify(doc?.schema)}, version ${JSON.stringify(doc?.schemaVersion)}); ` +
        'regenerate it with this suite version',
    );
  }
  return parseDocument(JsonReportSchema, value, ({ field, problem }) => {
    throw new Error(`${source}: field "${field}": ${problem}`);
  });
}
