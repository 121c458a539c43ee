// The noise of a no-regression comparison: the standard error of the difference of mean logs
// (this run minus the stored baseline) and its degrees of freedom (docs/statistics.md 3.4).
//
// Log of a per-trial value = run level + trial noise; run levels differ by sigma_b (between
// runs), trials by s_w (within a run). This run has n trials; the baseline K runs with n_k
// trials each (K = 1: an ordinary one-run baseline), h = mean(1/n_k), and its level is the mean
// of its run means. Then
//   Var(d) = sigma_b^2 (1 + 1/K) + s_w^2 (1/n + h/K).
// sigma_b is either assumed (recorded runs, between-run-noise.ts) or, for a baseline of several
// runs, estimated from the spread of its run means V: E[V] = sigma_b^2 + s_w^2 h, so
//   Var(d) = (1 + 1/K) V + s_w^2 (1/n - h)
// (with equal trial counts the classical prediction of a new group mean, t with K - 1 degrees
// of freedom), never below the value at sigma_b = 0, and never below an assumed floor.
// When the stored runs name their machines and several share one, sigma_b is estimated at two
// levels, machine and run (regression-noise-machines.ts).

import { meanOf, sumOfSquares } from '../stats/sample-moments.ts';
import { type MachineSpread, machineLevelError, machineSpread } from './regression-noise-machines.ts';

/** Beyond this, the t-distribution is the normal one for the quantiles needed here. */
export const MAX_DF = 1000;

export type BetweenRunModel =
  /** sigma_b known: recorded runs of this configuration, or the baseline's hand-set value. */
  | { kind: 'assumed'; logSd: number }
  /** sigma_b from the spread of the baseline's own run means, never below floorLogSd. */
  | { kind: 'estimated'; floorLogSd: number };

export interface RegressionNoise {
  /** s_w: pooled over this run's trials and each stored run's trials around their own means. */
  withinRunLogSd: number;
  withinDf: number;
  /** K, the stored runs with values. */
  storedRuns: number;
  /** h = mean over the stored runs of 1 / (their trial count). */
  storedInverseTrials: number;
  /** V, the sample variance of the stored run means (null for one stored run). */
  runMeanVariance: number | null;
  between: BetweenRunModel;
  /** With sigma_b estimated and the stored runs on a few machines, several on one: their machine-level spread. */
  machines: MachineSpread | null;
}

export interface StandardError {
  se: number;
  df: number;
  /** The sigma_b behind se. */
  betweenRunLogSd: number;
  /** Where it came from: assumed, estimated from the stored runs, or the floor an estimate fell below. */
  betweenRunFrom: BetweenRunFrom;
  /** The machines whose means the estimate rests on (regression-noise-machines.ts); null: run by run. */
  machines: number | null;
}

export type BetweenRunFrom = 'assumed' | 'estimated' | 'floor';

/**
 * null without within-run degrees of freedom (one trial on every side). machineOfRun: the machine
 * of each stored run (aligned with storedLogsByRun), where the baseline names them. runLevel: each
 * side holds one level per run (trial-floor.ts), whose spread already includes the trials' noise:
 * no within-run term (s_w = 0, 0 degrees of freedom).
 */
export function regressionNoise(currentLogs: number[], storedLogsByRun: number[][], between: BetweenRunModel, machineOfRun?: ReadonlyArray<string | undefined>, runLevel = false): RegressionNoise | null {
  const kept = storedLogsByRun.flatMap((r, i) => (r.length > 0 ? [i] : []));
  const runs = kept.map((i) => storedLogsByRun[i]!);
  if (between.kind === 'estimated' && runs.length < 2) throw new RangeError(`estimating between-run noise needs 2 or more stored runs, received ${runs.length}`);
  const withinDf = currentLogs.length - 1 + runs.reduce((s, r) => s + r.length - 1, 0);
  if (currentLogs.length < 1 || runs.length < 1 || (withinDf < 1 && !runLevel)) return null;
  if (runLevel && withinDf !== 0) throw new RangeError(`run levels are one value per run, received ${currentLogs.length} for this run and ${runs.map((r) => r.length).join(', ')} for the stored runs`);
  const withinSs = sumOfSquares(currentLogs) + runs.reduce((s, r) => s + sumOfSquares(r), 0);
  return {
    withinRunLogSd: withinDf > 0 ? Math.sqrt(withinSs / withinDf) : 0,
    withinDf,
    storedRuns: runs.length,
    storedInverseTrials: meanOf(runs.map((r) => 1 / r.length)),
    runMeanVariance: runs.length >= 2 ? sumOfSquares(runs.map(meanOf)) / (runs.length - 1) : null,
    between,
    machines: between.kind === 'estimated' && machineOfRun !== undefined ? machineSpread(runs, kept.map((i) => machineOfRun[i])) : null,
  };
}

/** With sigma_b known: only s_w is estimated (Satterthwaite's degrees of freedom from it). */
function withKnownBetween(noise: RegressionNoise, nCurrent: number, logSd: number, from: BetweenRunFrom): StandardError {
  const k = noise.storedRuns;
  const within = noise.withinRunLogSd ** 2 * (1 / nCurrent + noise.storedInverseTrials / k);
  const total = logSd ** 2 * (1 + 1 / k) + within;
  const df = within > 0 ? Math.min(MAX_DF, total ** 2 / (within ** 2 / noise.withinDf)) : MAX_DF;
  return { se: Math.sqrt(total), df, betweenRunLogSd: logSd, betweenRunFrom: from, machines: null };
}

/** With sigma_b estimated from the stored run means (Satterthwaite over V and s_w^2). */
function withEstimatedBetween(noise: RegressionNoise, nCurrent: number): StandardError {
  if (noise.machines !== null) {
    const m = machineLevelError(noise.machines, noise.withinRunLogSd ** 2, noise.withinDf, noise.storedRuns, noise.storedInverseTrials, nCurrent);
    const betweenRunLogSd = Math.sqrt(m.machineLogSd ** 2 + m.runLogSd ** 2);
    return { se: Math.sqrt(m.variance), df: Math.min(MAX_DF, m.df), betweenRunLogSd, betweenRunFrom: 'estimated', machines: noise.machines.machines };
  }
  const k = noise.storedRuns;
  const sw2 = noise.withinRunLogSd ** 2;
  const h = noise.storedInverseTrials;
  const runTerm = (1 + 1 / k) * noise.runMeanVariance!;
  const withinTerm = sw2 * (1 / nCurrent - h);
  const fromRuns = runTerm + withinTerm;
  const atZero = sw2 * (1 / nCurrent + h / k);
  const total = Math.max(fromRuns, atZero);
  const spread = runTerm ** 2 / (k - 1) + (noise.withinDf > 0 ? withinTerm ** 2 / noise.withinDf : 0);
  let df = spread > 0 ? total ** 2 / spread : MAX_DF;
  // sigma_b estimated as 0: the error rests on s_w, so no more degrees of freedom than it has.
  if (atZero > fromRuns) df = Math.min(df, noise.withinDf);
  return { se: Math.sqrt(total), df: Math.min(MAX_DF, df), betweenRunLogSd: Math.sqrt(Math.max(0, noise.runMeanVariance! - sw2 * h)), betweenRunFrom: 'estimated', machines: null };
}

/** The standard error for nCurrent trials in this run (Infinity: the floor no number of trials goes below). */
export function standardErrorAt(noise: RegressionNoise, nCurrent: number): StandardError {
  if (noise.between.kind === 'assumed') return withKnownBetween(noise, nCurrent, noise.between.logSd, 'assumed');
  const estimated = withEstimatedBetween(noise, nCurrent);
  const floor = noise.between.floorLogSd;
  if (floor > 0 && floor > estimated.betweenRunLogSd) {
    const atFloor = withKnownBetween(noise, nCurrent, floor, 'floor');
    if (atFloor.se > estimated.se) return atFloor;
  }
  return estimated;
}
