// Turning an interval and a threshold into pass / fail / inconclusive, and saying how much
// more data would probably decide an inconclusive one.

import type { VerdictStatus } from '../../documents/types/evaluation.ts';
import { studentTQuantile } from '../stats/distributions/student-t.ts';

export type Direction = 'at-least' | 'at-most';

/**
 * at-least: the quantity must be >= threshold; pass when the whole interval is, fail when
 * the whole interval is below. at-most: mirrored. Otherwise inconclusive.
 */
export function decideAgainstThreshold(interval: { low: number; high: number }, threshold: number, direction: Direction): VerdictStatus {
  if (direction === 'at-least') {
    if (interval.low >= threshold) return 'pass';
    if (interval.high < threshold) return 'fail';
    return 'inconclusive';
  }
  if (interval.high <= threshold) return 'pass';
  if (interval.low > threshold) return 'fail';
  return 'inconclusive';
}

export interface MoreDataInput {
  estimate: number;
  low: number;
  high: number;
  threshold: number;
  /** Trials (or paired trials) behind the interval. */
  trials: number;
  /** Two-sided level of the interval. */
  confidence: number;
  /** Degrees of freedom the spread has beyond trials - 1 (pooled from stored runs' trials: lp-throughput-loss.ts, hp-p99-improvement.ts). */
  extraDegreesOfFreedom?: number;
  /** The rule's direction: with it, the advice says which way more trials would decide. */
  direction?: Direction;
}

/** "a pass" or "a fail": where an interval narrowed around `estimate` would land. */
function leaning(estimate: number, threshold: number, direction: Direction): string {
  return (direction === 'at-least') === estimate > threshold ? 'a pass' : 'a fail';
}

/** The advice names at most this many trials; beyond it, it says more trials will not do. */
const MAX_TRIALS = 50;
const LONGER_NOTE = 'Longer trials are no substitute: they change the workload (a stored baseline of another length is not compared) and do not shrink run-to-run noise.';

/**
 * For a t-interval over trials, half-width = t(n-1+extra) s / sqrt(n). Taking s from this
 * interval's half-width on the threshold's side, the smallest n whose half-width falls
 * below the distance between estimate and threshold is the trial count that would decide,
 * if the trials spread as these did.
 */
export function recommendMoreData(input: MoreDataInput): string {
  const { estimate, threshold, trials, confidence } = input;
  const gap = Math.abs(estimate - threshold);
  if (!(gap > 1e-9 * Math.max(1, Math.abs(threshold)))) {
    return 'The estimate sits on the threshold: more data narrows the interval but cannot move it off; decide whether the threshold suits this hardware.';
  }
  if (trials < 2) {
    return `With ${trials} trial the interval holds within-trial noise only: run 3 or more trials (PERF_TRIALS), so run-to-run noise is measured, before reading this verdict. ${LONGER_NOTE}`;
  }
  const halfWidth = threshold < estimate ? estimate - input.low : input.high - estimate;
  const extra = input.extraDegreesOfFreedom ?? 0;
  const quantile = (n: number): number => studentTQuantile((1 + confidence) / 2, n - 1 + extra);
  const spread = (halfWidth * Math.sqrt(trials)) / quantile(trials);
  for (let n = trials + 1; n <= MAX_TRIALS; n++) {
    if ((quantile(n) * spread) / Math.sqrt(n) < gap) {
      const side = input.direction === undefined ? '' : `, deciding it as ${leaning(estimate, threshold, input.direction)} if the estimate stays where it is`;
      return `Run ${n} trials (PERF_TRIALS=${n}, or "trials": ${n} in the config file; now ${trials}): if the trials spread as much as these did, the interval then excludes the threshold${side}. ${LONGER_NOTE}`;
    }
  }
  return `The estimate is too close to the threshold for ${MAX_TRIALS} trials to decide (it is ${Math.round(gap * 1000) / 1000} from it, the interval reaches ${Math.round(halfWidth * 1000) / 1000} to that side); decide whether the threshold suits this hardware.`;
}
