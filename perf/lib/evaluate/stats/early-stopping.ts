// MLPerf LoadGen's early-stopping rule (loadgen/early_stopping.cc, results.cc): how many
// requests a run needs before its tail percentile can be bounded at a confidence level.
//
// With n requests of which t exceed the true p-quantile's latency, the chance of seeing t or
// fewer "over-latency" requests if the true quantile were exactly at that latency is
// P(Binomial(n, 1 - p) <= t). LoadGen asks for the smallest h such that with n = h + t that
// chance is at most 1 - confidence; then the t-th largest latency is an upper bound of the
// p-quantile at that confidence. The minimum run is t = 1 (the maximum): n = h(1) + 1.

import { binomialCdf } from './distributions/binomial.ts';

function validate(percentile: number, confidence: number): void {
  if (!(percentile > 0 && percentile < 1)) throw new RangeError(`percentile must be in (0, 1), received ${percentile}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), received ${confidence}`);
}

/** Smallest h with P(Binomial(h + t, 1 - percentile) <= t) <= 1 - confidence (LoadGen's find_min_passing). */
export function minPassingRequests(overLatency: number, percentile: number, confidence: number): number {
  validate(percentile, confidence);
  if (!Number.isInteger(overLatency) || overLatency < 0) {
    throw new RangeError(`overLatency must be an integer >= 0, received ${overLatency}`);
  }
  const passes = (h: number): boolean => binomialCdf(overLatency, h + overLatency, 1 - percentile) <= 1 - confidence;
  let high = 1;
  while (!passes(high)) high *= 2;
  let low = 0; // passes(0) is false: with no under-latency requests nothing is bounded
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** The fewest requests for which early stopping can bound the percentile at all (LoadGen: h_min + 1). */
export function minRequestsForPercentile(percentile: number, confidence: number): number {
  return minPassingRequests(1, percentile, confidence) + 1;
}

/**
 * How many of the highest latencies early stopping lets a run of `requests` discard: the
 * largest t with requests >= h(t) + t, or 0 when the run is too short. The t-th largest
 * latency is then the early-stopping estimate (an upper confidence bound).
 */
export function earlyStoppingOverLatencyAllowance(requests: number, percentile: number, confidence: number): number {
  if (requests < minRequestsForPercentile(percentile, confidence)) return 0;
  // h(t) + t grows with t, so the t that fit form a prefix 1..T: binary search for T.
  const fits = (t: number): boolean => requests >= minPassingRequests(t, percentile, confidence) + t;
  // h(t) >= t * p / (1 - p), so no t above requests * (1 - p) can fit.
  let low = 1;
  let high = Math.max(2, Math.min(requests, Math.ceil(requests * (1 - percentile)) + 1));
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return fits(high) ? high : low;
}
