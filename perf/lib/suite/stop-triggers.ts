// What stops a running scenario: SIGINT or SIGTERM to this process (a Ctrl-C at the
// terminal reaches the whole process group; GitHub Actions' cancel sends SIGINT, then
// SIGTERM, then SIGKILL), or the death of the parent (the Vitest main process) that a
// signal ended alone. Each aborts the scenario's AbortController once; repeated
// signals are absorbed, so a second Ctrl-C does not kill the process half-way through
// stopping its workers and writing run.json (docs/orchestration.md, "Stops").
// The fork's stdout and stderr are pipes to the Vitest main process: once that is gone, the
// progress lines the stop prints fail with EPIPE, which unhandled kills the fork before it
// saves run.json (seen in test/unit/stops/vitest-stops.test.ts on a loaded machine). EPIPE on
// them is therefore absorbed while a run listens for stops: nobody is left to read.

import { watchParent } from '../process/parent-watch.ts';

export interface StopTriggers {
  /** True once the parent is gone: nobody is left to report to, the process should exit after saving. */
  readonly parentGone: boolean;
  dispose(): void;
}

/** An 'error' listener for stdout and stderr: EPIPE means the reader is gone; anything else is thrown as before. */
function absorbClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

export function listenForStops(abort: AbortController): StopTriggers {
  let parentGone = false;
  process.stdout.on('error', absorbClosedPipe);
  process.stderr.on('error', absorbClosedPipe);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!abort.signal.aborted) abort.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stopWatching = watchParent((reason) => {
    parentGone = true;
    if (!abort.signal.aborted) abort.abort(new Error(reason));
  });
  return {
    get parentGone() {
      return parentGone;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.stdout.off('error', absorbClosedPipe);
      process.stderr.off('error', absorbClosedPipe);
      stopWatching();
    },
  };
}
