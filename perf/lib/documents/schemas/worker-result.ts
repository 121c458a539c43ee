// The worker's result file (docs/protocol.md, "Result file"). Times inside are nanoseconds
// relative to startNs, so they stay exact as JS numbers; absolute instants are decimal strings.

import * as v from 'valibot';
import { closedObject } from './closed-object.ts';
import { ArrivalProcessSchema, countSchema, ModelNameSchema, RoleSchema, StreamPrioritySchema } from './scenario.ts';
import { WorkerFingerprintSchema } from './fingerprint.ts';

export const WORKER_RESULT_SCHEMA = 'xsched-perf.worker-result';
export const WORKER_RESULT_SCHEMA_VERSION = 1;

/** Absolute CLOCK_MONOTONIC nanoseconds: they exceed 2^53, so they travel as decimal strings. */
export const DecimalNsSchema = v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]*)$/, 'a decimal nanosecond count'));

export const WorkerOptionsSchema = closedObject({
  role: RoleSchema,
  model: ModelNameSchema,
  batch: countSchema(1),
  imageSize: countSchema(1),
  gpuIndex: countSchema(0),
  seed: v.pipe(v.number(), v.safeInteger()),
  durationMs: countSchema(1),
  streamPriority: StreamPrioritySchema,
  /** hp only */
  rateHz: v.optional(v.number()),
  arrival: v.optional(ArrivalProcessSchema),
  warmupIterations: countSchema(0),
  /** Extra delay added to each hp request (regression injection for sensitivity tests). */
  injectDelayUs: countSchema(0),
});

const offsetNs = countSchema(0);
/** Offsets of one record never go back in time (scheduled <= started <= finished). */
const inOrder = <T extends number[]>() =>
  v.check<T, string>((tuple) => tuple.every((value, i) => i === 0 || value >= (tuple[i - 1] as number)), 'must not go back in time (each offset >= the one before)');

/** Where the measured passes were launched, as the worker saw it. */
export const StreamUseSchema = closedObject({
  /** true when any measured pass was issued on the default stream (XSched does not schedule those);
   *  null where there are no streams (CPU test mode). */
  defaultStreamLaunches: v.nullable(v.boolean()),
  detail: v.string(),
});

export const WorkerResultSchema = closedObject({
  schema: v.literal(WORKER_RESULT_SCHEMA),
  schemaVersion: v.literal(WORKER_RESULT_SCHEMA_VERSION),
  options: WorkerOptionsSchema,
  fingerprint: WorkerFingerprintSchema,
  startNs: DecimalNsSchema,
  endNs: DecimalNsSchema,
  partial: v.boolean(),
  partialReason: v.nullable(v.string()),
  /** hp: [scheduled, started, finished] offsets from startNs. */
  requests: v.optional(v.array(v.pipe(v.strictTuple([offsetNs, offsetNs, offsetNs]), inOrder<[number, number, number]>()))),
  /** hp: requests scheduled before endNs that never started (drain deadline passed). */
  unstartedRequests: v.optional(countSchema(0)),
  /** lp: [start, end] offsets from startNs. */
  iterations: v.optional(v.array(v.pipe(v.strictTuple([offsetNs, offsetNs]), inOrder<[number, number]>()))),
  warmup: closedObject({ iterations: countSchema(0), meanMs: v.number() }),
  /** Absent for the native worker, which only ever launches on the stream it creates
   *  (native/src/common/gpu_stream.hpp); written by the PyTorch workload (docs/workloads.md). */
  streamUse: v.optional(StreamUseSchema),
});
