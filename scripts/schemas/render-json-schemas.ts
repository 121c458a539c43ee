// Renders the published JSON Schema files (schemas/*.schema.json) from the valibot schemas
// that define each saved document (perf/lib/documents/schemas/). `npm run schemas:write`
// writes them; test/unit/schemas/published-schemas.test.ts fails when they are stale.

import type * as v from 'valibot';
import { toJsonSchema } from '@valibot/to-json-schema';
import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, BaselineFileSchema } from '../../perf/lib/documents/schemas/baseline.ts';
import { EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION, ScenarioEvaluationSchema } from '../../perf/lib/documents/schemas/evaluation.ts';
import { WorkerFingerprintSchema } from '../../perf/lib/documents/schemas/fingerprint.ts';
import { JsonReportSchema, REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../../perf/lib/documents/schemas/report.ts';
import { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, RunRecordSchema } from '../../perf/lib/documents/schemas/run-record.ts';
import * as sweep from '../../perf/lib/documents/schemas/sweep.ts';
import { WORKER_RESULT_SCHEMA, WORKER_RESULT_SCHEMA_VERSION, WorkerResultSchema } from '../../perf/lib/documents/schemas/worker-result.ts';
import { CONFIG_SCHEMA, CONFIG_SCHEMA_VERSION } from '../../perf/lib/plan/config/config-file.ts';
import { ConfigFileSchema } from '../../perf/lib/plan/config/config-schema.ts';

/** Where the files live, relative to the repository root. */
export const SCHEMA_DIR = 'schemas';

interface PublishedDocument {
  file: string;
  /** The document's `schema` field and version ({schemaVersion} of the READY fingerprint: the protocol's). */
  name: string;
  version: number;
  description: string;
  schema: v.GenericSchema;
}

const PUBLISHED_DOCUMENTS: readonly PublishedDocument[] = [
  { file: 'worker-result.schema.json', name: WORKER_RESULT_SCHEMA, version: WORKER_RESULT_SCHEMA_VERSION, description: "The native worker's result file (docs/protocol.md).", schema: WorkerResultSchema },
  { file: 'fingerprint.schema.json', name: 'xsched-perf.fingerprint', version: 1, description: "The JSON of the worker's READY line (docs/protocol.md).", schema: WorkerFingerprintSchema },
  { file: 'run-record.schema.json', name: RUN_RECORD_SCHEMA, version: RUN_RECORD_SCHEMA_VERSION, description: 'run.json: the raw record of one scenario run (docs/orchestration.md).', schema: RunRecordSchema },
  { file: 'evaluation.schema.json', name: EVALUATION_SCHEMA, version: EVALUATION_SCHEMA_VERSION, description: 'evaluation.json: statistics, validity checks and verdicts of one run (docs/reports.md).', schema: ScenarioEvaluationSchema },
  { file: 'baseline.schema.json', name: BASELINE_SCHEMA, version: BASELINE_SCHEMA_VERSION, description: 'A stored baseline under baselines/ (docs/baselines.md).', schema: BaselineFileSchema },
  { file: 'report.schema.json', name: REPORT_SCHEMA, version: REPORT_SCHEMA_VERSION, description: 'report.json: the evaluations of one suite invocation (docs/reports.md).', schema: JsonReportSchema },
  { file: 'sweep-plan.schema.json', name: sweep.SWEEP_PLAN_SCHEMA, version: sweep.SWEEP_PLAN_SCHEMA_VERSION, description: "sweep.json: what a trade-off sweep asked for, checked before it resumes (docs/sweeps.md).", schema: sweep.SweepPlanFileSchema },
  { file: 'sweep-evaluation.schema.json', name: sweep.SWEEP_EVALUATION_SCHEMA, version: sweep.SWEEP_EVALUATION_SCHEMA_VERSION, description: "sweep-evaluation.json: a sweep's points, frontier and budget verdicts (docs/sweeps.md).", schema: sweep.SweepEvaluationFileSchema },
  { file: 'config.schema.json', name: CONFIG_SCHEMA, version: CONFIG_SCHEMA_VERSION, description: 'The optional config file xsched-perf.config.json (docs/configuration.md).', schema: ConfigFileSchema },
];

/**
 * File name -> text. Checks that JSON Schema cannot state (v.check: ordered tuples, equal
 * per-trial lengths, a parseable date) are left out; the suite's readers still apply them.
 */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of PUBLISHED_DOCUMENTS) {
    const body = toJsonSchema(doc.schema, { typeMode: 'input', errorMode: 'throw', ignoreActions: ['check'] });
    const { $schema, ...rest } = body;
    const text = JSON.stringify({ $schema, title: `${doc.name} version ${doc.version}`, description: `${doc.description} Generated from perf/lib/documents/schemas by npm run schemas:write; do not edit.`, ...rest }, null, 2);
    files.set(doc.file, `${text}\n`);
  }
  return files;
}
