// Validates the fingerprint JSON a worker prints on READY: every field of
// WorkerFingerprint, with a BadOutputError naming the first wrong one. The --probe
// output (gpu/parse-probe.ts) is a subset and reads its fields with the same readers.

import type { FingerprintPlatform, FrameworkFingerprint, GpuFingerprint, WorkerFingerprint, WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { Role, StreamPriority } from '../../documents/types/scenario.ts';
import { FieldReader } from './protocol-fields.ts';

export const WORKER_PLATFORMS: readonly WorkerPlatform[] = ['hip-amd', 'cuda'];
/** A READY line may also say "cpu": a worker's test mode without a GPU (docs/workloads.md). */
const FINGERPRINT_PLATFORMS: readonly FingerprintPlatform[] = [...WORKER_PLATFORMS, 'cpu'];
const ROLES: readonly Role[] = ['hp', 'lp'];
const PRIORITIES: readonly StreamPriority[] = ['default', 'high', 'low'];

/** Parses fingerprint JSON text (the part after "READY "). */
export function parseFingerprintJson(source: string, jsonText: string): WorkerFingerprint {
  return readFingerprint(FieldReader.fromJsonText(source, jsonText));
}

/** Validates an already parsed fingerprint object (also used for the copy inside a result file). */
export function readFingerprint(r: FieldReader): WorkerFingerprint {
  const schemaVersion = r.integer('schemaVersion');
  if (schemaVersion !== 1) r.fail('schemaVersion', `must be 1 (protocol version 1), got ${schemaVersion}`);
  const stream = r.object('stream');
  const mps = r.object('mps');
  const clock = r.raw('clock');
  if (clock !== 'CLOCK_MONOTONIC') r.fail('clock', `must be "CLOCK_MONOTONIC", got ${JSON.stringify(clock)}`);
  const fingerprint: WorkerFingerprint = {
    schemaVersion: 1,
    workerVersion: r.string('workerVersion'),
    pid: r.integer('pid', 1),
    hostname: r.string('hostname'),
    role: r.oneOf('role', ROLES),
    platform: r.oneOf('platform', FINGERPRINT_PLATFORMS),
    gpu: readGpuFingerprint(r.object('gpu')),
    runtimeVersion: r.string('runtimeVersion'),
    driverVersion: r.string('driverVersion'),
    xschedLibraries: r.stringArray('xschedLibraries'),
    mps: { client: mps.nullableBoolean('client'), source: mps.string('source'), pipeDirectory: mps.nullableString('pipeDirectory') },
    stream: {
      priority: stream.oneOf('priority', PRIORITIES),
      value: stream.integer('value'),
      leastPriority: stream.integer('leastPriority'),
      greatestPriority: stream.integer('greatestPriority'),
    },
    clock: 'CLOCK_MONOTONIC',
  };
  // Optional: the native worker has none (docs/workloads.md, "The fingerprint").
  if ('framework' in r.value) fingerprint.framework = readFramework(r.object('framework'));
  return fingerprint;
}

function readFramework(f: FieldReader): FrameworkFingerprint {
  return {
    name: f.oneOf('name', ['pytorch']),
    torchVersion: f.string('torchVersion'),
    torchvisionVersion: f.nullableString('torchvisionVersion'),
    cudaVersion: f.nullableString('cudaVersion'),
    hipVersion: f.nullableString('hipVersion'),
    modelSource: f.string('modelSource'),
    ...('mathMode' in f.value ? { mathMode: f.nullableString('mathMode') } : {}),
  };
}

/** The `gpu` object, shared by the READY fingerprint and the probe output. */
export function readGpuFingerprint(g: FieldReader): GpuFingerprint {
  return {
    index: g.integer('index', 0),
    name: g.string('name'),
    arch: g.string('arch'),
    uuid: g.string('uuid'),
    pciBusId: g.string('pciBusId'),
    memoryTotalBytes: g.integer('memoryTotalBytes', 1),
    multiprocessorCount: g.integer('multiprocessorCount', 1),
  };
}
