// Sample mean, sum of squared deviations and median, shared by the regression verdict's run-level and
// machine-level noise estimates (evaluate/verdicts/regression-noise*.ts), the alone arms'
// calibration (unsteady-calibration.ts), lp-stalls and bench:decisions.

export const meanOf = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

/** The median of a non-empty list. */
export function medianOf(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function sumOfSquares(xs: number[]): number {
  const mean = meanOf(xs);
  return xs.reduce((s, v) => s + (v - mean) ** 2, 0);
}
