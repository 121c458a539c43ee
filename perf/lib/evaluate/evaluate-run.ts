// evaluateRun: RunRecord (+ stored baseline) -> ScenarioEvaluation. Pure and deterministic
// (all resampling is seeded from the record), so replaying a saved record gives the same
// statistics, checks, verdicts and status.

import { computeRunStatistics } from './stats/run-statistics.ts';
import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineFile } from '../documents/types/baseline.ts';
import type { ScenarioEvaluation } from '../documents/types/evaluation.ts';
import { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, type RunRecord } from '../documents/types/run-record.ts';
import { type ExtraCheck, runValidityChecks } from './validity/run-checks.ts';
import { resolveThresholds } from './verdicts/effective-thresholds.ts';
import { runVerdicts } from './verdicts/run-verdicts.ts';
import { decideOverallStatus } from './overall-status.ts';
import { findUnprovenArms } from './unproven-arms.ts';
import { gateRequirementsOf } from '../plan/scenarios/catalogue.ts';
import { findDisturbedArms } from './disturbed-arms.ts';
import { withholdVerdictsOfInvalidRun } from './invalid-run-verdicts.ts';

export interface EvaluateOptions {
  /** Checks run after the suite's own (every built-in and evidence check always runs); for tests. */
  extraChecks?: ExtraCheck[];
}

function validateInputs(record: RunRecord, baseline: BaselineFile | null): void {
  if (record?.schema !== RUN_RECORD_SCHEMA || record.schemaVersion !== RUN_RECORD_SCHEMA_VERSION) {
    throw new Error(
      `evaluateRun needs a ${RUN_RECORD_SCHEMA} record, schemaVersion ${RUN_RECORD_SCHEMA_VERSION}; received schema ${JSON.stringify(record?.schema)}, schemaVersion ${JSON.stringify(record?.schemaVersion)}`,
    );
  }
  if (baseline !== null && (baseline.schema !== BASELINE_SCHEMA || baseline.schemaVersion !== BASELINE_SCHEMA_VERSION)) {
    throw new Error(
      `evaluateRun needs a ${BASELINE_SCHEMA} file, schemaVersion ${BASELINE_SCHEMA_VERSION}, or null; received schema ${JSON.stringify(baseline.schema)}, schemaVersion ${JSON.stringify(baseline.schemaVersion)}`,
    );
  }
}

export function evaluateRun(record: RunRecord, baseline: BaselineFile | null, options: EvaluateOptions = {}): ScenarioEvaluation {
  validateInputs(record, baseline);
  const thresholds = resolveThresholds(record.scenario, baseline);
  const stats = computeRunStatistics(record);
  const checks = runValidityChecks({ record, stats, thresholds }, options.extraChecks ?? []);
  const judged = runVerdicts({ record, stats, thresholds, baseline, unprovenArms: new Map([...findDisturbedArms(checks), ...findUnprovenArms(checks)]) });
  const verdicts = withholdVerdictsOfInvalidRun(checks, judged);
  const { requiredVerdicts } = gateRequirementsOf(record.scenario.name);
  const { status, statusReason, verdictOutcomes, reasons } = decideOverallStatus(checks, verdicts, requiredVerdicts);
  return {
    schema: 'xsched-perf.evaluation',
    schemaVersion: 2,
    runId: record.runId,
    scenario: record.scenario.name,
    arms: stats.arms,
    checks,
    verdicts,
    status,
    statusReason,
    requiredVerdicts,
    verdictOutcomes,
    reasons,
  };
}
