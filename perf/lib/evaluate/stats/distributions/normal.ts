// Standard normal quantile, for the one-trial fallback intervals.

// Acklam's rational approximation: relative error below 1.2e-9 over (0, 1).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOW_REGION = 0.02425;

function polynomial(coefficients: number[], x: number): number {
  return coefficients.reduce((sum, c) => sum * x + c, 0);
}

/** z with P(Z <= z) = probability for Z ~ N(0, 1). */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`normalQuantile needs 0 < probability < 1, received ${probability}`);
  }
  if (probability < LOW_REGION) {
    const q = Math.sqrt(-2 * Math.log(probability));
    return polynomial(C, q) / (polynomial(D, q) * q + 1);
  }
  if (probability > 1 - LOW_REGION) return -normalQuantile(1 - probability);
  const q = probability - 0.5;
  const r = q * q;
  return (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
}
