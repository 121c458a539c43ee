// The one stop routine for every child the suite starts (workers, xserver, MPS
// daemon): politely first, each signal with its own grace period before the next,
// stronger one; SIGKILL ends the list. Grace periods are options, so tests run fast.

import type { ChildProcess } from 'node:child_process';
import { signalProcessGroup } from './process-groups.ts';

export interface StopStep {
  signal: NodeJS.Signals;
  graceMs: number;
}

export interface StopOptions {
  /** Signals to try before SIGKILL, in order (e.g. SIGINT, then SIGTERM). */
  steps: readonly StopStep[];
  /** How long to wait for the exit after SIGKILL. Default 5000. */
  killWaitMs?: number;
  /** Signal the child's whole process group (it was spawned detached), not only the child. */
  group?: boolean;
}

export interface StopOutcome {
  /** The signal that ended it (the last one sent), null if it had already exited. */
  lastSignalSent: NodeJS.Signals | null;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
}

/** Validates grace periods where they enter: a stop must end, so each one is finite. */
export function checkGraceMs(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 600_000) {
    throw new TypeError(`${name} must be an integer number of milliseconds from 0 to 600000, got ${JSON.stringify(value)}`);
  }
  return value;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when the child has exited (at once if it already has), or false after timeoutMs. */
export function waitForChildExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
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

function send(child: ChildProcess, signal: NodeJS.Signals, group: boolean): void {
  try {
    if (group) signalProcessGroup(child.pid as number, signal);
    else child.kill(signal);
  } catch {
    // ESRCH or EPERM: it exited between the check and the signal.
  }
}

export async function stopProcess(child: ChildProcess, options: StopOptions): Promise<StopOutcome> {
  let lastSignalSent: NodeJS.Signals | null = null;
  const group = options.group ?? false;
  // A child that never started (spawn failed) has no pid and will not emit 'exit'.
  if (child.pid === undefined) return { lastSignalSent, exitCode: child.exitCode, exitSignal: child.signalCode };
  for (const step of [...options.steps, { signal: 'SIGKILL' as const, graceMs: options.killWaitMs ?? 5_000 }]) {
    if (hasExited(child)) break;
    send(child, step.signal, group);
    lastSignalSent = step.signal;
    if (await waitForChildExit(child, step.graceMs)) break;
  }
  // The leader is gone; members of its group may not be.
  if (group) send(child, 'SIGKILL', true);
  return { lastSignalSent, exitCode: child.exitCode, exitSignal: child.signalCode };
}
