// The JSON that `xsched-perf-worker --probe` prints: the READY fingerprint of a GPU,
// without the per-run fields (role, stream), which a probe may leave out.

import * as v from 'valibot';
import type { WorkerFingerprint } from '../../documents/types/fingerprint.ts';
import { WorkerFingerprintSchema } from '../../documents/schemas/fingerprint.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { BadOutputError, failInOutput } from '../worker/bad-output-error.ts';
import { FieldReader } from '../worker/protocol-fields.ts';

const PROBE_FIELDS = ['schemaVersion', 'workerVersion', 'hostname', 'platform', 'gpu', 'runtimeVersion', 'driverVersion'] as const;
const ProbeSchema = v.object(v.pick(WorkerFingerprintSchema, PROBE_FIELDS).entries);

export type ProbeFingerprint = Pick<WorkerFingerprint, 'workerVersion' | 'hostname' | 'platform' | 'gpu' | 'runtimeVersion' | 'driverVersion'>;

export function parseProbeJson(source: string, text: string): ProbeFingerprint {
  const r = FieldReader.fromJsonText(source, text);
  const { schemaVersion: _version, ...probe } = parseDocument(ProbeSchema, r.value, failInOutput(source));
  return probe;
}
