// Samples the environment of one arm-trial: GPU processes and state once before START
// (after READY), every `intervalMs` while the workers run, and once after they exited; host
// CPU between the first and the last reading taken while all workers were still alive.
// Readings never overlap (one nvidia-smi call takes ~0.1 s), and a failed one is recorded.

import { ENVIRONMENT_RECORD_VERSION, type EnvironmentRecord, type HelperProcess, type SamplePhase } from '../../documents/types/environment.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { gpuStateReader, readGpuProcesses, runToolWithExeca, type RunTool } from './gpu-tools.ts';
import { cpuWindow, readCpuTicks, readGovernors, type CpuTicks } from './host-cpu.ts';
import { trackWorkerScheduling } from './thread-scheduling.ts';

export const DEFAULT_SAMPLE_INTERVAL_MS = 2_000;

export interface EnvironmentSamplerOptions {
  platform: WorkerPlatform;
  /** The arm's worker pids (READY fingerprints). */
  workerPids: number[];
  /** Processes the arm runs beside them (XSched's xserver): their CPU counts as the suite's, and their threads are read as the workers' are. */
  helperProcesses?: HelperProcess[];
  intervalMs?: number;
  runTool?: RunTool;
  procRoot?: string;
}

export interface EnvironmentSampler {
  /** Takes the "after" reading and returns everything recorded. */
  stop(): Promise<EnvironmentRecord>;
}

export type StartEnvironmentSampler = (options: EnvironmentSamplerOptions) => EnvironmentSampler;

export const startEnvironmentSampler: StartEnvironmentSampler = (options) => {
  const intervalMs = options.intervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 100) throw new TypeError(`environment sampler: intervalMs must be >= 100, got ${JSON.stringify(options.intervalMs)}`);
  const run = options.runTool ?? runToolWithExeca;
  const readGpuState = gpuStateReader(options.platform, run);
  const started = performance.now();
  const since = (): number => Math.round(performance.now() - started);
  const helpers = options.helperProcesses ?? [];
  const cpuPids = [...options.workerPids, ...helpers.map((h) => h.pid), process.pid];
  const record: EnvironmentRecord = {
    version: ENVIRONMENT_RECORD_VERSION,
    suitePids: [...options.workerPids],
    gpuProcesses: [],
    gpuState: [],
    hostCpu: null,
    hostCpuNotAvailable: null,
  };
  let firstTicks: CpuTicks | null = null;
  let lastTicks: CpuTicks | null = null;
  let cpuError: string | null = null;
  const scheduling = trackWorkerScheduling(options.workerPids, options.procRoot, helpers);

  const readCpu = async (): Promise<void> => {
    try {
      const ticks = await readCpuTicks(cpuPids, since(), options.procRoot);
      // Only readings with every worker alive bound the window: an exited worker's time is gone.
      if (options.workerPids.every((pid) => ticks.perPid.has(pid))) {
        firstTicks ??= ticks;
        lastTicks = ticks;
      }
    } catch (error) {
      cpuError = `not available: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const sample = async (phase: SamplePhase): Promise<void> => {
    const atMs = since();
    const [processes, state] = await Promise.all([readGpuProcesses(options.platform, run), readGpuState()]);
    record.gpuProcesses.push({ phase, atMs, source: processes.source, processes: processes.value, notAvailable: processes.notAvailable });
    record.gpuState.push({ phase, atMs, source: state.source, gpus: state.value, notAvailable: state.notAvailable });
    if (phase !== 'after') {
      await readCpu();
      await scheduling.read(since());
    }
  };

  let chain: Promise<void> = sample('before');
  const timer = setInterval(() => {
    chain = chain.then(() => sample('during'));
  }, intervalMs);
  // Sampling must never keep the suite alive, whatever path the arm-trial leaves by.
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await chain;
      await sample('after');
      if (firstTicks !== null && lastTicks !== null && lastTicks !== firstTicks) {
        record.hostCpu = cpuWindow(firstTicks, lastTicks, await readGovernors());
      } else {
        record.hostCpuNotAvailable = cpuError ?? 'not available: fewer than two /proc readings while the workers ran (window shorter than the sampling interval?)';
      }
      record.workerScheduling = scheduling.windows();
      return record;
    },
  };
};
