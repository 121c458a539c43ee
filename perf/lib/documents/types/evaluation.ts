// What the suite derives from a RunRecord: statistics, validity, verdicts.
// evaluate(record, storedBaseline) -> ScenarioEvaluation is a pure function,
// so replaying a saved run gives the same answer.

import type { ArmName } from './scenario.ts';

export interface LatencySummaryMs {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export interface HpStats {
  targetRateHz: number;
  /** Requests scheduled inside the measurement window. */
  scheduled: number;
  /** Requests that finished (latency known). */
  completed: number;
  /** Completed requests per second of measurement window. */
  achievedRateHz: number;
  /** Latency from the scheduled time to the finish (queueing included). */
  latencyMs: LatencySummaryMs;
  /** Service time: started to finished. */
  serviceMs: LatencySummaryMs;
  /** hdr-histogram-js base64-compressed histogram of latency in microseconds. */
  histogram: string;
}

export interface LpStats {
  batch: number;
  /** Iterations completed inside the window (partial iterations pro-rated). */
  iterations: number;
  iterPerSec: number;
  imagesPerSec: number;
  iterationMs: LatencySummaryMs;
}

export interface TrialStats {
  arm: ArmName;
  trial: number;
  windowMs: number;
  hp: HpStats | null;
  lp: LpStats | null;
}

export interface ArmStats {
  arm: ArmName;
  trials: TrialStats[];
  /** All trials' hp samples merged into one histogram; lp throughput is the mean of trials. */
  merged: { hp: HpStats | null; lp: LpStats | null };
}

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface ValidityCheck {
  id: string;
  title: string;
  status: CheckStatus;
  arm: ArmName | null;
  trial: number | null;
  /** The numbers the check looked at. */
  measured: Record<string, number | string | boolean | null>;
  message: string;
  /** What to do about a fail/warn, e.g. "run at least 420 more requests". */
  recommendation: string | null;
}

export type VerdictStatus = 'pass' | 'fail' | 'inconclusive' | 'skip';

export interface ConfidenceInterval {
  level: number;
  low: number;
  high: number;
  method: string;
}

export interface Verdict {
  id: string;
  /** The rule in words, e.g. "xsched hp P99 <= 0.8 x baseline hp P99". */
  rule: string;
  status: VerdictStatus;
  measured: Record<string, number | null>;
  threshold: Record<string, number>;
  interval: ConfidenceInterval | null;
  message: string;
  recommendation: string | null;
}

/**
 * The scenario's outcome: invalid beats fail beats untested beats inconclusive beats pass.
 * pass only when every required verdict was judged and passed (perf/lib/evaluate/overall-status.ts).
 */
export type OverallStatus = 'pass' | 'fail' | 'invalid' | 'untested' | 'inconclusive';

/** The four kinds of verdict a scenario can require; "regression" covers every regression.* verdict. */
export type VerdictKind = 'hp-achieved-rate' | 'hp-p99-improvement' | 'lp-throughput-loss' | 'regression' | 'xsched-vs-reference';

/** One verdict kind's result: untested when it could not be judged (arm skipped, no comparable baseline, no data). */
export interface VerdictKindOutcome {
  kind: VerdictKind;
  /** Declared required by the scenario (perf/lib/plan/scenarios/catalogue.ts). */
  required: boolean;
  status: 'pass' | 'fail' | 'untested' | 'inconclusive';
  /** One line: why this status. */
  reason: string;
}

export interface ScenarioEvaluation {
  schema: 'xsched-perf.evaluation';
  /** 2: status gained "untested", with statusReason, requiredVerdicts and verdictOutcomes. */
  schemaVersion: 2;
  runId: string;
  scenario: string;
  arms: ArmStats[];
  checks: ValidityCheck[];
  verdicts: Verdict[];
  status: OverallStatus;
  /** One line saying why the status is what it is. */
  statusReason: string;
  requiredVerdicts: VerdictKind[];
  verdictOutcomes: VerdictKindOutcome[];
  /** One line per reason the status is not pass. */
  reasons: string[];
}
