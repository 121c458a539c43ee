// hp requests of one trial, cut to the measurement window: the raw material for the
// hp statistics and for the P99 confidence intervals of the verdicts.

import type { WorkerResult } from '../../documents/types/worker-result.ts';
import { type MeasurementWindow, workerOffsetToWindowNs } from './measurement-window.ts';
import { sortAscending } from './percentile.ts';

export interface HpTrialSamples {
  trial: number;
  windowNs: number;
  /** Requests scheduled inside [0, windowNs): recorded ones plus those never started. */
  scheduled: number;
  /** Requests with a known finish time. */
  completed: number;
  /** Scheduled inside the window but never started (drain deadline passed) or never finished. */
  notCompleted: number;
  /** Recorded requests whose times are impossible (finished before scheduled/started); left out. */
  malformed: number;
  /**
   * finished - scheduled, ascending (queueing included: coordinated omission stays visible),
   * then +Infinity once per request that never started: it waited longer than any finished
   * request (still unstarted at end + drain), so it ranks above all of them and a percentile
   * that falls among such requests is unbounded (docs/statistics.md 1).
   */
  latenciesNs: Float64Array;
  /** finished - started, ascending. */
  servicesNs: Float64Array;
  /** Latest finish among completed requests, relative to the window start (0 if none). */
  lastFinishNs: number;
}

function isWellFormed(scheduled: number, started: number, finished: number): boolean {
  return [scheduled, started, finished].every(Number.isFinite) && started >= scheduled && finished >= started;
}

export function extractHpSamples(result: WorkerResult, window: MeasurementWindow, trial: number): HpTrialSamples {
  const offsetNs = workerOffsetToWindowNs(result, window);
  const latencies: number[] = [];
  const services: number[] = [];
  let scheduled = 0;
  let malformed = 0;
  let lastFinishNs = 0;
  for (const [scheduledRel, startedRel, finishedRel] of result.requests ?? []) {
    const scheduledNs = scheduledRel + offsetNs;
    if (scheduledNs < 0 || scheduledNs >= window.durationNs) continue;
    scheduled++;
    if (!isWellFormed(scheduledRel, startedRel, finishedRel)) {
      malformed++;
      continue;
    }
    latencies.push(finishedRel - scheduledRel);
    services.push(finishedRel - startedRel);
    lastFinishNs = Math.max(lastFinishNs, finishedRel + offsetNs);
  }
  // The worker counts only requests scheduled before endNs as unstarted, so all are in the window.
  const unstarted = result.unstartedRequests ?? 0;
  scheduled += unstarted;
  const completed = latencies.length;
  for (let i = 0; i < unstarted; i++) latencies.push(Number.POSITIVE_INFINITY);
  return {
    trial,
    windowNs: window.durationNs,
    scheduled,
    completed,
    notCompleted: unstarted + malformed,
    malformed,
    latenciesNs: sortAscending(latencies),
    servicesNs: sortAscending(services),
    lastFinishNs,
  };
}

/**
 * Achieved rate: completed requests (of those scheduled in the window) per second of the
 * span from the window start to max(window end, last of them finishing). A worker that keeps
 * up finishes its last request within the window (or one latency after it) and achieves the
 * offered rate; one that falls behind stretches the span to its real service rate. Requests
 * that never completed count as not achieved.
 */
export function achievedRateHz(samples: Pick<HpTrialSamples, 'completed' | 'windowNs' | 'lastFinishNs'>): number {
  const spanNs = Math.max(samples.windowNs, samples.lastFinishNs);
  return spanNs > 0 ? samples.completed / (spanNs / 1e9) : 0;
}
