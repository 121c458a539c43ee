// The no-regression decision against a stored baseline: always pass or fail, never
// "inconclusive", with its error rates computed from the noise it assumes.
//
// Model (docs/statistics.md 3.4): the log of a per-trial value is run effect + trial noise.
// The standard error SE of the difference of mean logs (this run minus the baseline, a baseline
// of one run or of several: regression-noise.ts) combines within-run noise s_w and between-run
// noise sigma_b, which one run cannot measure: it is assumed from recorded runs
// (between-run-noise.ts) or estimated from a baseline of several runs. The decision boundary c
// lies between 0 (no change) and delta = the log of the regression to detect (the tolerance):
//   c = max(q_a SE, (q_a SE + delta - q_b SE) / 2),
// q_a, q_b the t-quantiles for the false-fail rate alpha and the detection rate 1 - beta.
// When q_a SE + q_b SE <= delta both targets hold (an unchanged run fails <= alpha, a run
// worse by the tolerance fails >= 1 - beta). Otherwise the false-fail bound is kept and the
// detection rate reported as what it is.

import { studentTCdf, studentTQuantile } from '../stats/distributions/student-t.ts';
import { meanOf } from '../stats/sample-moments.ts';
import { type BetweenRunFrom, type BetweenRunModel, type RegressionNoise, regressionNoise, standardErrorAt } from './regression-noise.ts';

export const DETECTION_RATE_TARGET = 0.9;

export interface RegressionDecisionInput {
  /** Per-trial values of this run and of the stored baseline, all > 0. */
  current: number[];
  stored: number[];
  /** For a baseline of several runs: the run of each stored value (BaselineArm.trialRuns). Absent: one run. */
  storedRuns?: number[];
  /** For a baseline of several runs: the machine of each run, by run index (BaselineFile.runs[i].machine). */
  storedRunMachines?: ReadonlyArray<string | undefined>;
  /** Log-SD of a whole run's level between runs (days, machines); with estimateBetweenRun, the least it may be. */
  betweenRunLogSd: number;
  /** Estimate sigma_b from the stored runs' own spread (a baseline of several runs: between-run-noise.ts says when). */
  estimateBetweenRun?: boolean;
  /** The regression to detect, a fraction: hp P99 +tolerance, lp throughput -tolerance. */
  tolerance: number;
  higherIsWorse: boolean;
  /** One-sided false-fail rate allowed for an unchanged configuration, e.g. 0.05. */
  falseFailRate: number;
  /**
   * Set when `current` and every stored run hold one run level each (trial-floor.ts) instead of
   * per-trial values: their spread carries the trials' noise, so there is no within-run term.
   * `label` names the level in the interval's method, e.g. "floors of 3 trial P99s".
   */
  runLevel?: { label: string };
}

export interface RegressionDecision {
  status: 'pass' | 'fail';
  /** Geometric-mean ratio current / stored. */
  ratio: number;
  /** The ratio beyond which the verdict fails. */
  boundaryRatio: number;
  /** The ratio of the regression to detect (1 + tolerance, or 1 - tolerance). */
  toleranceRatio: number;
  withinRunLogSd: number;
  /** The sigma_b used, and where it came from (regression-noise.ts). */
  betweenRunLogSd: number;
  betweenRunFrom: BetweenRunFrom;
  /** The machines whose means sigma_b was estimated from (regression-noise-machines.ts); null: run by run, or assumed. */
  machines: number | null;
  /** The stored runs the values came from (1: a baseline of one run). */
  storedRuns: number;
  /** Everything the standard error is made of, so advice can vary the trial count. */
  noise: RegressionNoise;
  standardErrorLog: number;
  degreesOfFreedom: number;
  /** Chance that an unchanged configuration fails, at this noise. */
  falseFailRate: number;
  /** q_a SE + q_b SE <= delta: both error-rate targets hold at this noise. */
  bothTargetsReachable: boolean;
  /** Chance that a run worse by exactly the tolerance fails, at this noise. */
  detectionRate: number;
  /** Two-sided interval for the ratio at level 1 - 2 x falseFailRate (its one-sided ends are the test's). */
  interval: { level: number; low: number; high: number; method: string };
}

const BETWEEN_FROM_TEXT: Record<BetweenRunFrom, string> = { assumed: 'assumed', estimated: 'estimated from the stored runs', floor: 'the floor: the stored runs spread less' };
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const validValues = (xs: number[]): boolean => xs.every((v) => v > 0 && Number.isFinite(v));

/** The stored values grouped by run, in order of first appearance, with each group's run index. */
export function groupByRun(values: number[], runs: number[] | undefined): { groups: number[][]; runIndexes: number[] } {
  if (runs === undefined) return { groups: [values], runIndexes: [0] };
  if (runs.length !== values.length) throw new RangeError(`decideRegression needs one run index per stored value: ${runs.length} indexes for ${values.length} values`);
  const groups = new Map<number, number[]>();
  values.forEach((value, i) => {
    const group = groups.get(runs[i]!) ?? [];
    group.push(value);
    groups.set(runs[i]!, group);
  });
  return { groups: [...groups.values()], runIndexes: [...groups.keys()] };
}

/** The log of the regression to detect: ln(1 + tolerance) for hp P99, -ln(1 - tolerance) for lp. */
export function regressionDelta(tolerance: number, higherIsWorse: boolean): number {
  return higherIsWorse ? Math.log(1 + tolerance) : -Math.log(1 - tolerance);
}

/** Can a comparison at this standard error keep both error-rate targets for a change of delta? */
export function reachesBothTargets(se: number, df: number, falseFailRate: number, delta: number): boolean {
  return (studentTQuantile(1 - falseFailRate, df) + studentTQuantile(DETECTION_RATE_TARGET, df)) * se <= delta;
}

/**
 * The decision boundary on the worsening and the rates it gives (c = max(q_a SE, (q_a SE + delta - q_b SE) / 2)),
 * with q_a for the interval and whether both targets are reachable (reachesBothTargets), from one
 * pair of quantiles: each costs several CDF evaluations, and bench:decisions decides millions of times.
 */
export function boundaryAndRates(se: number, df: number, falseFailRate: number, delta: number): { boundary: number; falseFailRate: number; detectionRate: number; qFalse: number; bothTargetsReachable: boolean } {
  const qFalse = studentTQuantile(1 - falseFailRate, df);
  const qDetect = studentTQuantile(DETECTION_RATE_TARGET, df);
  const boundary = Math.max(qFalse * se, (qFalse * se + delta - qDetect * se) / 2);
  const tail = (x: number): number => (se > 0 ? 1 - studentTCdf(x / se, df) : x < 0 ? 1 : 0);
  return { boundary, falseFailRate: tail(boundary), detectionRate: tail(boundary - delta), qFalse, bothTargetsReachable: (qFalse + qDetect) * se <= delta };
}

/** Needs at least 3 trials in all (a within-run variance); null otherwise or on non-positive values. */
export function decideRegression(input: RegressionDecisionInput): RegressionDecision | null {
  const { current, stored, tolerance, higherIsWorse, falseFailRate, betweenRunLogSd } = input;
  if (!(tolerance >= 0 && tolerance < 1)) throw new RangeError(`decideRegression needs a tolerance in [0, 1), received ${tolerance}`);
  if (!(falseFailRate > 0 && falseFailRate < 0.5)) throw new RangeError(`decideRegression needs a false-fail rate in (0, 0.5), received ${falseFailRate}`);
  if (!(betweenRunLogSd >= 0)) throw new RangeError(`decideRegression needs a between-run log-SD >= 0, received ${betweenRunLogSd}`);
  if (current.length < 1 || stored.length < 1 || !validValues(current) || !validValues(stored)) return null;
  const { groups: storedLogsByRun, runIndexes } = groupByRun(stored.map(Math.log), input.storedRuns);
  const between: BetweenRunModel = input.estimateBetweenRun === true && storedLogsByRun.length >= 2 ? { kind: 'estimated', floorLogSd: betweenRunLogSd } : { kind: 'assumed', logSd: betweenRunLogSd };
  const logCurrent = current.map(Math.log);
  const machines = input.storedRunMachines === undefined ? undefined : runIndexes.map((i) => input.storedRunMachines![i]);
  const noise = regressionNoise(logCurrent, storedLogsByRun, between, machines, input.runLevel !== undefined);
  if (noise === null) return null;
  const { se, df, betweenRunLogSd: betweenUsed, betweenRunFrom, machines: machineMeans } = standardErrorAt(noise, current.length);
  const sign = higherIsWorse ? 1 : -1;
  const logRatio = meanOf(logCurrent) - meanOf(storedLogsByRun.map(meanOf));
  const worse = sign * logRatio;
  const delta = regressionDelta(tolerance, higherIsWorse);
  const rates = boundaryAndRates(se, df, falseFailRate, delta);
  const { boundary, qFalse } = rates;
  const betweenText = `between-run log-SD ${round4(betweenUsed)} (${BETWEEN_FROM_TEXT[betweenRunFrom]}${machineMeans !== null ? `, at two levels: ${machineMeans} machines and the runs on each` : ''})`;
  return {
    status: worse > boundary ? 'fail' : 'pass',
    ratio: Math.exp(logRatio),
    boundaryRatio: Math.exp(sign * boundary),
    toleranceRatio: Math.exp(sign * delta),
    withinRunLogSd: noise.withinRunLogSd,
    betweenRunLogSd: betweenUsed,
    betweenRunFrom,
    machines: machineMeans,
    storedRuns: noise.storedRuns,
    noise,
    standardErrorLog: se,
    degreesOfFreedom: df,
    falseFailRate: rates.falseFailRate,
    bothTargetsReachable: rates.bothTargetsReachable,
    detectionRate: rates.detectionRate,
    interval: {
      level: 1 - 2 * falseFailRate,
      low: Math.exp(logRatio - qFalse * se),
      high: Math.exp(logRatio + qFalse * se),
      method:
        input.runLevel !== undefined
          ? `t on log run levels (${input.runLevel.label}: this run vs ${noise.storedRuns} stored runs), ${betweenText}`
          : noise.storedRuns > 1
          ? `t on log per-trial values (${current.length} trials vs ${stored.length} in ${noise.storedRuns} stored runs), pooled within-run log-SD plus ${betweenText}`
          : `t on log per-trial values (${current.length} vs ${stored.length} trials), pooled within-run log-SD plus between-run log-SD ${betweenRunLogSd}`,
    },
  };
}
