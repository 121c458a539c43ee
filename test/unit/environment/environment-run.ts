// Synthetic runs (test/unit/evaluate/fixtures/synthetic-run.ts) with an environment record per
// arm-trial built from the tool outputs in test/fixtures/environment.

import type { EnvironmentRecord, HostCpuWindow } from '../../../perf/lib/documents/types/environment.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { parseNvidiaComputeApps, parseNvidiaGpuQuery } from '../../../perf/lib/run/environment/nvidia-smi.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { H200_UUID, readFixture } from './fixture-files.ts';

export interface EnvironmentFiles {
  /** compute-apps fixture for the "during" samples (before/after use compute-apps-suite). */
  apps?: string | null;
  gpu?: string | null;
  hostCpu?: Partial<HostCpuWindow> | null;
}

const QUIET_HOST: HostCpuWindow = { windowMs: 58_000, cpus: 16, busyCores: 2.1, suiteCores: 2.0, otherCores: 0.1, governors: null, governorNotAvailable: 'not available: no cpufreq' };
const FIXTURE_WORKER_PIDS = [4001, 4002];
const MISSING = 'not available: nvidia-smi is not on PATH';

export function environmentFrom(files: EnvironmentFiles, workerPids: number[]): EnvironmentRecord {
  // The fixtures list both workers (4001, 4002); an alone arm has only one of them.
  const otherArmsWorker = (pid: number): boolean => FIXTURE_WORKER_PIDS.includes(pid) && !workerPids.includes(pid);
  const apps = (name: string | null | undefined) =>
    name === null ? null : parseNvidiaComputeApps(readFixture(name ?? 'compute-apps-suite.nvidia-smi.csv')).filter((p) => !otherArmsWorker(p.pid));
  const gpus = files.gpu === null ? null : parseNvidiaGpuQuery(readFixture(files.gpu ?? 'query-gpu-ok.nvidia-smi.csv'));
  const phases = [['before', 0, undefined], ['during', 2000, files.apps], ['during', 4000, files.apps], ['after', 60_000, undefined]] as const;
  const nvidiaNotAvailable = (value: unknown): string | null => (value === null ? MISSING : null);
  return {
    version: 1,
    suitePids: workerPids,
    gpuProcesses: phases.map(([phase, atMs, name]) => {
      const processes = files.apps === null ? null : apps(name);
      return { phase, atMs, source: 'nvidia-smi --query-compute-apps', processes, notAvailable: nvidiaNotAvailable(processes) };
    }),
    gpuState: phases.map(([phase, atMs]) => ({ phase, atMs, source: 'nvidia-smi --query-gpu', gpus, notAvailable: nvidiaNotAvailable(gpus) })),
    hostCpu: files.hostCpu === null ? null : { ...QUIET_HOST, ...files.hostCpu },
    hostCpuNotAvailable: files.hostCpu === null ? 'not available: /proc/stat unreadable' : null,
  };
}

/** The healthy synthetic run on the H200 of the fixtures; `perArm` gives an arm other files than the quiet default. */
export function runWithEnvironment(perArm: Partial<Record<ArmName, EnvironmentFiles>> = {}, record: RunRecord = buildSyntheticRun(healthyRunSpec())): RunRecord {
  for (const trial of record.trials) {
    if (trial.skipped !== null) continue;
    const pids: number[] = [];
    for (const outcome of trial.workers) {
      if (!outcome.ok) continue;
      outcome.result.fingerprint.gpu.uuid = H200_UUID;
      pids.push(outcome.result.fingerprint.pid);
    }
    trial.environment = environmentFrom(perArm[trial.arm] ?? {}, pids);
  }
  return record;
}
