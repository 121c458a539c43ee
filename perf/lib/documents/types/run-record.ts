// The raw record of one scenario run: everything measured, nothing derived.
// Defined once as a schema (../schemas/run-record.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/run-record.ts';

export { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION } from '../schemas/run-record.ts';

export type WorkerFailureKind = v.InferOutput<typeof s.WorkerFailureKindSchema>;
export type WorkerFailure = v.InferOutput<typeof s.WorkerFailureSchema>;
export type WorkerOutcome = v.InferOutput<typeof s.WorkerOutcomeSchema>;
export type XschedEvidence = v.InferOutput<typeof s.XschedEvidenceSchema>;
export type ApiBindingEvidence = v.InferOutput<typeof s.ApiBindingEvidenceSchema>;
export type SharingEvidence = v.InferOutput<typeof s.SharingEvidenceSchema>;
export type ReferenceEvidence = v.InferOutput<typeof s.ReferenceEvidenceSchema>;
export type ArmTrialRecord = v.InferOutput<typeof s.ArmTrialRecordSchema>;
export type RunStatus = v.InferOutput<typeof s.RunStatusSchema>;
export type ChildEnvRecord = v.InferOutput<typeof s.ChildEnvRecordSchema>;
export type RunRecord = v.InferOutput<typeof s.RunRecordSchema>;

/** The status of a record: absent (older files) means complete. */
export function runStatusOf(record: Pick<RunRecord, 'status'>): RunStatus {
  return record.status ?? { state: 'complete' };
}

/** How the xsched evidence's error begins when the xserver died mid-arm (perf/lib/run/xsched/arm.ts); the workers-ok check then names it as the cause. */
export const XSERVER_DIED_PREFIX = 'the xserver (pid ';
