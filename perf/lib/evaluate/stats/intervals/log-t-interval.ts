// t-intervals for a ratio over trials, on the log scale (ratios are multiplicative; logs of
// per-trial P99 or throughput are closer to normal than the values). Parametric: assumes
// the per-trial log values are roughly normal, which a handful of trials cannot check.

import { studentTQuantile } from '../distributions/student-t.ts';
import { type RatioInterval, validateConfidence } from './ratio-interval.ts';

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

const allPositive = (values: number[]): boolean => values.every((v) => v > 0 && Number.isFinite(v));

/**
 * Paired: d_i = ln(a_i / b_i) over trials run back to back (interleaved arms), so drift
 * between trials cancels. Needs 2 or more pairs of positive values, else null.
 */
export function pairedLogRatioInterval(numerators: number[], denominators: number[], confidence: number): RatioInterval | null {
  validateConfidence(confidence);
  if (numerators.length !== denominators.length) {
    throw new RangeError(`paired interval needs equal lengths, received ${numerators.length} and ${denominators.length}`);
  }
  if (numerators.length < 2 || !allPositive(numerators) || !allPositive(denominators)) return null;
  const diffs = numerators.map((a, i) => Math.log(a / denominators[i]!));
  const { mean, variance } = meanAndVariance(diffs);
  const halfWidth = studentTQuantile((1 + confidence) / 2, diffs.length - 1) * Math.sqrt(variance / diffs.length);
  return {
    estimate: Math.exp(mean),
    low: Math.exp(mean - halfWidth),
    high: Math.exp(mean + halfWidth),
    level: confidence,
    method: `paired t over ${diffs.length} trial log-ratios`,
  };
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
