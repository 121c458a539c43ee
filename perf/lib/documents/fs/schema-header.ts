// Every file the suite saves starts with {schema, schemaVersion}; a reader checks
// both before any other field, so an old or foreign file gets a precise message.

import { JsonFileError } from './read-json-file.ts';
import type { JsonObject } from './json-fields.ts';

/**
 * Throws when `doc` is not `schema` at exactly `version`. `whenOld` says what to do
 * about a file written by an older suite (e.g. "re-create it with ...").
 */
export function checkSchemaHeader(doc: JsonObject, schema: string, version: number, whenOld: string): void {
  const found = doc.get('schema');
  if (found.value !== schema) found.fail(`"${schema}" (is this the right file?)`);
  const versionField = doc.get('schemaVersion');
  const foundVersion = versionField.asNumber({ integer: true, min: 0 });
  if (foundVersion < version) {
    throw new JsonFileError(
      doc.file,
      versionField.field,
      `schemaVersion ${foundVersion} is older than this suite's ${version}: ${whenOld}`,
    );
  }
  if (foundVersion > version) {
    throw new JsonFileError(
      doc.file,
      versionField.field,
      `schemaVersion ${foundVersion} is newer than this suite's ${version}: it was written by a newer xsched-perf; update this checkout`,
    );
  }
}
