// Confidence interval for the ratio of a latency percentile (P99) between two arms.
//
// Distribution-free part: two-stage bootstrap (trials with replacement, then requests from
// the chosen trials), paired by trial index when the arms ran interleaved. With few trials
// a bootstrap over trials underestimates run-to-run variation, so with 2 or more trials per
// side the interval is widened to also contain the t-interval over per-trial percentiles
// (paired, its spread optionally pooled with stored runs': log-t-interval.ts).

import { percentileOfSorted } from '../percentile.ts';
import { pairTrialsByIndex } from './pair-trials.ts';
import { createSeededRandom } from '../random/seeded-random.ts';
import { type PooledSpreadSource, pairedLogRatioInterval, welchLogRatioInterval } from './log-t-interval.ts';
import { type RatioInterval, envelopeOf, validateConfidence } from './ratio-interval.ts';
import { drawPooledPercentiles } from './two-stage-bootstrap.ts';

export interface TrialLatencies {
  trial: number;
  /** Ascending. */
  latenciesNs: Float64Array;
}

export interface PercentileRatioRequest {
  numerator: TrialLatencies[];
  denominator: TrialLatencies[];
  /** Pair trials by index (same trial number in both arms); unpaired resamples each arm alone. */
  paired: boolean;
  percentile: number;
  confidence: number;
  seed: number;
  resamples?: number;
  /** Paired only: stored runs' per-trial percentiles whose spread the t-interval pools (log-t-interval.ts). */
  pooledSpreadWith?: PooledSpreadSource;
}

export const DEFAULT_RESAMPLES = 4000;

/** Percentile (ns) of all the trials' latencies pooled. */
export function pooledPercentileNs(trials: TrialLatencies[], percentile: number): number {
  const all = Float64Array.from(trials.flatMap((t) => Array.from(t.latenciesNs))).sort();
  return percentileOfSorted(all, percentile);
}

function quantileOfSorted(sorted: Float64Array, probability: number): number {
  // Linear interpolation between order statistics of the bootstrap replicates.
  const position = probability * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** null when either side has no samples (or, paired, no trial in common). */
export function percentileRatioInterval(request: PercentileRatioRequest): RatioInterval | null {
  const { percentile, confidence, seed, paired } = request;
  validateConfidence(confidence);
  const resamples = request.resamples ?? DEFAULT_RESAMPLES;
  let numerator = request.numerator.filter((t) => t.latenciesNs.length > 0);
  let denominator = request.denominator.filter((t) => t.latenciesNs.length > 0);
  if (paired) [numerator, denominator] = pairTrialsByIndex(numerator, denominator);
  if (numerator.length === 0 || denominator.length === 0) return null;

  const [numDraws, denDraws] = drawPooledPercentiles({
    sides: [numerator.map((t) => t.latenciesNs), denominator.map((t) => t.latenciesNs)],
    paired, percentile, resamples, random: createSeededRandom(seed),
  });
  const ratios = numDraws!.map((draw, b) => draw / denDraws![b]!);
  ratios.sort();
  const alpha = 1 - confidence;
  const bootstrap: RatioInterval = {
    estimate: pooledPercentileNs(numerator, percentile) / pooledPercentileNs(denominator, percentile),
    low: quantileOfSorted(ratios, alpha / 2),
    high: quantileOfSorted(ratios, 1 - alpha / 2),
    level: confidence,
    method: `two-stage bootstrap (trials, then requests${paired ? ', paired by trial' : ''}), ${resamples} resamples, percentile interval`,
  };
  const perTrial = (trials: TrialLatencies[]): number[] => trials.map((t) => percentileOfSorted(t.latenciesNs, percentile));
  const tInterval = paired
    ? pairedLogRatioInterval(perTrial(numerator), perTrial(denominator), confidence, request.pooledSpreadWith)
    : welchLogRatioInterval(perTrial(numerator), perTrial(denominator), confidence);
  return envelopeOf(bootstrap, tInterval);
}
