// A trade-off sweep's saved documents (docs/sweeps.md): sweep.json, what was asked for
// (perf/lib/store/results/sweep-directory.ts), and sweep-evaluation.json, its points judged by
// hp P99 and lp loss against the baseline arm (perf/lib/suite/sweep/write-sweep-outputs.ts).

import * as v from 'valibot';
import { countSchema, HpConfigSchema, RoleConfigSchema, SharingModeSchema } from './scenario.ts';
import { VerdictSchema } from './evaluation.ts';

export const SWEEP_PLAN_SCHEMA = 'xsched-perf.sweep-plan';
export const SWEEP_PLAN_SCHEMA_VERSION = 1;
export const SWEEP_EVALUATION_SCHEMA = 'xsched-perf.sweep-evaluation';
export const SWEEP_EVALUATION_SCHEMA_VERSION = 1;

/** The knob a sweep turns. The xsched-* knobs are the system under test; the others are references. */
export const SweepMechanismSchema = v.picklist(['xsched-lp-threshold', 'xsched-lp-batch', 'xsched-level', 'xsched-policy', 'mps-lp-percent', 'cu-mask', 'stream-priority']);

/** The mechanisms that are XSched settings (perf/lib/plan/sweeps/xsched-grid.ts reads them). */
export const XSCHED_SWEEP_MECHANISMS = ['xsched-lp-threshold', 'xsched-lp-batch', 'xsched-level', 'xsched-policy'] as const;

/** An estimate with its two-sided interval (same units as the estimate). */
export const EstimateSchema = v.object({ estimate: v.number(), low: v.number(), high: v.number() });

/**
 * proven: the arm's XSched state was shown as its name says (xsched active, or absent for a
 * reference); unproven: a check failed, the point never counts (perf/lib/evaluate/unproven-arms.ts).
 */
export const PointProofSchema = v.variant('status', [
  v.object({ status: v.literal('proven') }),
  v.object({ status: v.literal('unproven'), reason: v.string() }),
]);

export const SweepPointSchema = v.object({
  /** Unique within a sweep, e.g. "xsched lp-threshold=4". */
  id: v.string(),
  mechanism: SweepMechanismSchema,
  /** The setting as the user wrote it: "4", "70", "0x0000ffff". */
  setting: v.string(),
  /** null: the point has no data for it (worker failed, no trial). */
  hpP99Ms: v.nullable(EstimateSchema),
  /** 1 - lp(point) / lp(baseline), paired by trial. */
  lpLoss: v.nullable(EstimateSchema),
  proof: PointProofSchema,
  trials: countSchema(0),
});

/** One unit a sweep trial runs (perf/lib/plan/sweeps/expand.ts). */
export const SweepUnitSchema = v.object({
  id: v.string(),
  /** null for the fixed arms (hp-alone, baseline). */
  mechanism: v.nullable(SweepMechanismSchema),
  setting: v.string(),
  arm: v.string(),
  /** Suite settings (PERF_*) replaced for this unit only. */
  suiteEnv: v.record(v.string(), v.string()),
});

/** What must be equal for a saved sweep to be resumed rather than started afresh. */
export const SweepKeySchema = v.object({
  scenario: v.string(),
  durationMs: v.pipe(v.number(), v.minValue(1)),
  trials: countSchema(1),
  seed: countSchema(0),
  sharing: SharingModeSchema,
  hp: HpConfigSchema,
  lp: RoleConfigSchema,
  adaptive: v.boolean(),
  units: v.array(SweepUnitSchema),
});

export const SweepPlanFileSchema = v.object({
  schema: v.literal(SWEEP_PLAN_SCHEMA),
  schemaVersion: v.literal(SWEEP_PLAN_SCHEMA_VERSION),
  createdAt: v.string(),
  key: SweepKeySchema,
});

/** Frontier points are judged: proven, with both intervals (perf/lib/evaluate/sweeps/frontier.ts). */
const JudgedPointSchema = v.object({
  ...SweepPointSchema.entries,
  hpP99Ms: EstimateSchema,
  lpLoss: EstimateSchema,
  proof: v.object({ status: v.literal('proven') }),
});

export const SweepEvaluationFileSchema = v.object({
  schema: v.literal(SWEEP_EVALUATION_SCHEMA),
  schemaVersion: v.literal(SWEEP_EVALUATION_SCHEMA_VERSION),
  title: v.string(),
  notes: v.array(v.string()),
  points: v.array(SweepPointSchema),
  frontier: v.object({
    kept: v.array(JudgedPointSchema),
    dominated: v.array(v.object({ point: JudgedPointSchema, by: v.string() })),
    excluded: v.array(v.object({ point: SweepPointSchema, reason: v.string() })),
    line: v.array(JudgedPointSchema),
  }),
  /** One verdict per budget. */
  verdicts: v.array(VerdictSchema),
  decision: v.object({ status: v.picklist(['pass', 'fail', 'inconclusive', 'untested']), reason: v.string() }),
  /** hp alone's P99, the floor every point is drawn against; null without data. */
  hpAloneP99Ms: v.nullable(EstimateSchema),
  notRun: v.array(v.object({ id: v.string(), reason: v.string() })),
  /** With PERF_SWEEP_COMPARE_TO: one verdict per budget, XSched's best hp P99 now against the previous sweep's. */
  regression: v.optional(v.object({ comparedTo: v.string(), tolerance: v.number(), verdicts: v.array(VerdictSchema) })),
});
