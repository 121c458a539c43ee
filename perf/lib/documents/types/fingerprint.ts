// What a worker says about itself on its READY line (docs/protocol.md).

import type { Role, StreamPriority } from './scenario.ts';

export type WorkerPlatform = 'hip-amd' | 'cuda';
/** What a READY line may say: a GPU platform, or "cpu" for a worker's test mode without a GPU
 *  (workloads/pytorch --device cpu), which no GPU run accepts (perf/lib/run/orchestrate). */
export type FingerprintPlatform = WorkerPlatform | 'cpu';

/** The framework a workload other than the native worker runs on (docs/workloads.md). */
export interface FrameworkFingerprint {
  name: 'pytorch';
  torchVersion: string;
  /** null when torchvision is not importable and the worker built its local ResNet. */
  torchvisionVersion: string | null;
  /** torch.version.cuda / torch.version.hip: null on the other platform and on CPU-only builds. */
  cudaVersion: string | null;
  hipVersion: string | null;
  /** "torchvision" or the local definition the worker fell back to. */
  modelSource: string;
  /** How it computes: "fp32-strict (...)" (TF32 off, as the native worker); null for a probe; absent before it was recorded. */
  mathMode?: string | null;
}

export interface GpuFingerprint {
  index: number;
  name: string;
  /** gfx90a, gfx942, sm_90, ... */
  arch: string;
  uuid: string;
  pciBusId: string;
  memoryTotalBytes: number;
  multiprocessorCount: number;
}

export interface MpsObservation {
  /** true/false when the runtime could tell, null when it could not. */
  client: boolean | null;
  /** How it was observed, e.g. "cudaDevAttrMpsEnabled" or "not available on hip-amd". */
  source: string;
  pipeDirectory: string | null;
}

export interface WorkerFingerprint {
  schemaVersion: 1;
  workerVersion: string;
  pid: number;
  hostname: string;
  role: Role;
  platform: FingerprintPlatform;
  gpu: GpuFingerprint;
  runtimeVersion: string;
  driverVersion: string;
  /** Paths of XSched libraries mapped in the worker's own /proc/self/maps. */
  xschedLibraries: string[];
  mps: MpsObservation;
  stream: { priority: StreamPriority; value: number; leastPriority: number; greatestPriority: number };
  clock: 'CLOCK_MONOTONIC';
  /** Absent for the native worker; the framework and its versions for the PyTorch workload. */
  framework?: FrameworkFingerprint;
}
