// What the suite saw around one arm-trial besides its own workers: other GPU processes,
// the GPU's clocks and health, and the host's CPU (docs/environment.md).
// Defined once as a schema (../schemas/environment.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/environment.ts';

export { ENVIRONMENT_RECORD_VERSION } from '../schemas/environment.ts';

export type SamplePhase = v.InferOutput<typeof s.SamplePhaseSchema>;
export type GpuProcess = v.InferOutput<typeof s.GpuProcessSchema>;
export type GpuProcessSample = v.InferOutput<typeof s.GpuProcessSampleSchema>;
export type GpuState = v.InferOutput<typeof s.GpuStateSchema>;
export type GpuStateSample = v.InferOutput<typeof s.GpuStateSampleSchema>;
export type HostCpuWindow = v.InferOutput<typeof s.HostCpuWindowSchema>;
export type WorkerScheduling = v.InferOutput<typeof s.WorkerSchedulingSchema>;
export type HelperProcessName = v.InferOutput<typeof s.HelperProcessNameSchema>;
/** A process an arm runs beside its workers (ArmSession.helperProcesses), sampled with them. */
export interface HelperProcess {
  name: HelperProcessName;
  pid: number;
}
export type EnvironmentRecord = v.InferOutput<typeof s.EnvironmentRecordSchema>;
