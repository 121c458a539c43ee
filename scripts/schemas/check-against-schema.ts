// Checks JSON files against a published JSON Schema file with Ajv, an implementation
// independent of valibot: the worker's own output (native/tests/schema_session_outputs.cpp)
// is held to the same schemas/*.schema.json the suite publishes.

import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

// Compiling a schema takes a while (report.schema.json inlines every document it holds).
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (validate === undefined) {
    validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

/** One line per problem ("<file>: <path> <message>"); empty when every file matches. */
export function problemsAgainstSchema(schemaFile: string, documents: Array<{ file: string; value: unknown }>): string[] {
  const validate = validatorFor(schemaFile);
  const problems: string[] = [];
  for (const { file, value } of documents) {
    if (validate(value)) continue;
    for (const error of validate.errors ?? []) {
      const found = JSON.stringify(error.data)?.slice(0, 60);
      problems.push(`${file}: ${error.instancePath || '(document)'} ${error.message ?? 'does not match'} (${JSON.stringify(error.params)}; found ${found}) [${schemaFile}]`);
    }
  }
  return problems;
}
