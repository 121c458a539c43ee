// The JSON that `xsched-perf-worker --probe` prints: the READY fingerprint of a GPU,
// without the per-run fields (role, stream), which a probe may leave out.

import type { WorkerFingerprint, WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { WORKER_PLATFORMS, readGpuFingerprint } from '../worker/parse-fingerprint.ts';
import { FieldReader } from '../worker/protocol-fields.ts';

/** A probe is of a GPU: its platform is never the CPU test mode's "cpu". */
export type ProbeFingerprint = Pick<WorkerFingerprint, 'workerVersion' | 'hostname' | 'gpu' | 'runtimeVersion' | 'driverVersion'> & { platform: WorkerPlatform };

export function parseProbeJson(source: string, text: string): ProbeFingerprint {
  const r = FieldReader.fromJsonText(source, text);
  if (r.raw('schemaVersion') !== 1) r.fail('schemaVersion', `must be 1, got ${JSON.stringify(r.value.schemaVersion)}`);
  return {
    workerVersion: r.string('workerVersion'),
    hostname: r.string('hostname'),
    platform: r.oneOf('platform', WORKER_PLATFORMS),
    gpu: readGpuFingerprint(r.object('gpu')),
    runtimeVersion: r.string('runtimeVersion'),
    driverVersion: r.string('driverVersion'),
  };
}
