// A stored baseline: one file per hardware key and scenario under baselines/.

import type { ArmName, SharingMode, Thresholds } from './scenario.ts';
import type { WorkerPlatform } from './fingerprint.ts';

export const BASELINE_SCHEMA = 'xsched-perf.baseline';
export const BASELINE_SCHEMA_VERSION = 1;

export interface BaselineKey {
  scenario: string;
  platform: WorkerPlatform;
  gpuName: string;
  arch: string;
  sharing: SharingMode;
}

export interface BaselineArm {
  /** Per-trial values, so comparisons can use the stored noise, not one number. */
  hpP99Ms: number[];
  hpP50Ms: number[];
  hpAchievedRateHz: number[];
  lpIterPerSec: number[];
  /** Merged hp latency histogram (hdr-histogram-js base64, microseconds), for plots. */
  hpHistogram: string | null;
}

export interface BaselineFile {
  schema: typeof BASELINE_SCHEMA;
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  key: BaselineKey;
  createdAt: string;
  runId: string;
  workerVersion: string;
  /** Overrides the scenario's thresholds for this hardware. */
  thresholds: Partial<Thresholds>;
  arms: Partial<Record<ArmName, BaselineArm>>;
}
