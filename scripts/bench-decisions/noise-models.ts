// How the benchmark draws a simulated run from recorded ones, each with a seeded PRNG
// (perf/lib/evaluate/stats/random/): per-trial values by resampling recorded trials (their
// log residuals around their run's mean), hp P99 from raw latencies by resampling a recorded
// trial's requests, and the shift between two runs' levels by drawing a difference of two
// recorded run means of the same configuration.

import { normalQuantile } from '../../perf/lib/evaluate/stats/distributions/normal.ts';
import type { SeededRandom } from '../../perf/lib/evaluate/stats/random/seeded-random.ts';

const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

/**
 * Log residuals of each run's trials around that run's mean log, scaled by sqrt(n / (n - 1))
 * so that their spread estimates the trial-to-trial SD without the small-sample shrinkage.
 * Runs of one trial carry no residual.
 */
export function logResiduals(runs: number[][]): number[] {
  return runs.flatMap((values) => {
    if (values.length < 2) return [];
    const logs = values.map(Math.log);
    const m = mean(logs);
    const scale = Math.sqrt(values.length / (values.length - 1));
    return logs.map((v) => (v - m) * scale);
  });
}

/** Every ordered difference m_i - m_j (i != j) of the runs' mean logs. */
export function runMeanDifferences(runMeanLogs: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < runMeanLogs.length; i++) {
    for (let j = 0; j < runMeanLogs.length; j++) if (i !== j) out.push(runMeanLogs[i]! - runMeanLogs[j]!);
  }
  return out;
}

export function pick<T>(random: SeededRandom, values: readonly T[]): T {
  if (values.length === 0) throw new RangeError('pick needs at least one value');
  return values[random.nextIntBelow(values.length)]!;
}

/** n per-trial values around `levelLog` (a mean log), each with a resampled residual. */
export function drawTrialValues(random: SeededRandom, levelLog: number, residuals: number[], n: number): number[] {
  return Array.from({ length: n }, () => Math.exp(levelLog + (residuals.length > 0 ? pick(random, residuals) : 0)));
}

/**
 * A simulated trial of raw latencies: one recorded trial chosen at random, its requests
 * drawn with replacement (as many as it has), times `scale`; ascending.
 */
export function resampleTrialLatencies(random: SeededRandom, trials: Float64Array[], scale: number): Float64Array {
  const source = pick(random, trials);
  const out = new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = source[random.nextIntBelow(source.length)]! * scale;
  return out.sort();
}

/** The SD of log(iterations per second) across recorded trials (n - 1 in the denominator); 0 for one trial. */
export function trialLogRateSd(trials: Float64Array[]): number {
  const logRates = trials.map((durationsNs) => -Math.log(durationsNs.reduce((s, d) => s + d, 0) / durationsNs.length));
  if (logRates.length < 2) return 0;
  const m = mean(logRates);
  return Math.sqrt(logRates.reduce((s, v) => s + (v - m) ** 2, 0) / (logRates.length - 1));
}

/**
 * A simulated lp trial, as a smoothed bootstrap: a recorded trial's iteration durations drawn
 * with replacement, times `scale`, times a log-normal factor of SD `jitterLogSd` (the recorded
 * trials' own spread, trialLogRateSd). Without the factor a simulated trial is one of the few
 * recorded trials (their iterations vary far less than the trials do), a population of a few
 * points on which no interval built from three trials holds its level.
 */
export function resampleIterationDurations(random: SeededRandom, trials: Float64Array[], scale: number, jitterLogSd: number): Float64Array {
  const jitter = jitterLogSd > 0 ? Math.exp(jitterLogSd * normalQuantile(random.nextOpen01())) : 1;
  return resampleTrialLatencies(random, trials, scale * jitter);
}
