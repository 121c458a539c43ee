// What one arm-trial needs from the scenario run: options, the scenario session,
// where to write, and how to report.

import type { ProgressEvent, ScenarioSession } from '../../documents/types/arm-setup.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { ResolvedRunOptions } from './run-options.ts';

export interface ArmTrialContext {
  options: ResolvedRunOptions;
  scenarioSession: ScenarioSession;
  arm: ArmName;
  trial: number;
  logDir: string;
  resultDir: string;
  /** Adds a line to the run record's notes (failures of provider hooks that have no other place). */
  note(line: string): void;
  emit(event: ProgressEvent): void;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves with the promise, or with undefined as soon as the signal aborts. */
export async function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return undefined;
  let onAbort = (): void => {};
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
