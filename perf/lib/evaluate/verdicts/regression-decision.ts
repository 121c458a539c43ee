// The no-regression decision against a stored baseline: always pass or fail, never
// "inconclusive", with its error rates computed from the noise it assumes.
//
// Model (docs/statistics.md 3.4): the log of a per-trial value is run effect + trial noise.
// The difference of the two runs' mean logs has variance
//   s_w^2 (1/n_now + 1/n_stored) + 2 sigma_b^2,
// s_w the within-run log-SD pooled over both runs, sigma_b the between-run log-SD (a day,
// a machine), which one run cannot measure and so comes from recorded runs
// (between-run-noise.ts). The decision boundary c lies between 0 (no change) and
// delta = the log of the regression to detect (the tolerance):
//   c = max(q_a SE, (q_a SE + delta - q_b SE) / 2),
// q_a, q_b the t-quantiles for the false-fail rate alpha and the detection rate 1 - beta.
// When q_a SE + q_b SE <= delta both targets hold (an unchanged run fails <= alpha, a run
// worse by the tolerance fails >= 1 - beta). Otherwise the false-fail bound is kept and the
// detection rate reported as what it is.

import { studentTCdf, studentTQuantile } from '../stats/distributions/student-t.ts';

export const DETECTION_RATE_TARGET = 0.9;
/** Beyond this, the t-distribution is the normal one for the quantiles needed here. */
const MAX_DF = 1000;

export interface RegressionDecisionInput {
  /** Per-trial values of this run and of the stored baseline, all > 0. */
  current: number[];
  stored: number[];
  /** Log-SD of a whole run's level between runs (days, machines). */
  betweenRunLogSd: number;
  /** The regression to detect, a fraction: hp P99 +tolerance, lp throughput -tolerance. */
  tolerance: number;
  higherIsWorse: boolean;
  /** One-sided false-fail rate allowed for an unchanged configuration, e.g. 0.05. */
  falseFailRate: number;
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
  betweenRunLogSd: number;
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

function sumOfSquares(logs: number[]): number {
  const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
  return logs.reduce((s, v) => s + (v - mean) ** 2, 0);
}

const meanOf = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
const validValues = (xs: number[]): boolean => xs.every((v) => v > 0 && Number.isFinite(v));

/** The log of the regression to detect: ln(1 + tolerance) for hp P99, -ln(1 - tolerance) for lp. */
export function regressionDelta(tolerance: number, higherIsWorse: boolean): number {
  return higherIsWorse ? Math.log(1 + tolerance) : -Math.log(1 - tolerance);
}

/** Can a comparison at this standard error keep both error-rate targets for a change of delta? */
export function reachesBothTargets(se: number, df: number, falseFailRate: number, delta: number): boolean {
  return (studentTQuantile(1 - falseFailRate, df) + studentTQuantile(DETECTION_RATE_TARGET, df)) * se <= delta;
}

/**
 * Standard error of the difference of mean logs, and its Satterthwaite degrees of freedom.
 * nCurrent = Infinity gives the floor that no number of trials in this run goes below.
 */
export function regressionStandardError(withinLogSd: number, withinDf: number, nCurrent: number, nStored: number, betweenLogSd: number): { se: number; df: number } {
  const within = withinLogSd ** 2 * (1 / nCurrent + 1 / nStored);
  const total = within + 2 * betweenLogSd ** 2;
  const df = within > 0 ? Math.min(MAX_DF, total ** 2 / (within ** 2 / withinDf)) : MAX_DF;
  return { se: Math.sqrt(total), df };
}

/** Needs at least 3 trials in all (a within-run variance); null otherwise or on non-positive values. */
export function decideRegression(input: RegressionDecisionInput): RegressionDecision | null {
  const { current, stored, tolerance, higherIsWorse, falseFailRate, betweenRunLogSd } = input;
  if (!(tolerance >= 0 && tolerance < 1)) throw new RangeError(`decideRegression needs a tolerance in [0, 1), received ${tolerance}`);
  if (!(falseFailRate > 0 && falseFailRate < 0.5)) throw new RangeError(`decideRegression needs a false-fail rate in (0, 0.5), received ${falseFailRate}`);
  if (!(betweenRunLogSd >= 0)) throw new RangeError(`decideRegression needs a between-run log-SD >= 0, received ${betweenRunLogSd}`);
  const withinDf = current.length + stored.length - 2;
  if (current.length < 1 || stored.length < 1 || withinDf < 1 || !validValues(current) || !validValues(stored)) return null;
  const logCurrent = current.map(Math.log);
  const logStored = stored.map(Math.log);
  const withinRunLogSd = Math.sqrt((sumOfSquares(logCurrent) + sumOfSquares(logStored)) / withinDf);
  const { se, df } = regressionStandardError(withinRunLogSd, withinDf, current.length, stored.length, betweenRunLogSd);
  const sign = higherIsWorse ? 1 : -1;
  const logRatio = meanOf(logCurrent) - meanOf(logStored);
  const worse = sign * logRatio;
  const delta = regressionDelta(tolerance, higherIsWorse);
  const qFalse = studentTQuantile(1 - falseFailRate, df);
  const qDetect = studentTQuantile(DETECTION_RATE_TARGET, df);
  const boundary = Math.max(qFalse * se, (qFalse * se + delta - qDetect * se) / 2);
  const tail = (x: number): number => (se > 0 ? 1 - studentTCdf(x / se, df) : x < 0 ? 1 : 0);
  return {
    status: worse > boundary ? 'fail' : 'pass',
    ratio: Math.exp(logRatio),
    boundaryRatio: Math.exp(sign * boundary),
    toleranceRatio: Math.exp(sign * delta),
    withinRunLogSd,
    betweenRunLogSd,
    standardErrorLog: se,
    degreesOfFreedom: df,
    falseFailRate: tail(boundary),
    bothTargetsReachable: reachesBothTargets(se, df, falseFailRate, delta),
    detectionRate: tail(boundary - delta),
    interval: {
      level: 1 - 2 * falseFailRate,
      low: Math.exp(logRatio - qFalse * se),
      high: Math.exp(logRatio + qFalse * se),
      method: `t on log per-trial values (${current.length} vs ${stored.length} trials), pooled within-run log-SD plus between-run log-SD ${betweenRunLogSd}`,
    },
  };
}
