// Validates the fingerprint JSON a worker prints on READY against its schema
// (documents/schemas/fingerprint.ts), with a BadOutputError naming the first wrong field.
// The --probe output (gpu/parse-probe.ts) is a subset and reads its fields with FieldReader.

import type { GpuFingerprint, WorkerFingerprint, WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { GpuFingerprintSchema, WorkerFingerprintSchema, WorkerPlatformSchema } from '../../documents/schemas/fingerprint.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { BadOutputError } from './bad-output-error.ts';
import { FieldReader } from './protocol-fields.ts';

export const WORKER_PLATFORMS: readonly WorkerPlatform[] = WorkerPlatformSchema.options;

/** Parses fingerprint JSON text (the part after "READY "). */
export function parseFingerprintJson(source: string, jsonText: string): WorkerFingerprint {
  const r = FieldReader.fromJsonText(source, jsonText);
  return parseDocument(WorkerFingerprintSchema, r.value, ({ field, problem }) => {
    throw new BadOutputError(source, field, problem);
  });
}

/** The `gpu` object, shared by the READY fingerprint and the probe output. */
export function readGpuFingerprint(g: FieldReader): GpuFingerprint {
  return parseDocument(GpuFingerprintSchema, g.value, ({ field, problem }) => {
    throw new BadOutputError(g.source, field === '' ? g.prefix : g.path(field), problem);
  });
}
