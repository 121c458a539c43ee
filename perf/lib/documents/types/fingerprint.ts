// What a worker says about itself on its READY line (docs/protocol.md).
// Defined once as a schema (../schemas/fingerprint.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/fingerprint.ts';

export type WorkerPlatform = v.InferOutput<typeof s.WorkerPlatformSchema>;
export type FingerprintPlatform = v.InferOutput<typeof s.FingerprintPlatformSchema>;
export type FrameworkFingerprint = v.InferOutput<typeof s.FrameworkFingerprintSchema>;
export type GpuFingerprint = v.InferOutput<typeof s.GpuFingerprintSchema>;
export type CuMaskObservation = v.InferOutput<typeof s.CuMaskObservationSchema>;
export type MpsObservation = v.InferOutput<typeof s.MpsObservationSchema>;
export type WorkerFingerprint = v.InferOutput<typeof s.WorkerFingerprintSchema>;
