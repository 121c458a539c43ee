// Validates a saved run record (run.json) against its schema (documents/schemas/run-record.ts,
// published as schemas/run-record.schema.json) before replay or a baseline update reads it.

import { readJsonRoot } from '../../documents/fs/json-fields.ts';
import { failInFile } from '../../documents/fs/read-json-file.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { RunRecordSchema } from '../../documents/schemas/run-record.ts';
import { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, type RunRecord } from '../../documents/types/run-record.ts';

/**
 * The run record in `value` (parsed JSON of `file`); throws a JsonFileError naming file and field.
 * The checked original is returned, not the schema's copy: fields added by newer modules pass
 * through untouched, and a 100 MB record is not held twice.
 */
export function parseRunRecord(file: string, value: unknown): RunRecord {
  const doc = readJsonRoot(file, value).asObject();
  checkSchemaHeader(doc, RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, 'replay it with the suite version that recorded it');
  parseDocument(RunRecordSchema, value, failInFile(file));
  return value as RunRecord;
}
