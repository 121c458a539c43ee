// What the suite saw around one arm-trial besides its own workers (docs/environment.md). A
// value the tool could not give is null with a `notAvailable` reason, never a made-up number.

import * as v from 'valibot';
import { countSchema } from './scenario.ts';

export const ENVIRONMENT_RECORD_VERSION = 1;

/** before: after READY, before START; during: sampled while measuring; after: workers exited. */
export const SamplePhaseSchema = v.picklist(['before', 'during', 'after']);
const nullableNumber = v.nullable(v.number());
const nullableString = v.nullable(v.string());
const atLeastZero = v.pipe(v.number(), v.minValue(0));

export const GpuProcessSchema = v.object({
  pid: countSchema(0),
  /** Process name or path as the tool printed it (or /proc/<pid>/cmdline for the /dev/kfd scan). */
  command: v.string(),
  usedMemoryMiB: nullableNumber,
  /** GPU UUID (NVIDIA) or index (AMD) the process uses; null when the source does not say. */
  gpuId: nullableString,
});

const sampleEntries = {
  phase: SamplePhaseSchema,
  /** Milliseconds since the sampler started. */
  atMs: atLeastZero,
  /** The command that produced the list, e.g. "nvidia-smi --query-compute-apps". */
  source: v.string(),
  notAvailable: nullableString,
};

export const GpuProcessSampleSchema = v.object({ ...sampleEntries, processes: v.nullable(v.array(GpuProcessSchema)) });

export const GpuStateSchema = v.object({
  gpuId: v.string(),
  smClockMHz: nullableNumber,
  memClockMHz: nullableNumber,
  temperatureC: nullableNumber,
  powerW: nullableNumber,
  powerLimitW: nullableNumber,
  /** Active clock-lowering reasons (thermal, power cap, hardware slowdown), empty when none. */
  throttleReasons: v.array(v.string()),
  eccCorrected: nullableNumber,
  eccUncorrected: nullableNumber,
  /** NVIDIA: Default, Exclusive_Process, Prohibited. */
  computeMode: nullableString,
  migMode: nullableString,
  persistenceMode: nullableString,
  /** AMD DPM performance level (auto, high, manual, ...). */
  performanceLevel: nullableString,
});

export const GpuStateSampleSchema = v.object({ ...sampleEntries, gpus: v.nullable(v.array(GpuStateSchema)) });

/** CPU time over the measured window, in cores (1.0 = one CPU busy the whole time). */
export const HostCpuWindowSchema = v.object({
  windowMs: atLeastZero,
  cpus: countSchema(0),
  busyCores: atLeastZero,
  /** CPU used by the arm's workers (their /proc/<pid>/stat), the processes it runs beside them (XSched's xserver, in runs after those of docs/gpu-results.md section 23) and the suite itself. */
  suiteCores: atLeastZero,
  otherCores: atLeastZero,
  /** Of otherCores: CPU time the hypervisor gave to something else while this VM's CPUs were ready (/proc/stat steal); absent in records before it was kept. */
  stealCores: v.optional(atLeastZero),
  /** scaling_governor of each CPU, null with a reason when cpufreq is not exposed (e.g. a VM). */
  governors: v.nullable(v.array(v.string())),
  governorNotAvailable: nullableString,
});

/** A process an arm runs beside its workers: XSched's xserver, through which hp's preemption requests pass. */
export const HelperProcessNameSchema = v.picklist(['xserver']);

/** How the kernel scheduled one worker's (or helper process's) threads between its first and last reading (run/environment/thread-scheduling.ts). */
export const WorkerSchedulingSchema = v.object({
  pid: countSchema(0),
  /** Absent for a worker (its role comes from its fingerprint's pid); the helper's name for a process the arm runs beside them (recorded in runs after those of docs/gpu-results.md section 23). */
  process: v.optional(HelperProcessNameSchema),
  windowMs: atLeastZero,
  /** Taken off a CPU while runnable, for another thread. */
  involuntarySwitchesPerS: atLeastZero,
  voluntarySwitchesPerS: atLeastZero,
  /** Milliseconds per second the threads spent runnable, waiting for a CPU (schedstat run_delay, summed over threads); null where the kernel keeps none. */
  runQueueWaitMsPerS: v.nullable(atLeastZero),
});

export const EnvironmentRecordSchema = v.object({
  version: v.literal(ENVIRONMENT_RECORD_VERSION),
  /** The arm's worker pids (from READY), known to the sampler. */
  suitePids: v.array(countSchema(0)),
  gpuProcesses: v.array(GpuProcessSampleSchema),
  gpuState: v.array(GpuStateSampleSchema),
  hostCpu: v.nullable(HostCpuWindowSchema),
  hostCpuNotAvailable: nullableString,
  /** One entry per worker (and helper process, e.g. the xserver) read at least twice while the workers ran; absent in records before 2026-12-01. */
  workerScheduling: v.optional(v.array(WorkerSchedulingSchema)),
});
