// The worker's result file (docs/protocol.md). Times inside are nanoseconds
// relative to startNs, so they stay exact as JS numbers.

import type { ArrivalProcess, ModelName, Role, StreamPriority } from './scenario.ts';
import type { WorkerFingerprint } from './fingerprint.ts';

export const WORKER_RESULT_SCHEMA = 'xsched-perf.worker-result';
export const WORKER_RESULT_SCHEMA_VERSION = 1;

export interface WorkerOptions {
  role: Role;
  model: ModelName;
  batch: number;
  imageSize: number;
  gpuIndex: number;
  seed: number;
  durationMs: number;
  streamPriority: StreamPriority;
  /** hp only */
  rateHz?: number;
  arrival?: ArrivalProcess;
  warmupIterations: number;
  /** Extra delay added to each hp request (regression injection for sensitivity tests). */
  injectDelayUs: number;
}

export interface WorkerResult {
  schema: typeof WORKER_RESULT_SCHEMA;
  schemaVersion: typeof WORKER_RESULT_SCHEMA_VERSION;
  options: WorkerOptions;
  fingerprint: WorkerFingerprint;
  /** Absolute CLOCK_MONOTONIC nanoseconds as decimal strings. */
  startNs: string;
  endNs: string;
  partial: boolean;
  partialReason: string | null;
  /** hp: [scheduled, started, finished] offsets from startNs. */
  requests?: Array<[number, number, number]>;
  /** hp: requests scheduled before endNs that never started (drain deadline passed). */
  unstartedRequests?: number;
  /** lp: [start, end] offsets from startNs. */
  iterations?: Array<[number, number]>;
  warmup: { iterations: number; meanMs: number };
  /** Where the measured passes were launched, as the worker saw it (absent for the native worker,
   *  which only ever launches on the stream it creates: native/src/common/gpu_stream.hpp). */
  streamUse?: StreamUse;
}

export interface StreamUse {
  /** true when any measured pass was issued on the default stream (XSched does not schedule those);
   *  null where there are no streams (CPU test mode). */
  defaultStreamLaunches: boolean | null;
  detail: string;
}
