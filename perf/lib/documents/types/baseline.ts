// A stored baseline: one file per hardware key and scenario under baselines/.
// Defined once as a schema (../schemas/baseline.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/baseline.ts';

export { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION } from '../schemas/baseline.ts';

export type BaselineKey = v.InferOutput<typeof s.BaselineKeySchema>;
export type BaselineArm = v.InferOutput<typeof s.BaselineArmSchema>;
export type BaselineWorkload = v.InferOutput<typeof s.BaselineWorkloadSchema>;
export type BaselineXschedSettings = v.InferOutput<typeof s.BaselineXschedSettingsSchema>;
export type BetweenRunLogSd = v.InferOutput<typeof s.BetweenRunLogSdSchema>;
export type BaselineFile = v.InferOutput<typeof s.BaselineFileSchema>;
export type BaselineRun = v.InferOutput<typeof s.BaselineRunSchema>;
