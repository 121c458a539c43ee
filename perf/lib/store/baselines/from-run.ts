// A baseline is the per-trial numbers of an evaluated run, so later comparisons
// can weigh a new run against the stored trial-to-trial noise.

import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineArm, type BaselineFile } from '../../documents/types/baseline.ts';
import type { ArmStats, ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { armTrialSeries } from '../arm-trial-series.ts';
import { baselineKeyFromRun, findFirstFingerprint } from './key.ts';
import { xschedSettingsOfRun } from './xsched-settings.ts';
import { workloadOfRun } from './workload.ts';

function armFromStats(stats: ArmStats): BaselineArm | null {
  const series = armTrialSeries(stats);
  if (series.hpP99Ms.length === 0 && series.lpIterPerSec.length === 0) return null;
  return { ...series, hpHistogram: stats.merged.hp?.histogram ?? null };
}

export interface BaselineFromRunOptions {
  /** The baseline being replaced: its hand-set thresholds are kept. */
  existing?: BaselineFile | null;
  now?: Date;
}

/** The baseline `record` and its `evaluation` make. Does not look at the evaluation's status. */
export function baselineFromRun(record: RunRecord, evaluation: ScenarioEvaluation, options: BaselineFromRunOptions = {}): BaselineFile {
  if (evaluation.runId !== record.runId || evaluation.scenario !== record.scenario.name) {
    throw new Error(
      `evaluation of run ${evaluation.runId} (${evaluation.scenario}) does not belong to run ${record.runId} (${record.scenario.name})`,
    );
  }
  const key = baselineKeyFromRun(record);
  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  for (const stats of evaluation.arms) {
    const arm = armFromStats(stats);
    if (arm) arms[stats.arm] = arm;
  }
  const xschedSettings = arms.xsched ? xschedSettingsOfRun(record) : null;
  const fingerprint = findFirstFingerprint(record);
  return {
    schema: BASELINE_SCHEMA,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    key,
    createdAt: (options.now ?? new Date()).toISOString(),
    runId: record.runId,
    workerVersion: fingerprint?.workerVersion ?? 'unknown',
    ...(record.source?.git.available ? { commit: record.source.git.commit } : {}),
    ...(fingerprint?.gpu.uuid ? { machine: fingerprint.gpu.uuid } : {}),
    workload: workloadOfRun(record),
    ...(xschedSettings ? { xschedSettings } : {}),
    thresholds: { ...(options.existing?.thresholds ?? {}) },
    arms,
    ...(options.existing?.betweenRunLogSd ? { betweenRunLogSd: options.existing.betweenRunLogSd } : {}),
  };
}
