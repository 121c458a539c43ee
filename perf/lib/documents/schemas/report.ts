// report.json: the evaluations of a suite run (and the stored baselines they were compared
// with), versioned so other tools can read it (perf/lib/output/report/json-report.ts).

import * as v from 'valibot';
import { BaselineFileSchema } from './baseline.ts';
import { OverallStatusSchema, ScenarioEvaluationSchema } from './evaluation.ts';

export const REPORT_SCHEMA = 'xsched-perf.report';
// 2: status may be "untested"; each run carries statusReason.
export const REPORT_SCHEMA_VERSION = 2;

export const JsonReportRunSchema = v.object({
  runId: v.string(),
  scenario: v.string(),
  status: OverallStatusSchema,
  statusReason: v.string(),
  reasons: v.array(v.string()),
  evaluation: ScenarioEvaluationSchema,
  baseline: v.nullable(BaselineFileSchema),
});

export const JsonReportSchema = v.object({
  schema: v.literal(REPORT_SCHEMA),
  schemaVersion: v.literal(REPORT_SCHEMA_VERSION),
  generatedAt: v.string(),
  suiteVersion: v.string(),
  /** The worst status of all runs (invalid > fail > untested > inconclusive > pass); untested when there are none. */
  status: OverallStatusSchema,
  runs: v.array(JsonReportRunSchema),
});
