// A scenario: what one dual-model experiment asks of the GPU, fully resolved
// (catalogue entry + environment/config overrides, already validated).
// Defined once as a schema (../schemas/scenario.ts); these types derive from it.

import type * as v from 'valibot';
import * as s from '../schemas/scenario.ts';

export type ModelName = v.InferOutput<typeof s.ModelNameSchema>;
export type Role = v.InferOutput<typeof s.RoleSchema>;
export type MpsReferenceArm = v.InferOutput<typeof s.MpsReferenceArmSchema>;
export type ArmName = v.InferOutput<typeof s.ArmNameSchema>;
export type SharingMode = v.InferOutput<typeof s.SharingModeSchema>;
export type ArrivalProcess = v.InferOutput<typeof s.ArrivalProcessSchema>;
export type StreamPriority = v.InferOutput<typeof s.StreamPrioritySchema>;
export type WorkloadName = v.InferOutput<typeof s.WorkloadNameSchema>;
export const WORKLOAD_NAMES: readonly WorkloadName[] = s.WorkloadNameSchema.options;
export type RoleConfig = v.InferOutput<typeof s.RoleConfigSchema>;
export type HpConfig = v.InferOutput<typeof s.HpConfigSchema>;
export type LpConfig = RoleConfig;
export type Thresholds = v.InferOutput<typeof s.ThresholdsSchema>;
export type Scenario = v.InferOutput<typeof s.ScenarioSchema>;
export type ScenarioOverride = v.InferOutput<typeof s.ScenarioOverrideSchema>;
