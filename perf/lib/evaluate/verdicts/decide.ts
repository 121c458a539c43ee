// Turning an interval and a threshold into pass / fail / inconclusive, and saying how much
// more data would probably decide an inconclusive one.

import type { VerdictStatus } from '../../documents/types/evaluation.ts';

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
  trials: number;
  durationMs: number;
}

/** Beyond this many times the data, say the effect is too close to the threshold to resolve. */
const MAX_USEFUL_FACTOR = 25;

/**
 * Intervals narrow roughly with the square root of the data: to shrink the half-width h to
 * the distance g between estimate and threshold needs about (h / g)^2 times the data.
 */
export function recommendMoreData(input: MoreDataInput): string {
  const halfWidth = (input.high - input.low) / 2;
  const gap = Math.abs(input.estimate - input.threshold);
  if (!(gap > 1e-9 * Math.max(1, Math.abs(input.threshold)))) {
    return 'The estimate sits on the threshold: more data narrows the interval but cannot move it off; decide whether the threshold suits this hardware.';
  }
  const factor = (halfWidth / gap) ** 2;
  if (factor > MAX_USEFUL_FACTOR) {
    return `The estimate is too close to the threshold to resolve (about ${Math.round(factor)}x the data would be needed); decide whether the threshold suits this hardware.`;
  }
  // An asymmetric interval can straddle the threshold with factor < 1: ask for at least one more trial's worth.
  const effective = Math.max(factor, 1 + 1 / input.trials);
  const moreTrials = Math.max(1, Math.ceil(input.trials * effective) - input.trials);
  const longerMs = Math.ceil((input.durationMs * effective) / 1000) * 1000;
  return `Run about ${moreTrials} more trial(s) (trials ${input.trials} -> ${input.trials + moreTrials}), or make each trial longer (durationMs ${input.durationMs} -> about ${longerMs}); both assume the interval narrows with the square root of the data, and only more trials shrink run-to-run noise.`;
}
