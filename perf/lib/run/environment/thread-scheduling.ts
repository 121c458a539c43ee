// How the kernel scheduled a worker's threads while it measured: per thread, context switches
// (/proc/<pid>/task/<tid>/status) and the time spent runnable but waiting for a CPU (run_delay,
// the second field of .../schedstat). XSched's shim threads run inside the workers, and its hp
// tail spread five times as far between trials when busy loops shared the workers' CPUs
// (docs/gpu-results.md section 22), so every trial records this as evidence.
// Counts are kept per thread: a thread that exits takes its counts with it, so summing per
// process would subtract its whole lifetime; per thread, the window only loses its part.

import { readFile, readdir } from 'node:fs/promises';
import type { WorkerScheduling } from '../../documents/types/environment.ts';

export interface ThreadCounters {
  voluntarySwitches: number;
  involuntarySwitches: number;
  /** Nanoseconds runnable but not running; null where the kernel keeps no schedstat. */
  runDelayNs: number | null;
}

/** Per thread id, the counters of one process at one instant. */
export type ProcessCounters = Map<string, ThreadCounters>;

/** The two switch counters of a status text, or null when either line is missing (man 5 proc). */
export function parseSwitches(status: string): { voluntary: number; involuntary: number } | null {
  const read = (name: string): number | null => {
    const match = new RegExp(`^${name}:\\s*(\\d+)\\s*$`, 'm').exec(status);
    return match === null ? null : Number(match[1]);
  };
  const voluntary = read('voluntary_ctxt_switches');
  const involuntary = read('nonvoluntary_ctxt_switches');
  return voluntary === null || involuntary === null ? null : { voluntary, involuntary };
}

/** run_delay in ns from a schedstat text ("<on cpu ns> <run delay ns> <timeslices>"), or null. */
export function parseRunDelayNs(schedstat: string): number | null {
  const field = schedstat.trim().split(/\s+/)[1];
  return field !== undefined && /^\d+$/.test(field) ? Number(field) : null;
}

/** Every readable thread of `pid`; null when the process is gone. A thread whose status cannot
 * be read or parsed (it exited meanwhile) is left out of this reading. */
export async function readProcessCounters(pid: number, procRoot = '/proc'): Promise<ProcessCounters | null> {
  const tids = await readdir(`${procRoot}/${pid}/task`).catch(() => null);
  if (tids === null) return null;
  const counters: ProcessCounters = new Map();
  for (const tid of tids) {
    const status = await readFile(`${procRoot}/${pid}/task/${tid}/status`, 'utf8').catch(() => null);
    const switches = status === null ? null : parseSwitches(status);
    if (switches === null) continue;
    const schedstat = await readFile(`${procRoot}/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => null);
    counters.set(tid, { voluntarySwitches: switches.voluntary, involuntarySwitches: switches.involuntary, runDelayNs: schedstat === null ? null : parseRunDelayNs(schedstat) });
  }
  return counters;
}

export interface TimedCounters {
  atMs: number;
  counters: ProcessCounters;
}

/**
 * Rates between two readings of one process: over the threads of the last reading, what each
 * added since the first (a thread born in between counts from 0; one that exited is left out,
 * so the rates can only undercount). CPU wait is null unless every thread counted has it.
 */
export function schedulingWindow(pid: number, first: TimedCounters, last: TimedCounters): WorkerScheduling | null {
  const windowMs = last.atMs - first.atMs;
  if (windowMs <= 0) return null;
  let voluntary = 0;
  let involuntary = 0;
  let waitNs: number | null = 0;
  for (const [tid, now] of last.counters) {
    const then = first.counters.get(tid);
    voluntary += now.voluntarySwitches - (then?.voluntarySwitches ?? 0);
    involuntary += now.involuntarySwitches - (then?.involuntarySwitches ?? 0);
    const thenDelay = then === undefined ? 0 : then.runDelayNs;
    waitNs = waitNs === null || now.runDelayNs === null || thenDelay === null ? null : waitNs + (now.runDelayNs - thenDelay);
  }
  const perS = (count: number): number => Math.round((count / windowMs) * 1000 * 10) / 10;
  return {
    pid,
    windowMs,
    involuntarySwitchesPerS: perS(involuntary),
    voluntarySwitchesPerS: perS(voluntary),
    runQueueWaitMsPerS: waitNs === null ? null : Math.round((waitNs / 1e6 / windowMs) * 1000 * 100) / 100,
  };
}

/** Reads the workers' threads at each sample; each worker's window runs from its first to its
 * last reading (a worker read only once, or never, has none). */
export function trackWorkerScheduling(workerPids: number[], procRoot = '/proc'): { read(atMs: number): Promise<void>; windows(): WorkerScheduling[] } {
  const first = new Map<number, TimedCounters>();
  const last = new Map<number, TimedCounters>();
  return {
    async read(atMs) {
      for (const pid of workerPids) {
        const counters = await readProcessCounters(pid, procRoot);
        if (counters === null) continue;
        if (!first.has(pid)) first.set(pid, { atMs, counters });
        last.set(pid, { atMs, counters });
      }
    },
    windows() {
      return workerPids.flatMap((pid) => {
        const from = first.get(pid);
        const to = last.get(pid);
        const window = from === undefined || to === undefined ? null : schedulingWindow(pid, from, to);
        return window === null ? [] : [window];
      });
    },
  };
}
