// What the suite saw around one arm-trial besides its own workers: other GPU processes,
// the GPU's clocks and health, and the host's CPU (docs/environment.md). A value the tool
// could not give is null with a `notAvailable` reason, never a made-up number.

export const ENVIRONMENT_RECORD_VERSION = 1;

/** before: after READY, before START; during: sampled while measuring; after: workers exited. */
export type SamplePhase = 'before' | 'during' | 'after';

export interface GpuProcess {
  pid: number;
  /** Process name or path as the tool printed it (or /proc/<pid>/cmdline for the /dev/kfd scan). */
  command: string;
  usedMemoryMiB: number | null;
  /** GPU UUID (NVIDIA) or index (AMD) the process uses; null when the source does not say. */
  gpuId: string | null;
}

export interface GpuProcessSample {
  phase: SamplePhase;
  /** Milliseconds since the sampler started. */
  atMs: number;
  /** The command that produced the list, e.g. "nvidia-smi --query-compute-apps". */
  source: string;
  processes: GpuProcess[] | null;
  notAvailable: string | null;
}

export interface GpuState {
  gpuId: string;
  smClockMHz: number | null;
  memClockMHz: number | null;
  temperatureC: number | null;
  powerW: number | null;
  powerLimitW: number | null;
  /** Active clock-lowering reasons (thermal, power cap, hardware slowdown), empty when none. */
  throttleReasons: string[];
  eccCorrected: number | null;
  eccUncorrected: number | null;
  /** NVIDIA: Default, Exclusive_Process, Prohibited. */
  computeMode: string | null;
  migMode: string | null;
  persistenceMode: string | null;
  /** AMD DPM performance level (auto, high, manual, ...). */
  performanceLevel: string | null;
}

export interface GpuStateSample {
  phase: SamplePhase;
  atMs: number;
  source: string;
  gpus: GpuState[] | null;
  notAvailable: string | null;
}

/** CPU time over the measured window, in cores (1.0 = one CPU busy the whole time). */
export interface HostCpuWindow {
  windowMs: number;
  cpus: number;
  busyCores: number;
  /** CPU used by the arm's workers (their /proc/<pid>/stat) and the suite itself. */
  suiteCores: number;
  otherCores: number;
  /** scaling_governor of each CPU, null with a reason when cpufreq is not exposed (e.g. a VM). */
  governors: string[] | null;
  governorNotAvailable: string | null;
}

export interface EnvironmentRecord {
  version: typeof ENVIRONMENT_RECORD_VERSION;
  /** The arm's worker pids (from READY), known to the sampler. */
  suitePids: number[];
  gpuProcesses: GpuProcessSample[];
  gpuState: GpuStateSample[];
  hostCpu: HostCpuWindow | null;
  hostCpuNotAvailable: string | null;
}
