// How the kernel scheduled a worker's (or the xserver's) threads while it measured: per thread, context switches
// (/proc/<pid>/task/<tid>/status) and the time spent runnable but waiting for a CPU (run_delay,
// the second field of .../schedstat). XSched's shim threads run inside the workers, and its hp
// tail spread five times as far between trials when busy loops shared the workers' CPUs
// (docs/gpu-results.md section 22), so every trial records this as evidence.
// Counts are kept per thread: a thread that exits takes its counts with it, so summing per
// process would subtract its whole lifetime; per thread, the window only loses its part.

import { readFile, readdir } from 'node:fs/promises';
import type { HelperProcess, WorkerScheduling } from '../../documents/types/environment.ts';

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
  const [onCpu, delay] = schedstat.trim().split(/\s+/);
  if (onCpu === undefined || delay === undefined || !/^\d+$/.test(onCpu) || !/^\d+$/.test(delay)) return null;
  // "0 0 0" for a thread that has run: the kernel keeps no schedstat (sched_info off), not "no wait".
  return onCpu === '0' && delay === '0' ? null : Number(delay);
}

/** Every readable thread of `pid`; null when the process is gone or no thread could be read. A
 * thread whose status cannot be read or parsed (it exited meanwhile) is left out of this reading. */
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
  return counters.size === 0 ? null : counters;
}

export interface TimedCounters {
  atMs: number;
  counters: ProcessCounters;
}

/** What one thread added between its first counters and its latest; a counter that fell (a
 * thread id reused by a new thread) counts the new thread from 0, so no rate is ever negative. */
function added(then: number | undefined, now: number): number {
  return then === undefined || now < then ? now : now - then;
}

/**
 * Rates between the first reading and the last, over every thread seen in any reading: each
 * thread adds from its counters at the first reading (0 for a thread born later) to its latest
 * counters, so a thread that exited before the last reading still counts up to when it was last
 * read (the rates can undercount, never invent). CPU wait is null unless every thread has it.
 */
export function schedulingWindow(pid: number, first: TimedCounters, latest: TimedCounters): WorkerScheduling | null {
  const windowMs = latest.atMs - first.atMs;
  if (windowMs <= 0) return null;
  let voluntary = 0;
  let involuntary = 0;
  let waitNs: number | null = 0;
  for (const [tid, now] of latest.counters) {
    const then = first.counters.get(tid);
    voluntary += added(then?.voluntarySwitches, now.voluntarySwitches);
    involuntary += added(then?.involuntarySwitches, now.involuntarySwitches);
    const thenDelay = then === undefined ? 0 : then.runDelayNs;
    waitNs = waitNs === null || now.runDelayNs === null || thenDelay === null ? null : waitNs + added(thenDelay, now.runDelayNs);
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

/** Reads the workers' threads (and the helpers': XSched's xserver) at each sample; each process's
 * window runs from its first to its last reading (one read only once, or never, has none), over
 * every thread seen in it. A helper's window carries its name. */
export function trackWorkerScheduling(workerPids: number[], procRoot = '/proc', helpers: readonly HelperProcess[] = []): { read(atMs: number): Promise<void>; windows(): WorkerScheduling[] } {
  const first = new Map<number, TimedCounters>();
  const last = new Map<number, TimedCounters>();
  // A pid is read once, as a worker where it is one: a helper never relabels a worker's window.
  const helperOf = new Map(helpers.filter((h) => !workerPids.includes(h.pid)).map((h) => [h.pid, h.name]));
  const pids = [...new Set(workerPids), ...helperOf.keys()];
  return {
    async read(atMs) {
      for (const pid of pids) {
        const counters = await readProcessCounters(pid, procRoot);
        if (counters === null) continue;
        if (!first.has(pid)) first.set(pid, { atMs, counters });
        // Every thread's latest counters, including threads this reading no longer lists.
        const latest = new Map(last.get(pid)?.counters ?? []);
        for (const [tid, c] of counters) latest.set(tid, c);
        last.set(pid, { atMs, counters: latest });
      }
    },
    windows() {
      return pids.flatMap((pid) => {
        const from = first.get(pid);
        const to = last.get(pid);
        const window = from === undefined || to === undefined ? null : schedulingWindow(pid, from, to);
        const helper = helperOf.get(pid);
        return window === null ? [] : [helper === undefined ? window : { ...window, process: helper }];
      });
    },
  };
}
