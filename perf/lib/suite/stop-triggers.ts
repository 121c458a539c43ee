// What stops a running scenario: SIGINT or SIGTERM to this process (a Ctrl-C at the
// terminal reaches the whole process group; GitHub Actions' cancel sends SIGINT, then
// SIGTERM, then SIGKILL), or the death of the parent (the Vitest main process) that a
// signal ended alone. Each aborts the scenario's AbortController once; repeated
// signals are absorbed, so a second Ctrl-C does not kill the process half-way through
// stopping its workers and writing run.json (docs/orchestration.md, "Stops").

import { watchParent } from '../process/parent-watch.ts';

export interface StopTriggers {
  /** True once the parent is gone: nobody is left to report to, the process should exit after saving. */
  readonly parentGone: boolean;
  dispose(): void;
}

export function listenForStops(abort: AbortController): StopTriggers {
  let parentGone = false;
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
      stopWatching();
    },
  };
}
