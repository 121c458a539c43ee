// Statistics of a whole RunRecord: the shared ArmStats for reports, and the per-trial
// samples the validity checks and verdicts need for their intervals.

import type { ArmStats, TrialStats } from '../../documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName, Role } from '../../documents/types/scenario.ts';
import type { WorkerResult } from '../../documents/types/worker-result.ts';
import { type HpTrialSamples, extractHpSamples } from './hp-samples.ts';
import { type LpTrialSamples, extractLpSamples } from './lp-samples.ts';
import { resolveMeasurementWindow } from './measurement-window.ts';
import { mergeHpTrials, mergeLpTrials, summarizeHpTrial, summarizeLpTrial } from './trial-stats.ts';

export interface ArmSamples {
  arm: ArmName;
  /** Trials the record marks as skipped, with their reasons (no samples from them). */
  skipped: Array<{ trial: number; reason: string }>;
  hp: HpTrialSamples[];
  lp: LpTrialSamples[];
}

export interface RunStatistics {
  arms: ArmStats[];
  samples: Map<ArmName, ArmSamples>;
}

/** The result of the ok worker of `role` in this trial, or null (failed, absent). */
export function findWorkerResult(trial: ArmTrialRecord, role: Role): WorkerResult | null {
  for (const outcome of trial.workers) if (outcome.ok && outcome.role === role) return outcome.result;
  return null;
}

function armOrder(record: RunRecord): ArmName[] {
  const arms: ArmName[] = [...record.scenario.arms];
  for (const trial of record.trials) if (!arms.includes(trial.arm)) arms.push(trial.arm);
  return arms;
}

export function computeRunStatistics(record: RunRecord): RunStatistics {
  const targetRateHz = record.scenario.hp.rateHz;
  const samples = new Map<ArmName, ArmSamples>();
  const arms: ArmStats[] = [];
  for (const arm of armOrder(record)) {
    const armSamples: ArmSamples = { arm, skipped: [], hp: [], lp: [] };
    const trials: TrialStats[] = [];
    const armTrials = record.trials.filter((t) => t.arm === arm).sort((a, b) => a.trial - b.trial);
    for (const trial of armTrials) {
      if (trial.skipped !== null) {
        armSamples.skipped.push({ trial: trial.trial, reason: trial.skipped });
        continue;
      }
      const window = resolveMeasurementWindow(trial);
      if (window === null) continue;
      const hpResult = findWorkerResult(trial, 'hp');
      const lpResult = findWorkerResult(trial, 'lp');
      const hp = hpResult === null ? null : extractHpSamples(hpResult, window, trial.trial);
      const lp = lpResult === null ? null : extractLpSamples(lpResult, window, trial.trial);
      if (hp !== null) armSamples.hp.push(hp);
      if (lp !== null) armSamples.lp.push(lp);
      trials.push({
        arm,
        trial: trial.trial,
        windowMs: window.durationNs / 1e6,
        hp: hp === null ? null : summarizeHpTrial(hp, targetRateHz),
        lp: lp === null ? null : summarizeLpTrial(lp),
      });
    }
    samples.set(arm, armSamples);
    arms.push({ arm, trials, merged: { hp: mergeHpTrials(armSamples.hp, targetRateHz), lp: mergeLpTrials(armSamples.lp) } });
  }
  return { arms, samples };
}
