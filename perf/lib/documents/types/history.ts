// One run as the history store keeps it (perf/lib/store/history, docs/history.md): its key,
// status and source, and per arm the few numbers trends and history baselines need.

import type { BaselineKey } from './baseline.ts';
import type { OverallStatus } from './evaluation.ts';
import type { ArmName } from './scenario.ts';

/** hp P99 and lp iter/s per arm; improvement and lp loss are the xsched arm's verdicts. */
export const HISTORY_METRICS = ['hpP99Ms', 'hpP50Ms', 'hpAchievedRateHz', 'lpIterPerSec', 'hpP99ImprovementFraction', 'lpLossFraction'] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

/** Where the entry came from: a finished run, a saved run.json, or a stored baseline file. */
export type HistoryOrigin = 'run' | 'run.json' | 'baseline-file';

/** `aborted`: the suite was interrupted. `valid`: imported from a baseline file, which only valid runs become; its verdicts were not kept. Only `accepted` runs feed baselines from history. */
export type HistoryStatus = OverallStatus | 'aborted' | 'valid';

export interface HistoryRun {
  runId: string;
  createdAt: string;
  key: BaselineKey;
  status: HistoryStatus;
  /** Valid and complete (status pass, fail or inconclusive); never true for invalid or aborted. */
  accepted: boolean;
  origin: HistoryOrigin;
  /** null fields when unknown; `gitNote` then says why (e.g. "not a git checkout"). */
  commit: string | null;
  branch: string | null;
  dirty: boolean | null;
  commitTime: string | null;
  gitNote: string | null;
  xschedVersion: string | null;
  workerVersion: string | null;
  driverVersion: string | null;
  runtimeVersion: string | null;
  suiteVersion: string | null;
  hostname: string | null;
}

export interface HistoryPoint {
  arm: ArmName;
  metric: HistoryMetric;
  value: number;
  /** The run's interval for this value; null when the run has none (one trial, a baseline file). */
  low: number | null;
  high: number | null;
  intervalMethod: string | null;
  /** Per-trial values, so a baseline from history sees within- and between-run noise. */
  trials: number[];
  /** The threshold the verdict used (e.g. hpP99ImprovementMinFraction), when there is one. */
  thresholdName: string | null;
  threshold: number | null;
}

export interface HistoryEntry {
  run: HistoryRun;
  points: HistoryPoint[];
}
