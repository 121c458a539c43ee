// Confidence interval for the ratio of lp throughput (iterations per second) between two
// sets of trials. With 2 or more trials per side: t-interval on log throughput over trials
// (paired by trial index when interleaved; the paired spread optionally pooled with other
// runs' paired trials, each around its own mean: log-t-interval.ts). With a single trial on a side the only noise
// measure left is within the trial: the spread of iteration durations (delta method,
// var(ln rate) ~ CV^2 / n), which ignores run-to-run variation; the method text says so.

import { normalQuantile } from '../distributions/normal.ts';
import type { LpTrialSamples } from '../lp-samples.ts';
import { type PooledSpreadSource, pairedLogRatioInterval, welchLogRatioInterval } from './log-t-interval.ts';
import { pairTrialsByIndex } from './pair-trials.ts';
import { type RatioInterval, validateConfidence } from './ratio-interval.ts';

export type ThroughputTrial = Pick<LpTrialSamples, 'trial' | 'iterPerSec' | 'durationsNs'>;

function logRateVariance(trial: ThroughputTrial): number | null {
  const n = trial.durationsNs.length;
  if (n < 2) return null;
  let sum = 0;
  for (const d of trial.durationsNs) sum += d;
  const mean = sum / n;
  let squares = 0;
  for (const d of trial.durationsNs) squares += (d - mean) ** 2;
  return mean > 0 ? squares / (n - 1) / mean ** 2 / n : null;
}

function withinTrialInterval(a: ThroughputTrial, b: ThroughputTrial, confidence: number): RatioInterval | null {
  const va = logRateVariance(a);
  const vb = logRateVariance(b);
  if (va === null || vb === null || !(a.iterPerSec > 0) || !(b.iterPerSec > 0)) return null;
  const center = Math.log(a.iterPerSec / b.iterPerSec);
  const halfWidth = normalQuantile((1 + confidence) / 2) * Math.sqrt(va + vb);
  return {
    estimate: Math.exp(center),
    low: Math.exp(center - halfWidth),
    high: Math.exp(center + halfWidth),
    level: confidence,
    method: 'within one trial only: normal interval from iteration-duration spread (run-to-run noise not measured)',
  };
}

export function throughputRatioInterval(
  numerator: ThroughputTrial[],
  denominator: ThroughputTrial[],
  options: { paired: boolean; confidence: number; pooledSpreadWith?: PooledSpreadSource },
): RatioInterval | null {
  validateConfidence(options.confidence);
  let a = numerator;
  let b = denominator;
  if (options.paired) [a, b] = pairTrialsByIndex(a, b);
  if (a.length === 0 || b.length === 0) return null;
  if (a.length >= 2 && b.length >= 2) {
    const rates = (trials: ThroughputTrial[]): number[] => trials.map((t) => t.iterPerSec);
    return options.paired
      ? pairedLogRatioInterval(rates(a), rates(b), options.confidence, options.pooledSpreadWith)
      : welchLogRatioInterval(rates(a), rates(b), options.confidence);
  }
  if (a.length === 1 && b.length === 1) return withinTrialInterval(a[0]!, b[0]!, options.confidence);
  return null;
}
