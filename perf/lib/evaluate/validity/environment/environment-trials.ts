// What every environment check shares: the arm-trials that ran, their recorded environment,
// the GPU the workers used, and the "not recorded" answer for runs saved without one.

import type { EnvironmentRecord, GpuState, GpuStateSample, HelperProcessName, WorkerScheduling } from '../../../documents/types/environment.ts';
import type { ValidityCheck } from '../../../documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord } from '../../../documents/types/run-record.ts';
import type { Role } from '../../../documents/types/scenario.ts';
import { makeCheck } from '../check-context.ts';

export interface RecordedTrial {
  trial: ArmTrialRecord;
  environment: EnvironmentRecord;
}

/** Arm-trials that started measuring (not skipped, with a window). */
export const ranTrials = (record: RunRecord): ArmTrialRecord[] => record.trials.filter((t) => t.skipped === null && t.startNs !== null);

export function recordedTrials(record: RunRecord): { recorded: RecordedTrial[]; missing: ArmTrialRecord[] } {
  const recorded: RecordedTrial[] = [];
  const missing: ArmTrialRecord[] = [];
  for (const trial of ranTrials(record)) {
    if (trial.environment === undefined) missing.push(trial);
    else recorded.push({ trial, environment: trial.environment });
  }
  return { recorded, missing };
}

/**
 * The trial's thread scheduling, each entry named: a worker by its role (the pid of its
 * fingerprint), then a helper process by its name (the xserver: recorded in runs after those of
 * docs/gpu-results.md section 23); empty for records without it.
 */
export function workerSchedulingByRole(trial: ArmTrialRecord): Array<{ role: Role | HelperProcessName } & WorkerScheduling> {
  const windows = trial.environment?.workerScheduling ?? [];
  const workers = trial.workers.flatMap((w) => {
    const window = w.ok ? windows.find((s) => s.pid === w.result.fingerprint.pid && s.process === undefined) : undefined;
    return window === undefined ? [] : [{ role: w.role, ...window }];
  });
  const helpers = windows.flatMap((s) => (s.process === undefined ? [] : [{ role: s.process, ...s }]));
  return [...workers, ...helpers];
}

/** One skip for a run (or the arm-trials of one) saved without an environment record. */
export function notRecorded(id: string, title: string, missing: ArmTrialRecord[], total: number): ValidityCheck[] {
  if (missing.length === 0) return [];
  const which = missing.length === total ? 'this run' : `${missing.length} of ${total} arm-trials (${missing.map((t) => `${t.arm} ${t.trial}`).join(', ')})`;
  return [
    makeCheck({
      id,
      title,
      status: 'skip',
      measured: { armTrialsWithoutRecord: missing.length },
      message: `Not recorded: ${which} has no environment record (saved before environment monitoring, docs/environment.md), so this is unverified.`,
      recommendation: 'Run it again with this suite version to have the environment sampled.',
    }),
  ];
}

/** The GPU UUID the trial's workers reported (NVIDIA UUIDs match nvidia-smi's gpu_uuid), or null. */
export function workerGpuUuid(trial: ArmTrialRecord): string | null {
  for (const outcome of trial.workers) if (outcome.ok) return outcome.result.fingerprint.gpu.uuid;
  return null;
}

/** True when a reading names another GPU than the workers' (only decidable with NVIDIA UUIDs). */
export function onOtherGpu(gpuId: string | null, workerUuid: string | null): boolean {
  return gpuId !== null && workerUuid !== null && gpuId.startsWith('GPU-') && gpuId !== workerUuid;
}

/**
 * The reading of the workers' GPU in one sample: by UUID (NVIDIA), else the only GPU not
 * named as another, else the scenario's index (AMD); null when none is it. The gpu-state
 * check judges these readings, and the report's environment table shows them.
 */
export function workersGpuState(sample: GpuStateSample, trial: ArmTrialRecord, gpuIndex: number): GpuState | null {
  const gpus = sample.gpus ?? [];
  const uuid = workerGpuUuid(trial);
  const byUuid = gpus.find((g) => g.gpuId === uuid);
  if (byUuid !== undefined) return byUuid;
  const candidates = gpus.filter((g) => !onOtherGpu(g.gpuId, uuid));
  return candidates.length === 1 ? candidates[0]! : (candidates.find((g) => g.gpuId === String(gpuIndex)) ?? null);
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
