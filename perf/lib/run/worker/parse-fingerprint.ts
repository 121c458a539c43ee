// Validates the fingerprint JSON a worker prints on READY against its schema
// (documents/schemas/fingerprint.ts), with a BadOutputError naming the first wrong field.
// The --probe output (gpu/parse-probe.ts) is a subset read with a pick of the same schema.

import type { WorkerFingerprint } from '../../documents/types/fingerprint.ts';
import { WorkerFingerprintSchema } from '../../documents/schemas/fingerprint.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { failInOutput } from './bad-output-error.ts';
import { FieldReader } from './protocol-fields.ts';

/** Parses fingerprint JSON text (the part after "READY "). */
export function parseFingerprintJson(source: string, jsonText: string): WorkerFingerprint {
  const r = FieldReader.fromJsonText(source, jsonText);
  return parseDocument(WorkerFingerprintSchema, r.value, failInOutput(source));
}
