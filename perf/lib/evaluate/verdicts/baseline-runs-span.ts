// What the runs of a baseline of several runs cover: how many machines and how many hours.
// Their spread stands for "another day or machine" (issue 13's A/A) only when they cover
// that; runs back to back on one or two machines understate the between-run noise, so the
// verdict then keeps the recorded value as a floor (between-run-noise.ts, docs/statistics.md 3.4).

import type { BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { machinesOf } from '../../store/baselines/baseline-source.ts';

/** Runs at least this far apart count as different days. */
export const DAY_HOURS = 24;

export interface RunSpan {
  /** Distinct machines the runs name (GPU UUIDs); runs that name none add nothing here. */
  machines: number;
  /** Some run names no machine (a baseline from history: store/history/baseline-from-history.ts). */
  someUnknown: boolean;
  /** From the first run's start to the last's. */
  hours: number;
}

export function spanOfRuns(runs: readonly BaselineRun[]): RunSpan {
  const { known, someUnknown } = machinesOf(runs);
  const times = runs.map((r) => Date.parse(r.startedAt));
  return { machines: known, someUnknown, hours: (Math.max(...times) - Math.min(...times)) / 3.6e6 };
}

/** "4 machines over 5.2 h", "2 machines (and some unknown) over 1.0 h", "unknown machines over 2.1 days". */
export function formatSpan(span: RunSpan): string {
  const machines = span.machines === 0 ? 'unknown machines' : `${span.machines} machine${span.machines === 1 ? '' : 's'}${span.someUnknown ? ' (and some unknown)' : ''}`;
  return `${machines} over ${formatHours(span.hours)}`;
}

/**
 * Three machines or a day: the variation "an identical configuration on another day" means. Two
 * machines are one difference of machine levels, too few: one H200 in ten measured XSched 10%
 * higher (docs/gpu-results.md section 18), so runs of two machines keep the recorded floor.
 */
export const MIN_SPANNED_MACHINES = 3;
export const spansRunToRunVariation = (span: RunSpan): boolean => span.machines >= MIN_SPANNED_MACHINES || span.hours >= DAY_HOURS;

export const formatHours = (hours: number): string => (hours >= 48 ? `${(hours / 24).toFixed(1)} days` : `${hours.toFixed(1)} h`);

/** How many of the baseline's runs have values of this metric for this arm (0 for a baseline of one run). */
export function runsWithValues(stored: BaselineFile, arm: ArmName, metric: 'hpP99' | 'lpIterPerSec'): number {
  if (stored.runs === undefined) return 0;
  const values = stored.arms[arm];
  if (values?.trialRuns === undefined) return 0;
  const series = metric === 'hpP99' ? values.hpP99Ms : values.lpIterPerSec;
  return series.length === 0 ? 0 : new Set(values.trialRuns).size;
}
