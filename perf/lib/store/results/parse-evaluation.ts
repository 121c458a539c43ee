// Validates a saved evaluation (evaluation.json) as far as its readers rely on it:
// the status, the reasons and the lists they iterate. Statistics are the evaluation
// module's own output and are re-derived by replay rather than trusted.

import { readJsonRoot } from '../../documents/fs/json-fields.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import { VERDICT_KINDS } from '../../plan/scenarios/gate-requirements.ts';

export const EVALUATION_SCHEMA = 'xsched-perf.evaluation';
// 2: status "untested", statusReason, requiredVerdicts, verdictOutcomes. A version 1 file is
// refused with the command that re-creates it: its "pass" may hide verdicts never judged.
export const EVALUATION_SCHEMA_VERSION = 2;

export function parseEvaluation(file: string, value: unknown): ScenarioEvaluation {
  const doc = readJsonRoot(file, value).asObject();
  checkSchemaHeader(doc, EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION, 're-create it with npm run perf:replay');
  doc.string('runId');
  doc.string('scenario');
  doc.get('status').asOneOf(['pass', 'fail', 'invalid', 'untested', 'inconclusive'] as const);
  doc.string('statusReason');
  doc.array('requiredVerdicts').forEach((kind) => kind.asOneOf(VERDICT_KINDS));
  doc.array('verdictOutcomes').forEach((item) => {
    const outcome = item.asObject();
    outcome.get('kind').asOneOf(VERDICT_KINDS);
    outcome.get('status').asOneOf(['pass', 'fail', 'untested', 'inconclusive'] as const);
    outcome.string('reason');
  });
  doc.array('reasons').forEach((reason) => reason.asString());
  for (const list of ['arms', 'checks', 'verdicts']) doc.array(list).forEach((item) => item.asObject());
  // Numbers in statistics must be numbers: JSON turns NaN into null, which a report would print as 0.
  doc.array('arms').forEach((arm) => arm.asObject().array('trials').forEach((trial) => trial.asObject().number('windowMs')));
  return doc.value as unknown as ScenarioEvaluation;
}
