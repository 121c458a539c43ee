// Is a pid in the host lock still the process the lock names? A pid is reused after
// its process exits, so a live pid alone proves nothing: its command line
// (/proc/<pid>/cmdline) must be the suite's recorded one, or an xserver's serving the
// recorded port, before the lock is honoured or anyone is told to kill it.

import { readFileSync } from 'node:fs';
import { isProcessAlive } from '../../process/daemon/process-alive.ts';

/** The arguments of `pid`, or null when it is gone or unreadable. */
export function commandLineOf(pid: number, procRoot = '/proc'): string[] | null {
  try {
    const raw = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((arg, i, all) => arg !== '' || i < all.length - 1);
  } catch {
    return null;
  }
}

/** The suite process that took the lock, recognised by its whole command line. */
export function isSameSuiteProcess(pid: number, recordedCommand: readonly string[]): boolean {
  if (!isProcessAlive(pid)) return false;
  const now = commandLineOf(pid);
  return now !== null && now.length === recordedCommand.length && now.every((arg, i) => arg === recordedCommand[i]);
}

/** `xserver <policy> <port>` (or a wrapper of it) serving `port`. */
export function isXserverOnPort(pid: number, port: number | null): boolean {
  if (port === null || !isProcessAlive(pid)) return false;
  const args = commandLineOf(pid);
  return args !== null && args.at(-1) === String(port) && args.some((arg) => arg.includes('xserver'));
}
