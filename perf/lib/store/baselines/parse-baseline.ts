// Full validation of a baseline file against its schema (documents/schemas/baseline.ts,
// published as schemas/baseline.schema.json): anything wrong names the file and the field,
// because a silently half-read baseline would make every later verdict wrong.

import { failInFile, JsonFileError } from '../../documents/fs/read-json-file.ts';
import { readJsonRoot } from '../../documents/fs/json-fields.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { BaselineFileSchema } from '../../documents/schemas/baseline.ts';
import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineFile, type BaselineKey } from '../../documents/types/baseline.ts';

const KEY_FIELDS: Array<keyof BaselineKey> = ['scenario', 'platform', 'gpuName', 'arch', 'sharing'];

/**
 * The baseline in `value` (parsed JSON of `file`). With `expectedKey`, the key stored in
 * the file must be that key: a renamed or copied file must not stand in for other hardware.
 */
export function parseBaselineFile(file: string, value: unknown, expectedKey?: BaselineKey): BaselineFile {
  const doc = readJsonRoot(file, value).asObject();
  // The update reads the stored baseline too, so the advice removes it first: then the update writes a new one.
  checkSchemaHeader(doc, BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, `remove it and store a new one: rm '${doc.file}' && npm run perf:update-baselines`);
  const baseline = parseDocument(BaselineFileSchema, value, failInFile(file));
  for (const field of KEY_FIELDS) {
    if (expectedKey && baseline.key[field] !== expectedKey[field]) {
      throw new JsonFileError(file, `key.${field}`, `is ${JSON.stringify(baseline.key[field])} but the file is looked up for ${JSON.stringify(expectedKey[field])} (renamed or copied by hand?)`);
    }
  }
  return baseline;
}
