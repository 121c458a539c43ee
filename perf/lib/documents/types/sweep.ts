// A trade-off sweep (docs/sweeps.md): settings per mechanism run as points, each point judged
// by its hp P99 and its lp loss against the baseline arm, both with intervals.
// Defined once as a schema (../schemas/sweep.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/sweep.ts';

export type SweepMechanism = v.InferOutput<typeof s.SweepMechanismSchema>;
export type Estimate = v.InferOutput<typeof s.EstimateSchema>;
export type PointProof = v.InferOutput<typeof s.PointProofSchema>;
export type SweepPoint = v.InferOutput<typeof s.SweepPointSchema>;
export type SweepPlanFile = v.InferOutput<typeof s.SweepPlanFileSchema>;
export type SweepEvaluationFile = v.InferOutput<typeof s.SweepEvaluationFileSchema>;
