// Validates a saved evaluation (evaluation.json) against its schema
// (documents/schemas/evaluation.ts, published as schemas/evaluation.schema.json).

import { readJsonRoot } from '../../documents/fs/json-fields.ts';
import { failInFile } from '../../documents/fs/read-json-file.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION, ScenarioEvaluationSchema } from '../../documents/schemas/evaluation.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';

export { EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION };

export function parseEvaluation(file: string, value: unknown): ScenarioEvaluation {
  const doc = readJsonRoot(file, value).asObject();
  checkSchemaHeader(doc, EVALUATION_SCHEMA, EVALUATION_SCHEMA_VERSION, 're-create it with npm run perf:replay');
  return parseDocument(ScenarioEvaluationSchema, value, failInFile(file));
}
