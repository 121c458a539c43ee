// A stored baseline: one file per hardware key and scenario under baselines/.

import type { ArmName, HpConfig, LpConfig, SharingMode, Thresholds, WorkloadName } from './scenario.ts';
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

/**
 * What the baseline was measured with. Not part of the key (one file per hardware), so a
 * run of another workload finds the file and must be told it is not comparable.
 */
export interface BaselineWorkload {
  hp: Pick<HpConfig, 'model' | 'batch' | 'imageSize' | 'rateHz' | 'arrival'>;
  lp: Pick<LpConfig, 'model' | 'batch' | 'imageSize'>;
  durationMs: number;
  /** The worker that measured it; absent in files written before workloads could be chosen (native). */
  kind?: WorkloadName;
}

/** XSched's settings in the xsched arm (policy, and per role what XSCHED_AUTO_XQUEUE_* said). */
export interface BaselineXschedSettings {
  policy: string;
  level: number;
  hp: { priority: number; threshold: number; batchSize: number };
  lp: { priority: number; threshold: number; batchSize: number };
}

/** Log-SD of a run's level between runs (days, machines), per metric (docs/statistics.md 3.4). */
export interface BetweenRunLogSd {
  hpP99: number;
  lpIterPerSec: number;
}

export interface BaselineFile {
  schema: typeof BASELINE_SCHEMA;
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  key: BaselineKey;
  createdAt: string;
  runId: string;
  workerVersion: string;
  /** The suite commit of the run it was made from (its RunSource); absent when not recorded. */
  commit?: string;
  /** Absent in files written before the workload was recorded. */
  workload?: BaselineWorkload;
  /** Present when the run had an xsched arm; absent in older files. */
  xschedSettings?: BaselineXschedSettings;
  /** Overrides the scenario's thresholds for this hardware. */
  thresholds: Partial<Thresholds>;
  arms: Partial<Record<ArmName, BaselineArm>>;
  /** Between-run noise measured for this hardware; absent: the suite's recorded defaults. */
  betweenRunLogSd?: Partial<Record<ArmName, Partial<BetweenRunLogSd>>>;
}
