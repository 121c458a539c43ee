// The JSON that `xsched-perf-worker --probe` prints: the READY fingerprint of a GPU,
// without the per-run fields (role, stream), which a probe may leave out.

import * as v from 'valibot';
import type { WorkerFingerprint, WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { WorkerFingerprintSchema, WorkerPlatformSchema } from '../../documents/schemas/fingerprint.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { BadOutputError, failInOutput } from '../worker/bad-output-error.ts';
import { FieldReader } from '../worker/protocol-fields.ts';

const PROBE_FIELDS = ['schemaVersion', 'workerVersion', 'hostname', 'platform', 'gpu', 'runtimeVersion', 'driverVersion'] as const;
/** A probe is of a GPU: its platform is never the CPU test mode's "cpu". */
const ProbeSchema = v.object({ ...v.pick(WorkerFingerprintSchema, PROBE_FIELDS).entries, platform: WorkerPlatformSchema });

export type ProbeFingerprint = Pick<WorkerFingerprint, 'workerVersion' | 'hostname' | 'gpu' | 'runtimeVersion' | 'driverVersion'> & { platform: WorkerPlatform };

export function parseProbeJson(source: string, text: string): ProbeFingerprint {
  const r = FieldReader.fromJsonText(source, text);
  const { schemaVersion: _version, ...probe } = parseDocument(ProbeSchema, r.value, failInOutput(source));
  return probe;
}
