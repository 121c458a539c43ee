// Sample mean and sum of squared deviations, shared by the regression verdict's run-level and
// machine-level noise estimates (evaluate/verdicts/regression-noise*.ts).

export const meanOf = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

export function sumOfSquares(xs: number[]): number {
  const mean = meanOf(xs);
  return xs.reduce((s, v) => s + (v - mean) ** 2, 0);
}
