// The measurement window of one arm-trial: [startNs, endNs] handed to every worker.
// Worker times are offsets from the worker's own startNs; they are shifted onto the window
// so a worker that (against the protocol) used another start instant is still measured right.

import type { ArmTrialRecord } from '../../documents/types/run-record.ts';
import type { WorkerResult } from '../../documents/types/worker-result.ts';

export interface MeasurementWindow {
  startNs: bigint;
  endNs: bigint;
  /** endNs - startNs; exact as a JS number for any window under 104 days. */
  durationNs: number;
}

function parseInstantNs(text: string, what: string): bigint {
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be a decimal nanosecond string, received ${JSON.stringify(text)}`);
  return BigInt(text);
}

/** The window of a trial, or null when the trial never got start/end instants (skipped, aborted). */
export function resolveMeasurementWindow(trial: ArmTrialRecord): MeasurementWindow | null {
  if (trial.startNs === null || trial.endNs === null) return null;
  const where = `arm ${trial.arm} trial ${trial.trial}`;
  const startNs = parseInstantNs(trial.startNs, `${where} startNs`);
  const endNs = parseInstantNs(trial.endNs, `${where} endNs`);
  if (endNs <= startNs) {
    throw new Error(`${where}: endNs ${trial.endNs} is not after startNs ${trial.startNs}; the record is corrupt`);
  }
  return { startNs, endNs, durationNs: Number(endNs - startNs) };
}

/** Add this to a worker's relative times to make them relative to the window start. */
export function workerOffsetToWindowNs(result: WorkerResult, window: MeasurementWindow): number {
  return Number(parseInstantNs(result.startNs, 'worker result startNs') - window.startNs);
}
