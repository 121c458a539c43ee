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
// The same holds for the IPC channel: Vitest's fork calls process.exit(1) on the first
// 'error' event with ERR_IPC_CHANNEL_CLOSED or EPIPE (its onError in
// node_modules/vitest/dist/chunks/init-forks.*.js), and any message it sends after the main
// process died (a task update, a console line) raises one, often before 'disconnect' is seen.
// While listening, those errors mean "the parent is gone" (stop and save); any other process
// 'error' goes to the listeners that were there before, which are restored on dispose.

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

const CLOSED_CHANNEL_CODES = new Set(['ERR_IPC_CHANNEL_CLOSED', 'EPIPE']);

/** Replaces process 'error' listeners with one that turns a closed IPC channel into `onClosed`; returns the restorer. */
function interceptClosedChannel(onClosed: (code: string) => void): () => void {
  // Node's types name no 'error' event on process; node:internal/child_process emits it on IPC failures.
  const events: NodeJS.EventEmitter = process;
  const previous = events.listeners('error') as Array<(error: unknown) => void>;
  events.removeAllListeners('error');
  const onError = (error: NodeJS.ErrnoException): void => {
    if (error?.code !== undefined && CLOSED_CHANNEL_CODES.has(error.code)) return onClosed(error.code);
    if (previous.length === 0) throw error;
    for (const listener of previous) listener.call(process, error);
  };
  events.on('error', onError);
  return () => {
    events.off('error', onError);
    for (const listener of previous) events.on('error', listener);
  };
}

export function listenForStops(abort: AbortController): StopTriggers {
  let parentGone = false;
  process.stdout.on('error', absorbClosedPipe);
  process.stderr.on('error', absorbClosedPipe);
  const restoreErrorListeners = interceptClosedChannel((code) => {
    parentGone = true;
    if (!abort.signal.aborted) abort.abort(new Error(`the parent process is gone (a message to it failed with ${code})`));
  });
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
      restoreErrorListeners();
      stopWatching();
    },
  };
}
