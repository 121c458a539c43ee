// What the suite derives from a RunRecord (evaluation.json): statistics, validity, verdicts.
// evaluate(record, storedBaseline) -> ScenarioEvaluation is a pure function, so replaying a
// saved run gives the same answer.

import * as v from 'valibot';
import { ArmNameSchema } from './scenario.ts';

export const EVALUATION_SCHEMA = 'xsched-perf.evaluation';
// 2: status "untested", statusReason, requiredVerdicts, verdictOutcomes. A version 1 file is
// refused with the command that re-creates it: its "pass" may hide verdicts never judged.
export const EVALUATION_SCHEMA_VERSION = 2;

// A percentile over hp requests that never completed is +Infinity (evaluate/stats/percentile.ts),
// which JSON writes as null; reading it back restores Infinity.
const rankedMs = v.pipe(
  v.nullable(v.number()),
  v.transform((value) => value ?? Number.POSITIVE_INFINITY),
);

export const LatencySummaryMsSchema = v.object({
  count: v.number(),
  mean: v.number(),
  p50: rankedMs,
  p90: rankedMs,
  p99: rankedMs,
  p999: rankedMs,
  max: rankedMs,
});

export const HpStatsSchema = v.object({
  targetRateHz: v.number(),
  /** Requests scheduled inside the measurement window. */
  scheduled: v.number(),
  /** Requests that finished (latency known). */
  completed: v.number(),
  /** Completed requests per second of measurement window. */
  achievedRateHz: v.number(),
  /** Latency from the scheduled time to the finish (queueing included). */
  latencyMs: LatencySummaryMsSchema,
  /** Service time: started to finished. */
  serviceMs: LatencySummaryMsSchema,
  /** hdr-histogram-js base64-compressed histogram of latency in microseconds. */
  histogram: v.string(),
});

export const LpStatsSchema = v.object({
  batch: v.number(),
  /** Iterations completed inside the window (partial iterations pro-rated). */
  iterations: v.number(),
  iterPerSec: v.number(),
  imagesPerSec: v.number(),
  iterationMs: LatencySummaryMsSchema,
});

export const TrialStatsSchema = v.object({
  arm: ArmNameSchema,
  trial: v.number(),
  windowMs: v.number(),
  hp: v.nullable(HpStatsSchema),
  lp: v.nullable(LpStatsSchema),
});

export const ArmStatsSchema = v.object({
  arm: ArmNameSchema,
  trials: v.array(TrialStatsSchema),
  /** All trials' hp samples merged into one histogram; lp throughput is the mean of trials. */
  merged: v.object({ hp: v.nullable(HpStatsSchema), lp: v.nullable(LpStatsSchema) }),
});

export const CheckStatusSchema = v.picklist(['pass', 'fail', 'warn', 'skip']);

export const ValidityCheckSchema = v.object({
  id: v.string(),
  title: v.string(),
  status: CheckStatusSchema,
  arm: v.nullable(ArmNameSchema),
  trial: v.nullable(v.number()),
  /** The numbers the check looked at. */
  measured: v.record(v.string(), v.nullable(v.union([v.number(), v.string(), v.boolean()]))),
  message: v.string(),
  /** What to do about a fail/warn, e.g. "run at least 420 more requests". */
  recommendation: v.nullable(v.string()),
});

export const VerdictStatusSchema = v.picklist(['pass', 'fail', 'inconclusive', 'skip']);

export const ConfidenceIntervalSchema = v.object({ level: v.number(), low: v.number(), high: v.number(), method: v.string() });

export const VerdictSchema = v.object({
  id: v.string(),
  /** The rule in words, e.g. "xsched hp P99 <= 0.8 x baseline hp P99". */
  rule: v.string(),
  status: VerdictStatusSchema,
  measured: v.record(v.string(), v.nullable(v.number())),
  threshold: v.record(v.string(), v.number()),
  interval: v.nullable(ConfidenceIntervalSchema),
  message: v.string(),
  recommendation: v.nullable(v.string()),
});

/**
 * The scenario's outcome: invalid beats fail beats untested beats inconclusive beats pass.
 * pass only when every required verdict was judged and passed (perf/lib/evaluate/overall-status.ts).
 */
export const OverallStatusSchema = v.picklist(['pass', 'fail', 'invalid', 'untested', 'inconclusive']);

/** The kinds of verdict a scenario can require; "regression" covers every regression.* verdict. */
export const VerdictKindSchema = v.picklist(['hp-achieved-rate', 'hp-p99-improvement', 'lp-throughput-loss', 'regression', 'xsched-vs-reference']);

/** One verdict kind's result: untested when it could not be judged (arm skipped, no comparable baseline, no data). */
export const VerdictKindOutcomeSchema = v.object({
  kind: VerdictKindSchema,
  /** Declared required by the scenario (perf/lib/plan/scenarios/catalogue.ts). */
  required: v.boolean(),
  status: v.picklist(['pass', 'fail', 'untested', 'inconclusive']),
  /** One line: why this status. */
  reason: v.string(),
});

export const ScenarioEvaluationSchema = v.object({
  schema: v.literal(EVALUATION_SCHEMA),
  /** 2: status gained "untested", with statusReason, requiredVerdicts and verdictOutcomes. */
  schemaVersion: v.literal(EVALUATION_SCHEMA_VERSION),
  runId: v.string(),
  scenario: v.string(),
  arms: v.array(ArmStatsSchema),
  checks: v.array(ValidityCheckSchema),
  verdicts: v.array(VerdictSchema),
  status: OverallStatusSchema,
  /** One line saying why the status is what it is. */
  statusReason: v.string(),
  requiredVerdicts: v.array(VerdictKindSchema),
  verdictOutcomes: v.array(VerdictKindOutcomeSchema),
  /** One line per reason the status is not pass. */
  reasons: v.array(v.string()),
});
