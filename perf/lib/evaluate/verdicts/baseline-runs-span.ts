// What the runs of a baseline of several runs cover: how many machines and how many hours.
// Their spread stands for "another day or machine" (issue 13's A/A) only when they cover
// that; runs back to back on one machine understate the between-run noise, so the verdict
// then keeps the recorded value as a floor (between-run-noise.ts, docs/statistics.md 3.4).

import type { BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';
import type { ArmName } from '../../documents/types/scenario.ts';

/** Runs at least this far apart count as different days. */
export const DAY_HOURS = 24;

export interface RunSpan {
  /** Distinct machines named by the runs (GPU UUID or hostname); runs without one count as one unknown machine. */
  machines: number;
  /** From the first run's start to the last's. */
  hours: number;
}

export function spanOfRuns(runs: readonly BaselineRun[]): RunSpan {
  const machines = new Set(runs.map((r) => r.machine ?? '(unknown)')).size;
  const times = runs.map((r) => Date.parse(r.startedAt));
  return { machines, hours: (Math.max(...times) - Math.min(...times)) / 3.6e6 };
}

/** Two machines or two days: the variation "an identical configuration on another day" means. */
export const spansRunToRunVariation = (span: RunSpan): boolean => span.machines >= 2 || span.hours >= DAY_HOURS;

export const formatHours = (hours: number): string => (hours >= 48 ? `${(hours / 24).toFixed(1)} days` : `${hours.toFixed(1)} h`);

/** How many of the baseline's runs have values of this metric for this arm (0 for a baseline of one run). */
export function runsWithValues(stored: BaselineFile, arm: ArmName, metric: 'hpP99' | 'lpIterPerSec'): number {
  if (stored.runs === undefined) return 0;
  const values = stored.arms[arm];
  if (values?.trialRuns === undefined) return 0;
  const series = metric === 'hpP99' ? values.hpP99Ms : values.lpIterPerSec;
  return series.length === 0 ? 0 : new Set(values.trialRuns).size;
}
