// lp iterations of one trial, cut to the measurement window with the edges pro-rated.

import type { WorkerResult } from '../../documents/types/worker-result.ts';
import { type MeasurementWindow, workerOffsetToWindowNs } from './measurement-window.ts';
import { sortAscending } from './percentile.ts';

export interface LpTrialSamples {
  trial: number;
  windowNs: number;
  batch: number;
  /**
   * Iterations inside the window: each counts by the fraction of its duration inside
   * [0, windowNs], so the one running across endNs counts partly.
   */
  iterations: number;
  iterPerSec: number;
  /** Durations of the iterations that overlap the window, ascending. */
  durationsNs: Float64Array;
  /** Union of iteration intervals inside the window (how long lp was busy in it). */
  coveredNs: number;
  malformed: number;
}

export function extractLpSamples(result: WorkerResult, window: MeasurementWindow, trial: number): LpTrialSamples {
  const offsetNs = workerOffsetToWindowNs(result, window);
  const windowNs = window.durationNs;
  let iterations = 0;
  let malformed = 0;
  let coveredNs = 0;
  let coveredUntilNs = 0;
  const durations: number[] = [];
  const ordered = [...(result.iterations ?? [])].sort((a, b) => a[0] - b[0]);
  for (const [startRel, endRel] of ordered) {
    if (!Number.isFinite(startRel) || !Number.isFinite(endRel) || endRel < startRel) {
      malformed++;
      continue;
    }
    const startNs = startRel + offsetNs;
    const endNs = endRel + offsetNs;
    const insideStart = Math.max(0, startNs);
    const insideEnd = Math.min(windowNs, endNs);
    if (insideEnd <= insideStart) continue;
    const durationNs = endNs - startNs;
    // A zero-length iteration inside the window counts whole (it cannot be split).
    iterations += durationNs > 0 ? (insideEnd - insideStart) / durationNs : 1;
    durations.push(durationNs);
    const newStart = Math.max(insideStart, coveredUntilNs);
    if (insideEnd > newStart) coveredNs += insideEnd - newStart;
    coveredUntilNs = Math.max(coveredUntilNs, insideEnd);
  }
  return {
    trial,
    windowNs,
    batch: result.options.batch,
    iterations,
    iterPerSec: iterations / (windowNs / 1e9),
    durationsNs: sortAscending(durations),
    coveredNs,
    malformed,
  };
}
