// Validates a saved evaluation (evaluation.json) against its schema
// (documents/schemas/evaluation.ts, published as schemas/evaluation.schema.json).

import { parseSavedDocument } from '../../documents/schemas/parse-saved-document.ts';
import { EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION, ScenarioEvaluationSchema } from '../../documents/schemas/evaluation.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';

export { EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION };

export function parseEvaluation(file: string, value: unknown): ScenarioEvaluation {
  return parseSavedDocument(file, value, ScenarioEvaluationSchema, 're-create it with npm run perf:replay');
}
