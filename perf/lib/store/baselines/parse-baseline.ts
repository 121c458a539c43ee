// Full validation of a baseline file against its schema (documents/schemas/baseline.ts,
// published as schemas/baseline.schema.json): anything wrong names the file and the field,
// because a silently half-read baseline would make every later verdict wrong.

import { JsonFileError } from '../../documents/fs/read-json-file.ts';
import { parseSavedDocument } from '../../documents/schemas/parse-saved-document.ts';
import { BaselineFileSchema } from '../../documents/schemas/baseline.ts';
import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';

const KEY_FIELDS: Array<keyof BaselineKey> = ['scenario', 'platform', 'gpuName', 'arch', 'sharing'];

/**
 * The baseline in `value` (parsed JSON of `file`). With `expectedKey`, the key stored in
 * the file must be that key: a renamed or copied file must not stand in for other hardware.
 */
export function parseBaselineFile(file: string, value: unknown, expectedKey?: BaselineKey): BaselineFile {
  // The update reads the stored baseline too, so the advice removes it first: then the update writes a new one.
  const baseline = parseSavedDocument(file, value, BaselineFileSchema, `remove it and store a new one: rm '${file}' && npm run perf:update-baselines`);
  for (const field of KEY_FIELDS) {
    if (expectedKey && baseline.key[field] !== expectedKey[field]) {
      throw new JsonFileError(file, `key.${field}`, `is ${JSON.stringify(baseline.key[field])} but the file is looked up for ${JSON.stringify(expectedKey[field])} (renamed or copied by hand?)`);
    }
  }
  return baseline;
}
