// The outcome of a worker that finished, for checks that read its result (the reference checks).

import type { ArmTrialRecord, WorkerOutcome } from '../../documents/types/run-record.ts';
import type { Role } from '../../documents/types/scenario.ts';

export type FinishedWorker = Extract<WorkerOutcome, { ok: true }>;

export const finishedWorker = (trial: ArmTrialRecord, role: Role): FinishedWorker | undefined =>
  trial.workers.find((w): w is FinishedWorker => w.ok && w.role === role);
