// Student's t-test between the two sides of a candidate change point, as Apache Otava's
// significance tester does: an analytic p-value, so it can be taken to the small levels a
// correction for many tests needs, where a permutation test would need 1/level permutations.
// Pooled variance, not Welch: under "no change" both sides share one variance, and Welch's
// approximate degrees of freedom are far too optimistic at the tails for a side of 3 runs
// (test/unit/history/change-points.test.ts checks the false-alarm rate this gives).

import { regularizedIncompleteBeta } from '../stats/distributions/incomplete-beta.ts';

function sumAndSquares(values: readonly number[], from: number, to: number): { mean: number; squares: number } {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  const mean = sum / (to - from);
  let squares = 0;
  for (let i = from; i < to; i++) squares += (values[i]! - mean) ** 2;
  return { mean, squares };
}

/** Two-sided p-value of the pooled two-sample t-test, values[0..split) against values[split..n); each side >= 2 values. */
export function segmentTTestPValue(values: readonly number[], split: number): number {
  const n = values.length;
  if (!(Number.isInteger(split) && split >= 2 && n - split >= 2)) {
    throw new RangeError(`segmentTTestPValue needs at least 2 values each side, got split ${split} of ${n}`);
  }
  const left = sumAndSquares(values, 0, split);
  const right = sumAndSquares(values, split, n);
  const df = n - 2;
  const standardError2 = ((left.squares + right.squares) / df) * (1 / split + 1 / (n - split));
  // Both sides constant: any difference in means is certain, none is no evidence at all.
  if (standardError2 === 0) return left.mean === right.mean ? 1 : 0;
  const t2 = (left.mean - right.mean) ** 2 / standardError2;
  // P(|T| >= t) = I_{df/(df+t^2)}(df/2, 1/2).
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
}
