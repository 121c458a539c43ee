// What a worker says about itself on its READY line (docs/protocol.md).

import type { Role, StreamPriority } from './scenario.ts';

export type WorkerPlatform = 'hip-amd' | 'cuda';

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
  platform: WorkerPlatform;
  gpu: GpuFingerprint;
  runtimeVersion: string;
  driverVersion: string;
  /** Paths of XSched libraries mapped in the worker's own /proc/self/maps. */
  xschedLibraries: string[];
  mps: MpsObservation;
  stream: { priority: StreamPriority; value: number; leastPriority: number; greatestPriority: number };
  clock: 'CLOCK_MONOTONIC';
}
