// What every verdict reads, and helpers shared by the verdicts.

import type { RatioInterval } from '../stats/intervals/ratio-interval.ts';
import type { RunStatistics } from '../stats/run-statistics.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { ConfidenceInterval, Verdict } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName, Role, Thresholds } from '../../documents/types/scenario.ts';

export interface VerdictContext {
  record: RunRecord;
  stats: RunStatistics;
  thresholds: Thresholds;
  baseline: BaselineFile | null;
  /** Arms whose XSched state the validity checks did not prove (findUnprovenArms), with why. */
  unprovenArms?: ReadonlyMap<ArmName, string>;
}

export function skipVerdict(id: string, rule: string, message: string, recommendation: string | null = null): Verdict {
  return { id, rule, status: 'skip', measured: {}, threshold: {}, interval: null, message, recommendation };
}

/**
 * Judged verdicts withheld: each becomes a skip that keeps its numbers (plus `measured`) and, after
 * `why`, what it would have said; verdicts already skipped keep their own reason. Used for a
 * drifted or uncalibrated machine (machine-drift.ts) and an invalid run (../invalid-run-verdicts.ts).
 */
export function withholdJudged(verdicts: Verdict[], why: string, recommendation: string, measured: Record<string, number> = {}): Verdict[] {
  return verdicts.map((v) => (v.status === 'skip' ? v : { ...v, status: 'skip', measured: { ...v.measured, ...measured }, message: `${why} ${v.message}`, recommendation }));
}

/** Why an arm has no data for a role, or null when it has some. */
export function unavailableReason(context: VerdictContext, arm: ArmName, role: Role): string | null {
  const unproven = context.unprovenArms?.get(arm);
  if (unproven !== undefined) return unproven;
  const samples = context.stats.samples.get(arm);
  const ran = context.record.trials.some((t) => t.arm === arm);
  if (!ran && !context.record.scenario.arms.includes(arm)) return `arm ${arm} is not part of scenario ${context.record.scenario.name}`;
  if (samples === undefined || !ran) return `arm ${arm} has no trials in this record`;
  const data = role === 'hp' ? samples.hp : samples.lp;
  if (data.length > 0) return null;
  const skipped = samples.skipped[0];
  if (skipped !== undefined) return `arm ${arm} was skipped: ${skipped.reason}`;
  return `arm ${arm} has no ${role} data: its ${role} worker failed or never ran in every trial (see the workers-ok check)`;
}

/** A ratio interval re-expressed as 1 - ratio (improvement or loss fraction). */
export function oneMinus(interval: RatioInterval): ConfidenceInterval {
  return { level: interval.level, low: 1 - interval.high, high: 1 - interval.low, method: interval.method };
}

export const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
