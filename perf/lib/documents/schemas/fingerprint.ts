// What a worker says about itself on its READY line and in its result file (docs/protocol.md).
// Strict objects: the worker and the suite must agree on every field.

import * as v from 'valibot';
import { closedObject } from './closed-object.ts';
import { countSchema, RoleSchema, StreamPrioritySchema } from './scenario.ts';

export const WorkerPlatformSchema = v.picklist(['hip-amd', 'cuda']);
/** What a READY line may say: a GPU platform, or "cpu" for a worker's test mode without a GPU
 *  (workloads/pytorch --device cpu), which no GPU run accepts (perf/lib/run/orchestrate). */
export const FingerprintPlatformSchema = v.picklist([...WorkerPlatformSchema.options, 'cpu']);
const nonEmptyString = () => v.pipe(v.string(), v.minLength(1));
const integer = () => v.pipe(v.number(), v.safeInteger());

export const GpuFingerprintSchema = closedObject({
  index: countSchema(0),
  name: nonEmptyString(),
  /** gfx90a, gfx942, sm_90, ... */
  arch: nonEmptyString(),
  uuid: nonEmptyString(),
  pciBusId: nonEmptyString(),
  memoryTotalBytes: countSchema(1),
  multiprocessorCount: countSchema(1),
});

export const MpsObservationSchema = closedObject({
  /** true/false when the runtime could tell, null when it could not. */
  client: v.nullable(v.boolean()),
  /** How it was observed, e.g. "cudaDevAttrMpsEnabled" or "not available on hip-amd". */
  source: nonEmptyString(),
  pipeDirectory: v.nullable(v.string()),
});

/** The framework a workload other than the native worker runs on (docs/workloads.md). */
export const FrameworkFingerprintSchema = closedObject({
  name: v.literal('pytorch'),
  torchVersion: nonEmptyString(),
  /** null when torchvision is not importable and the worker built its local ResNet. */
  torchvisionVersion: v.nullable(v.string()),
  /** torch.version.cuda / torch.version.hip: null on the other platform and on CPU-only builds. */
  cudaVersion: v.nullable(v.string()),
  hipVersion: v.nullable(v.string()),
  /** "torchvision" or the local definition the worker fell back to. */
  modelSource: nonEmptyString(),
  /** How it computes: "fp32-strict (...)" (TF32 off, as the native worker); null for a probe; absent before it was recorded. */
  mathMode: v.optional(v.nullable(nonEmptyString())),
});

/** Hex words of a CU mask, word 0 (CUs 0-31) first: "0xffffffff,0x000fffff". */
const cuMaskHex = () => v.pipe(v.string(), v.regex(/^0x[0-9a-f]{8}(,0x[0-9a-f]{8})*$/));

/** A worker run with --cu-mask-percent (AMD): the mask asked for and the one hipExtStreamGetCUMask reports for its stream. */
export const CuMaskObservationSchema = closedObject({
  requestedPercent: v.pipe(countSchema(1), v.maxValue(100)),
  /** hipDeviceProp_t.multiProcessorCount, which the mask was built for. */
  cuCount: countSchema(1),
  maskHex: cuMaskHex(),
  readBackHex: cuMaskHex(),
});

export const WorkerFingerprintSchema = closedObject({
  /** Protocol version 1. */
  schemaVersion: v.literal(1),
  workerVersion: nonEmptyString(),
  pid: countSchema(1),
  hostname: nonEmptyString(),
  role: RoleSchema,
  platform: FingerprintPlatformSchema,
  gpu: GpuFingerprintSchema,
  runtimeVersion: nonEmptyString(),
  driverVersion: nonEmptyString(),
  /** Paths of XSched libraries mapped in the worker's own /proc/self/maps. */
  xschedLibraries: v.array(v.string()),
  mps: MpsObservationSchema,
  stream: closedObject({ priority: StreamPrioritySchema, value: integer(), leastPriority: integer(), greatestPriority: integer() }),
  /** Only a worker started with --cu-mask-percent (docs/arms.md). */
  cuMask: v.optional(CuMaskObservationSchema),
  clock: v.literal('CLOCK_MONOTONIC'),
  /** Absent for the native worker; the framework and its versions for the PyTorch workload. */
  framework: v.optional(FrameworkFingerprintSchema),
});
