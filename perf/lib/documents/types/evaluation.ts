// What the suite derives from a RunRecord: statistics, validity, verdicts.
// Defined once as a schema (../schemas/evaluation.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/evaluation.ts';

export type LatencySummaryMs = v.InferOutput<typeof s.LatencySummaryMsSchema>;
export type HpStats = v.InferOutput<typeof s.HpStatsSchema>;
export type LpStats = v.InferOutput<typeof s.LpStatsSchema>;
export type TrialStats = v.InferOutput<typeof s.TrialStatsSchema>;
export type ArmStats = v.InferOutput<typeof s.ArmStatsSchema>;
export type CheckStatus = v.InferOutput<typeof s.CheckStatusSchema>;
export type ValidityCheck = v.InferOutput<typeof s.ValidityCheckSchema>;
export type VerdictStatus = v.InferOutput<typeof s.VerdictStatusSchema>;
export type ConfidenceInterval = v.InferOutput<typeof s.ConfidenceIntervalSchema>;
export type Verdict = v.InferOutput<typeof s.VerdictSchema>;
export type OverallStatus = v.InferOutput<typeof s.OverallStatusSchema>;
export type VerdictKind = v.InferOutput<typeof s.VerdictKindSchema>;
export type VerdictKindOutcome = v.InferOutput<typeof s.VerdictKindOutcomeSchema>;
export type ScenarioEvaluation = v.InferOutput<typeof s.ScenarioEvaluationSchema>;
