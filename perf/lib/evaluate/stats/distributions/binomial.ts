// Binomial lower tail, for MLPerf LoadGen's early-stopping sample rule.

/** P(X <= k) for X ~ Binomial(trials, probability); terms built in log space (k is small here). */
export function binomialCdf(k: number, trials: number, probability: number): number {
  if (!Number.isInteger(trials) || trials < 0 || !Number.isInteger(k)) {
    throw new RangeError(`binomialCdf needs integer k and trials >= 0, received k=${k}, trials=${trials}`);
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`binomialCdf needs 0 <= probability <= 1, received ${probability}`);
  }
  if (k < 0) return 0;
  if (k >= trials) return 1;
  if (probability === 0) return 1;
  if (probability === 1) return 0;
  // Terms in log space, each from the previous: log C(n, j) p^j q^(n-j).
  const logOdds = Math.log(probability) - Math.log1p(-probability);
  let logTerm = trials * Math.log1p(-probability);
  let sum = Math.exp(logTerm);
  for (let j = 1; j <= k; j++) {
    logTerm += Math.log((trials - j + 1) / j) + logOdds;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
