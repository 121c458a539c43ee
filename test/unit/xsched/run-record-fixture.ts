// Hand-built run records for the XSched and sharing check tests, on the shared builders
// (test/fixtures/run-record): every field a check reads is set by the test that cares.

import type { WorkerFingerprint } from '../../../perf/lib/documents/types/fingerprint.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome, XschedEvidence } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName, Role, SharingMode } from '../../../perf/lib/documents/types/scenario.ts';
import { failedOutcome, makeFingerprint, makeRunRecord, makeScenario, makeWorkerResult, makeXschedEvidence, okOutcome, shimLibraries } from '../../fixtures/run-record/index.ts';

export const PIDS: Record<Role, number> = { hp: 4242, lp: 4343 };

export function fingerprint(role: Role, overrides: Partial<WorkerFingerprint> = {}): WorkerFingerprint {
  return makeFingerprint(role, { pid: PIDS[role], ...overrides });
}

export function okWorker(role: Role, print: WorkerFingerprint = fingerprint(role)): WorkerOutcome {
  const scenario = makeScenario({ durationMs: 1000 });
  return okOutcome({ ...makeWorkerResult({ scenario, role }), fingerprint: print });
}

export function failedWorker(role: Role): WorkerOutcome {
  return failedOutcome(role, { message: 'exit 7', lastLogLines: [] });
}

/** Evidence as a fully working xsched arm leaves it. */
export function goodEvidence(): XschedEvidence {
  return makeXschedEvidence({ ...PIDS });
}

export function shimmed(role: Role): WorkerOutcome {
  return okWorker(role, fingerprint(role, { xschedLibraries: shimLibraries('cuda') }));
}

/** An arm-trial with exactly the fields given: no evidence unless the test sets it. */
export function trial(arm: ArmName, fields: Partial<ArmTrialRecord> = {}): ArmTrialRecord {
  return { arm, trial: 0, startedAt: '2025-01-01T00:00:00Z', startNs: '0', endNs: '1', workers: [], skipped: null, xsched: null, sharing: null, ...fields };
}

export function record(trials: ArmTrialRecord[], sharing: SharingMode = 'time-sliced'): RunRecord {
  const scenario = makeScenario({ name: 'intensive', hp: { rateHz: 20 }, lp: { batch: 1024 }, durationMs: 1000, sharing, arms: ['baseline', 'xsched'] });
  return makeRunRecord(scenario, trials, { runId: 'r1' });
}
