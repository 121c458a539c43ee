// t-intervals for a ratio over trials, on the log scale (ratios are multiplicative; logs of
// per-trial P99 or throughput are closer to normal than the values). Parametric: assumes
// the per-trial log values are roughly normal, which a handful of trials cannot check.

import { fQuantile } from '../distributions/f-distribution.ts';
import { studentTQuantile } from '../distributions/student-t.ts';
import { type RatioInterval, validateConfidence } from './ratio-interval.ts';

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

const allPositive = (values: number[]): boolean => values.every((v) => v > 0 && Number.isFinite(v));

/**
 * Paired trials of other runs of the same configuration whose log-ratio spread is pooled in:
 * one entry per run, so each run's spread is taken around its own mean (a stored baseline of
 * several runs spans machines whose XSched lp cost differs: docs/statistics.md section 3.3).
 */
export interface PooledSpreadSource {
  runs: ReadonlyArray<{ numerators: number[]; denominators: number[] }>;
  /** Where they come from, for the method text, e.g. "the stored baseline (run ...)". */
  label: string;
}

/** ln(a_i / b_i) and their sum of squared deviations from their mean; null unless 2+ positive pairs. */
function pairedLogRatios(numerators: number[], denominators: number[]): { mean: number; squares: number; n: number } | null {
  if (numerators.length !== denominators.length) {
    throw new RangeError(`paired interval needs equal lengths, received ${numerators.length} and ${denominators.length}`);
  }
  if (numerators.length < 2 || !allPositive(numerators) || !allPositive(denominators)) return null;
  const diffs = numerators.map((a, i) => Math.log(a / denominators[i]!));
  const { mean, variance } = meanAndVariance(diffs);
  return { mean, squares: variance * (diffs.length - 1), n: diffs.length };
}

/**
 * Paired: d_i = ln(a_i / b_i) over trials run back to back (interleaved arms), so drift
 * between trials cancels. Needs 2 or more pairs of positive values, else null.
 *
 * With `pooledWith` (runs of the same configuration with 2 or more positive pairs each; others
 * lend nothing), the spread of the d_i is pooled with theirs, each run around its own mean:
 * s^2 = (SS_this + sum_k SS_k) / (n_this - 1 + sum_k (n_k - 1)); the centre and its n stay this
 * run's. Why: with 3 trials s has 2 degrees of freedom and the 97.5% t-quantile is 4.30 (2.78
 * with 4), so a paired verdict at 3 trials is mostly undecided by the noise of its own noise
 * estimate (docs/statistics.md section 3.3). Around one mean for all runs, the runs' different
 * levels would count as trial noise. Pooling assumes this run's trials spread as theirs do:
 * when its own variance is beyond theirs by more than the F test allows (POOLING_TEST_LEVEL),
 * nothing is pooled and the method text says why (2 of 50 quick runs on H200s against the others:
 * 6603 and c49e, docs/statistics.md section 3.3).
 */
export function pairedLogRatioInterval(numerators: number[], denominators: number[], confidence: number, pooledWith?: PooledSpreadSource): RatioInterval | null {
  validateConfidence(confidence);
  const own = pairedLogRatios(numerators, denominators);
  if (own === null) return null;
  const found = (pooledWith?.runs ?? []).flatMap((run) => pairedLogRatios(run.numerators, run.denominators) ?? []);
  const otherTrials = found.reduce((sum, run) => sum + run.n, 0);
  const spreadTooWide = found.length > 0 ? spreadBeyondPool(own, found) : null;
  const others = spreadTooWide === null ? found : [];
  const degreesOfFreedom = own.n - 1 + others.reduce((sum, run) => sum + run.n - 1, 0);
  const variance = (own.squares + others.reduce((sum, run) => sum + run.squares, 0)) / degreesOfFreedom;
  const halfWidth = studentTQuantile((1 + confidence) / 2, degreesOfFreedom) * Math.sqrt(variance / own.n);
  const eachRun = found.length > 1 ? `, each of its ${found.length} runs around its own mean` : '';
  const source = `the ${otherTrials} paired trials of ${pooledWith?.label}${eachRun}`;
  const pooled =
    found.length === 0 ? ''
      : spreadTooWide !== null ? `; not pooled with ${source}: this run's trials spread more than theirs (${spreadTooWide})`
        : `, spread pooled with ${source} (${degreesOfFreedom} degrees of freedom)`;
  return {
    estimate: Math.exp(own.mean),
    low: Math.exp(own.mean - halfWidth),
    high: Math.exp(own.mean + halfWidth),
    level: confidence,
    method: `paired t over ${own.n} trial log-ratios${pooled}`,
    ...(others.length > 0 ? { pooled: { trials: otherTrials, degreesOfFreedom: degreesOfFreedom - (own.n - 1) } } : {}),
  };
}

/** The level of the F test that keeps a run whose trials spread more than the pool's from borrowing its spread. */
export const POOLING_TEST_LEVEL = 0.95;

type LogRatios = { squares: number; n: number };

/** Why this run's spread does not fit the others' (variance ratio and bound), or null when it does. */
function spreadBeyondPool(own: LogRatios, others: LogRatios[]): string | null {
  const otherDegrees = others.reduce((sum, run) => sum + run.n - 1, 0);
  const otherVariance = others.reduce((sum, run) => sum + run.squares, 0) / otherDegrees;
  const ownVariance = own.squares / (own.n - 1);
  if (ownVariance === 0) return null;
  const bound = fQuantile(POOLING_TEST_LEVEL, own.n - 1, otherDegrees);
  const ratio = otherVariance === 0 ? Infinity : ownVariance / otherVariance;
  return ratio > bound ? `variance ratio ${ratio.toPrecision(3)} beyond ${bound.toPrecision(3)}, F test at ${POOLING_TEST_LEVEL * 100}%` : null;
}

/** Unpaired (Welch): ln a vs ln b with unequal variances. Needs 2 or more positive values each. */
export function welchLogRatioInterval(numerators: number[], denominators: number[], confidence: number): RatioInterval | null {
  validateConfidence(confidence);
  if (numerators.length < 2 || denominators.length < 2 || !allPositive(numerators) || !allPositive(denominators)) return null;
  const a = meanAndVariance(numerators.map(Math.log));
  const b = meanAndVariance(denominators.map(Math.log));
  const va = a.variance / numerators.length;
  const vb = b.variance / denominators.length;
  const diff = a.mean - b.mean;
  const standardError = Math.sqrt(va + vb);
  let halfWidth = 0;
  if (standardError > 0) {
    const df = (va + vb) ** 2 / (va ** 2 / (numerators.length - 1) + vb ** 2 / (denominators.length - 1));
    halfWidth = studentTQuantile((1 + confidence) / 2, df) * standardError;
  }
  return {
    estimate: Math.exp(diff),
    low: Math.exp(diff - halfWidth),
    high: Math.exp(diff + halfWidth),
    level: confidence,
    method: `Welch t on log values (${numerators.length} vs ${denominators.length} trials)`,
  };
}
