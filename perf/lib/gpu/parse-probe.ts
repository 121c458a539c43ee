// The JSON that `xsched-perf-worker --probe` prints: the READY fingerprint of a GPU,
// without the per-run fields (role, stream), which a probe may leave out.

import type { GpuFingerprint, WorkerPlatform } from '../types/fingerprint.ts';
import { BadOutputError } from '../worker/bad-output-error.ts';
import { FieldReader } from '../worker/protocol-fields.ts';

export interface ProbeFingerprint {
  workerVersion: string;
  hostname: string;
  platform: WorkerPlatform;
  gpu: GpuFingerprint;
  runtimeVersion: string;
  driverVersion: string;
}

export function parseProbeJson(source: string, text: string): ProbeFingerprint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new BadOutputError(source, '', `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  const r = FieldReader.fromUnknown(source, parsed);
  if (r.raw('schemaVersion') !== 1) r.fail('schemaVersion', `must be 1, got ${JSON.stringify(r.value.schemaVersion)}`);
  const g = r.object('gpu');
  return {
    workerVersion: r.string('workerVersion'),
    hostname: r.string('hostname'),
    platform: r.oneOf<WorkerPlatform>('platform', ['hip-amd', 'cuda']),
    gpu: {
      index: g.integer('index', 0),
      name: g.string('name'),
      arch: g.string('arch'),
      uuid: g.string('uuid'),
      pciBusId: g.string('pciBusId'),
      memoryTotalBytes: g.integer('memoryTotalBytes', 1),
      multiprocessorCount: g.integer('multiprocessorCount', 1),
    },
    runtimeVersion: r.string('runtimeVersion'),
    driverVersion: r.string('driverVersion'),
  };
}
