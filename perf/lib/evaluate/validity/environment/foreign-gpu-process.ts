// Another process on the GPU while an arm-trial measured makes the trial measure it too: the
// seed's baselines 29x apart, and a foreign matmul loop reported as REGRESSION on an H200
// (docs/environment.md). Allowed: the arm's workers (READY pids), the xserver, and the MPS server (under
// MPS its clients may be listed as the server).

import type { EnvironmentRecord, GpuProcess } from '../../../documents/types/environment.ts';
import type { ValidityCheck } from '../../../documents/types/evaluation.ts';
import type { ArmTrialRecord } from '../../../documents/types/run-record.ts';
import { type CheckContext, makeCheck } from '../check-context.ts';
import { notRecorded, onOtherGpu, ranTrials, recordedTrials, round1, workerGpuUuid, type RecordedTrial } from './environment-trials.ts';

const ID = 'environment.foreign-gpu-process';
const TITLE = 'no other process used the GPU';
export const SUITE_DAEMONS = ['nvidia-cuda-mps-server', 'xserver'];

const baseName = (command: string): string => command.split(/\s+/)[0]!.split('/').at(-1) ?? command;

function suitePids(trial: ArmTrialRecord, environmentPids: number[]): Set<number> {
  const pids = new Set(environmentPids);
  for (const outcome of trial.workers) if (outcome.ok) pids.add(outcome.result.fingerprint.pid);
  for (const pid of Object.values(trial.xsched?.workerPids ?? {})) if (pid !== undefined) pids.add(pid);
  return pids;
}

export interface ForeignProcess extends GpuProcess {
  /** The phases (before, during, after) of the samples that listed it; usedMemoryMiB is its largest. */
  phases: Set<string>;
}

/**
 * The processes other than the suite's on the workers' GPU, by pid, from the samples that
 * could list them. This check fails on them, and the report's environment table lists them.
 */
export function findForeignProcesses(trial: ArmTrialRecord, environment: EnvironmentRecord): Map<number, ForeignProcess> {
  const allowed = suitePids(trial, environment.suitePids);
  const uuid = workerGpuUuid(trial);
  const foreign = new Map<number, ForeignProcess>();
  for (const sample of environment.gpuProcesses) {
    for (const p of sample.processes ?? []) {
      if (allowed.has(p.pid) || SUITE_DAEMONS.includes(baseName(p.command)) || onOtherGpu(p.gpuId, uuid)) continue;
      const seen = foreign.get(p.pid) ?? { ...p, phases: new Set<string>() };
      seen.phases.add(sample.phase);
      if (p.usedMemoryMiB !== null) seen.usedMemoryMiB = Math.max(seen.usedMemoryMiB ?? 0, p.usedMemoryMiB);
      foreign.set(p.pid, seen);
    }
  }
  return foreign;
}

function checkTrial({ trial, environment }: RecordedTrial): ValidityCheck {
  const where = { arm: trial.arm, trial: trial.trial };
  const samples = environment.gpuProcesses;
  const available = samples.filter((s) => s.processes !== null);
  if (available.length === 0) {
    const why = samples[0]?.notAvailable ?? 'no sample was taken';
    return makeCheck({ id: ID, title: TITLE, status: 'warn', ...where, measured: { samples: samples.length, availableSamples: 0 }, message: `Unverified: the GPU's processes could not be listed (${why}).`, recommendation: 'Install the vendor tool (nvidia-smi; amd-smi or rocm-smi) on PATH so that foreign GPU work can be detected.' });
  }
  const foreign = findForeignProcesses(trial, environment);
  const measured = { samples: samples.length, availableSamples: available.length, foreignProcesses: foreign.size };
  const gaps = available.length < samples.length ? ` (${samples.length - available.length} of ${samples.length} samples could not be taken: ${samples.find((s) => s.processes === null)?.notAvailable})` : '';
  if (foreign.size === 0) {
    return makeCheck({ id: ID, title: TITLE, status: 'pass', ...where, measured, message: `Only the suite's processes used the GPU in ${available.length} samples before, during and after the window${gaps}.` });
  }
  const list = [...foreign.values()].map((p) => `pid ${p.pid} "${p.command}" (${p.usedMemoryMiB === null ? 'GPU memory not reported' : `${round1(p.usedMemoryMiB)} MiB GPU memory`}; seen ${[...p.phases].join('/')})`);
  return makeCheck({
    id: ID,
    title: TITLE,
    status: 'fail',
    ...where,
    measured: { ...measured, foreignPids: [...foreign.keys()].join(' ') },
    message: `FOREIGN GPU WORK: ${list.join('; ')} used the GPU while this arm-trial ran, so its numbers measure that process too; they are not judged and are never a regression.`,
    recommendation: `Stop ${[...foreign.keys()].map((pid) => `pid ${pid}`).join(', ')} (or run on a GPU nobody else uses, PERF_GPU) and run again.`,
  });
}

export function checkForeignGpuProcesses(context: CheckContext): ValidityCheck[] {
  const { recorded, missing } = recordedTrials(context.record);
  return [...recorded.map(checkTrial), ...notRecorded(ID, TITLE, missing, ranTrials(context.record).length)];
}
