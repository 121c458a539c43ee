// HpStats / LpStats (the shared evaluation types) from extracted samples, per trial and merged.

import type { HpStats, LpStats } from '../../documents/types/evaluation.ts';
import { type HpTrialSamples, achievedRateHz } from './hp-samples.ts';
import type { LpTrialSamples } from './lp-samples.ts';
import { encodeLatenciesNsAsHistogram } from '../../documents/encoding/latency-histogram.ts';
import { sortAscending, summarizeNsAsMs } from './percentile.ts';

export function summarizeHpTrial(samples: HpTrialSamples, targetRateHz: number): HpStats {
  return {
    targetRateHz,
    scheduled: samples.scheduled,
    completed: samples.completed,
    achievedRateHz: achievedRateHz(samples),
    latencyMs: summarizeNsAsMs(samples.latenciesNs),
    serviceMs: summarizeNsAsMs(samples.servicesNs),
    histogram: encodeLatenciesNsAsHistogram(samples.latenciesNs),
  };
}

function concatSorted(arrays: Float64Array[]): Float64Array {
  const all: number[] = [];
  for (const array of arrays) for (const value of array) all.push(value);
  return sortAscending(all);
}

/** All trials' requests pooled; achieved rate is total completed over total span. */
export function mergeHpTrials(trials: HpTrialSamples[], targetRateHz: number): HpStats | null {
  if (trials.length === 0) return null;
  let spanSeconds = 0;
  for (const t of trials) spanSeconds += Math.max(t.windowNs, t.lastFinishNs) / 1e9;
  const completed = trials.reduce((sum, t) => sum + t.completed, 0);
  const latencies = concatSorted(trials.map((t) => t.latenciesNs));
  return {
    targetRateHz,
    scheduled: trials.reduce((sum, t) => sum + t.scheduled, 0),
    completed,
    achievedRateHz: spanSeconds > 0 ? completed / spanSeconds : 0,
    latencyMs: summarizeNsAsMs(latencies),
    serviceMs: summarizeNsAsMs(concatSorted(trials.map((t) => t.servicesNs))),
    histogram: encodeLatenciesNsAsHistogram(latencies),
  };
}

export function summarizeLpTrial(samples: LpTrialSamples): LpStats {
  return {
    batch: samples.batch,
    iterations: samples.iterations,
    iterPerSec: samples.iterPerSec,
    imagesPerSec: samples.iterPerSec * samples.batch,
    iterationMs: summarizeNsAsMs(samples.durationsNs),
  };
}

/** Iterations summed; throughput is the mean of the trials' throughputs (equal windows weigh equally). */
export function mergeLpTrials(trials: LpTrialSamples[]): LpStats | null {
  const first = trials[0];
  if (first === undefined) return null;
  const iterPerSec = trials.reduce((sum, t) => sum + t.iterPerSec, 0) / trials.length;
  return {
    batch: first.batch,
    iterations: trials.reduce((sum, t) => sum + t.iterations, 0),
    iterPerSec,
    imagesPerSec: iterPerSec * first.batch,
    iterationMs: summarizeNsAsMs(concatSorted(trials.map((t) => t.durationsNs))),
  };
}
