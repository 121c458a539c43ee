// Validates a saved run record (run.json) against its schema (documents/schemas/run-record.ts,
// published as schemas/run-record.schema.json) before replay or a baseline update reads it.

import { parseSavedDocument } from '../../documents/schemas/parse-saved-document.ts';
import { RunRecordSchema } from '../../documents/schemas/run-record.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';

/**
 * The run record in `value` (parsed JSON of `file`); throws a JsonFileError naming file and field.
 * The checked original is returned, not the schema's copy: fields added by newer modules pass
 * through untouched, and a 100 MB record is not held twice.
 */
export function parseRunRecord(file: string, value: unknown): RunRecord {
  parseSavedDocument(file, value, RunRecordSchema, 'replay it with the suite version that recorded it');
  return value as RunRecord;
}
