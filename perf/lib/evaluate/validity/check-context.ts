// What every validity check reads: the raw record, its statistics and the thresholds in force.

import type { RunStatistics } from '../stats/run-statistics.ts';
import type { CheckStatus, ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome } from '../../documents/types/run-record.ts';
import type { ArmName, Role, Thresholds } from '../../documents/types/scenario.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';

export interface CheckContext {
  record: RunRecord;
  stats: RunStatistics;
  thresholds: Thresholds;
}

export type ValidityCheckFn = (context: CheckContext) => ValidityCheck[];

/** What one check decided about one arm-trial; the caller adds id, title, arm and trial. */
export type CheckVerdict = Pick<ValidityCheck, 'status' | 'measured' | 'message' | 'recommendation'>;

/** A reference arm whose mechanism was not shown in force: a warning, never a failure (reference-checks.ts). */
export function unprovenVerdict(measured: CheckVerdict['measured'], message: string, recommendation: string): CheckVerdict {
  return { status: 'warn', measured, message: `${message}: the arm is unproven`, recommendation };
}

export function makeCheck(fields: {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  arm?: ArmName | null;
  trial?: number | null;
  measured?: ValidityCheck['measured'];
  recommendation?: string | null;
}): ValidityCheck {
  return {
    id: fields.id,
    title: fields.title,
    status: fields.status,
    arm: fields.arm ?? null,
    trial: fields.trial ?? null,
    measured: fields.measured ?? {},
    message: fields.message,
    recommendation: fields.recommendation ?? null,
  };
}

/** Which workers an arm runs. */
export function rolesOfArm(arm: ArmName): readonly Role[] {
  return armSpec(arm).roles;
}

/** Arms where hp and lp run at once, so lp must overlap hp. */
export { CONCURRENT_ARMS } from '../../plan/scenarios/arms.ts';

export const describeTrial = (arm: ArmName, trial: number): string => `arm ${arm} trial ${trial}`;

export type FinishedWorker = Extract<WorkerOutcome, { ok: true }>;

/** Every worker that returned a result, with its arm-trial, in record order; skipped arm-trials are left out. */
export function* finishedWorkers(record: RunRecord): Generator<{ trial: ArmTrialRecord; outcome: FinishedWorker }> {
  for (const trial of record.trials) {
    if (trial.skipped !== null) continue;
    for (const outcome of trial.workers) {
      if (outcome.ok) yield { trial, outcome };
    }
  }
}
