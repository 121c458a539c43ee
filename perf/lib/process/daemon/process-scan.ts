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

/** The pids under `procRoot`, this process left out; none where it cannot be read. */
function listOtherPids(procRoot: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => pid !== process.pid);
}

/**
 * A zombie has exited and holds nothing (no GPU context, no socket); where nobody reaps
 * daemons (a container whose init does not), the suite's own stopped MPS control daemon stays
 * one, and a later scenario in the same process must not take it for a running daemon.
 * /proc/<pid>/stat: "pid (comm) state ..."; comm may hold spaces and parentheses.
 */
function isZombieAt(procRoot: string, entry: string): boolean {
  const stat = readProcText(join(procRoot, entry, 'stat'));
  if (stat === null) return false;
  const end = stat.lastIndexOf(')');
  return end >= 0 && stat.slice(end + 2, end + 3) === 'Z';
}

/**
 * Live processes whose executable name (comm, or the file name of argv[0]) is one of `names`.
 * `procRoot` is '/proc' outside tests; where there is no /proc (not Linux) the answer is [].
 */
export function findProcessesNamed(names: readonly string[], options: { procRoot?: string } = {}): ProcessSighting[] {
  const procRoot = options.procRoot ?? '/proc';
  const shortNames = new Set(names.map((name) => name.slice(0, COMM_LENGTH)));
  const fullNames = new Set(names);
  const found: ProcessSighting[] = [];
  for (const pid of listOtherPids(procRoot)) {
    const entry = String(pid);
    const comm = (readProcText(join(procRoot, entry, 'comm')) ?? '').trim();
    const argv = (readProcText(join(procRoot, entry, 'cmdline')) ?? '').split('\0').filter((arg) => arg !== '');
    const argv0 = argv[0] ? basename(argv[0]) : '';
    if ((shortNames.has(comm) || fullNames.has(argv0)) && !isZombieAt(procRoot, entry)) found.push({ pid, comm, cmdline: argv.join(' ') });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** Processes (of this user: environ is private) whose environment has `name=value` exactly. */
export function findProcessesWithEnv(name: string, value: string, options: { procRoot?: string } = {}): ProcessSighting[] {
  const procRoot = options.procRoot ?? '/proc';
  const wanted = `${name}=${value}`;
  const found: ProcessSighting[] = [];
  for (const pid of listOtherPids(procRoot)) {
    const entry = String(pid);
    const environ = readProcText(join(procRoot, entry, 'environ'));
    if (environ === null || !environ.split('\0').includes(wanted)) continue;
    const comm = (readProcText(join(procRoot, entry, 'comm')) ?? '').trim();
    const cmdline = (readProcText(join(procRoot, entry, 'cmdline')) ?? '').split('\0').filter((arg) => arg !== '').join(' ');
    found.push({ pid, comm, cmdline });
  }
  return found.sort((a, b) => a.pid - b.pid);
}
