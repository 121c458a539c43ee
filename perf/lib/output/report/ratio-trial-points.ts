// Per-trial points for a now / stored baseline row of the ratio chart: each trial of this
// run divided by the stored baseline's geometric mean of its trials. The verdict's ratio is
// geomean(now) / geomean(stored) (perf/lib/evaluate/verdicts/regression-decision.ts), so the
// row's dot is the geometric mean of its points and their spread is this run's trial noise.

import type { ArmName, BaselineFile, ScenarioEvaluation, Verdict } from '../../documents/types/index.ts';
import type { RatioTrialPoints } from './plot-data-types.ts';
import { judgedOnFloors } from './quantity-labels.ts';

const RELATIVE_TOLERANCE = 1e-9;

const closeTo = (a: number, b: number): boolean => Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
const geometricMean = (xs: number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** This run's per-trial values of one arm, as baseline-regression.ts judges them (trial P99 in ms, lp iter/s). */
function currentTrials(evaluation: ScenarioEvaluation, arm: ArmName, hp: boolean): Array<{ trial: number; value: number }> {
  const stats = evaluation.arms.find((a) => a.arm === arm);
  return (stats?.trials ?? []).flatMap((t) => {
    const value = hp ? t.hp?.latencyMs.p99 : t.lp?.iterPerSec;
    return typeof value === 'number' ? [{ trial: t.trial, value }] : [];
  });
}

/**
 * The points of verdict regression.<arm>.<metric>, or null when they cannot be the verdict's
 * own: no stored baseline given, a trial without a finite positive value, or values that do
 * not reproduce the verdict's trial counts, stored mean and ratio (e.g. a report rendered
 * with another baseline than the one judged). Never points that disagree with the dot.
 */
export function regressionTrialPoints(evaluation: ScenarioEvaluation, baseline: BaselineFile | null, verdict: Verdict): RatioTrialPoints | null {
  const [, arm, metric] = verdict.id.split('.') as [string, ArmName, string];
  const hp = metric === 'hp-p99';
  const storedArm = baseline?.arms[arm];
  if (!storedArm) return null;
  const stored = hp ? storedArm.hpP99Ms : storedArm.lpIterPerSec;
  const current = currentTrials(evaluation, arm, hp);
  // Judged on the runs' floors (evaluate/verdicts/trial-floor.ts): no trial / mean ratio is what was judged.
  if (judgedOnFloors(verdict.measured)) return null;
  const { ratio, currentTrials: nCurrent, storedTrials: nStored, storedMean } = verdict.measured;
  const positive = (v: number): boolean => Number.isFinite(v) && v > 0;
  if (current.length === 0 || stored.length === 0 || !current.every((t) => positive(t.value)) || !stored.every(positive)) return null;
  if (current.length !== nCurrent || stored.length !== nStored || typeof storedMean !== 'number' || !closeTo(mean(stored), storedMean)) return null;
  const storedCentral = geometricMean(stored);
  const points = current.map((t) => ({ trial: t.trial, value: t.value, ratio: t.value / storedCentral }));
  if (typeof ratio !== 'number' || !closeTo(geometricMean(points.map((p) => p.ratio)), ratio)) return null;
  const unit = hp ? 'ms' : 'iter/s';
  return {
    label: `this run's trial ${hp ? 'P99' : 'lp iter/s'} / stored baseline's geometric mean of ${stored.length} trial(s), ${Number(storedCentral.toPrecision(4))} ${unit}`,
    unit,
    storedCentral,
    points,
  };
}
