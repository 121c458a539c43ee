// Stops a child process we started, politely first: each signal gets its own grace
// period before the next, stronger one; SIGKILL ends the list.

import type { ChildProcess } from 'node:child_process';

export interface StopStep {
  signal: NodeJS.Signals;
  graceMs: number;
}

export interface StopOutcome {
  /** The signal that ended it (the last one sent), null if it had already exited. */
  lastSignalSent: NodeJS.Signals | null;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
}

/** Resolves when the child has exited (at once if it already has), or false after timeoutMs. */
export function waitForChildExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export async function stopChildProcess(child: ChildProcess, steps: readonly StopStep[]): Promise<StopOutcome> {
  let lastSignalSent: NodeJS.Signals | null = null;
  // A child that never started (spawn failed) has no pid and will not emit 'exit'.
  if (child.pid === undefined) return { lastSignalSent, exitCode: child.exitCode, exitSignal: child.signalCode };
  for (const step of [...steps, { signal: 'SIGKILL' as const, graceMs: 5_000 }]) {
    if (await waitForChildExit(child, 0)) break;
    try {
      child.kill(step.signal);
      lastSignalSent = step.signal;
    } catch {
      // ESRCH: it exited between the check and the signal.
    }
    if (await waitForChildExit(child, step.graceMs)) break;
  }
  return { lastSignalSent, exitCode: child.exitCode, exitSignal: child.signalCode };
}
