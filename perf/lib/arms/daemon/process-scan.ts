// Finds processes by executable name in /proc, so a daemon someone else started
// (an xserver, an MPS control daemon) is reported instead of silently shared.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface ProcessSighting {
  pid: number;
  /** The kernel's short name (at most 15 characters). */
  comm: string;
  /** Command line, arguments joined by spaces. */
  cmdline: string;
}

/** The kernel keeps only the first 15 characters of an executable's name in comm. */
const COMM_LENGTH = 15;

function readProcText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process exited while we looked, or is not ours to read
  }
}

/**
 * Processes whose executable name (comm, or the file name of argv[0]) is one of `names`.
 * `procRoot` is '/proc' outside tests; where there is no /proc (not Linux) the answer is [].
 */
export function findProcessesNamed(names: readonly string[], options: { procRoot?: string } = {}): ProcessSighting[] {
  const procRoot = options.procRoot ?? '/proc';
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  const shortNames = new Set(names.map((name) => name.slice(0, COMM_LENGTH)));
  const fullNames = new Set(names);
  const found: ProcessSighting[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const comm = (readProcText(join(procRoot, entry, 'comm')) ?? '').trim();
    const argv = (readProcText(join(procRoot, entry, 'cmdline')) ?? '').split('\0').filter((arg) => arg !== '');
    const argv0 = argv[0] ? basename(argv[0]) : '';
    if (shortNames.has(comm) || fullNames.has(argv0)) found.push({ pid, comm, cmdline: argv.join(' ') });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** Processes (of this user: environ is private) whose environment has `name=value` exactly. */
export function findProcessesWithEnv(name: string, value: string, options: { procRoot?: string } = {}): ProcessSighting[] {
  const procRoot = options.procRoot ?? '/proc';
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  const wanted = `${name}=${value}`;
  const found: ProcessSighting[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environ = readProcText(join(procRoot, entry, 'environ'));
    if (environ === null || !environ.split('\0').includes(wanted)) continue;
    const comm = (readProcText(join(procRoot, entry, 'comm')) ?? '').trim();
    const cmdline = (readProcText(join(procRoot, entry, 'cmdline')) ?? '').split('\0').filter((arg) => arg !== '').join(' ');
    found.push({ pid: Number(entry), comm, cmdline });
  }
  return found.sort((a, b) => a.pid - b.pid);
}
