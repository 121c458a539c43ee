// Context switches of a worker's threads (/proc/<pid>/task/*/status), summed over the process:
// involuntary ones are the kernel taking a runnable thread off its CPU for another. XSched's
// shim threads run inside the workers, and its hp tail rose five-fold in spread when other
// runnable threads shared the workers' CPUs (docs/gpu-results.md section 22), so a trial records
// how often its workers' threads were preempted.

import { readFile, readdir } from 'node:fs/promises';
import type { HostCpuWindow } from '../../documents/types/environment.ts';

export interface ThreadSwitches {
  voluntary: number;
  involuntary: number;
}

/** The two counters of one /proc/<pid>/task/<tid>/status text (man 5 proc). */
export function parseThreadSwitches(status: string): ThreadSwitches {
  const read = (name: string): number => {
    const match = new RegExp(`^${name}:\\s*(\\d+)\\s*$`, 'm').exec(status);
    if (match === null) throw new Error(`no ${name} line in /proc status text ${JSON.stringify(status.slice(0, 80))}`);
    return Number(match[1]);
  };
  return { voluntary: read('voluntary_ctxt_switches'), involuntary: read('nonvoluntary_ctxt_switches') };
}

/** Sum over the live threads of `pid`; null when the process is gone. A thread that exited
 * between the listing and its read is left out (its switches are lost either way). */
export async function readProcessSwitches(pid: number, procRoot = '/proc'): Promise<ThreadSwitches | null> {
  const tids = await readdir(`${procRoot}/${pid}/task`).catch(() => null);
  if (tids === null) return null;
  const total: ThreadSwitches = { voluntary: 0, involuntary: 0 };
  for (const tid of tids) {
    const text = await readFile(`${procRoot}/${pid}/task/${tid}/status`, 'utf8').catch(() => null);
    if (text === null) continue;
    const one = parseThreadSwitches(text);
    total.voluntary += one.voluntary;
    total.involuntary += one.involuntary;
  }
  return total;
}

export type WorkerSwitches = NonNullable<HostCpuWindow['workerSwitches']>[number];

/** Per second between two readings, for the pids read at both (a thread that exited in between
 * takes its counts with it, so a difference below 0 is clamped). */
export function switchesWindow(first: Map<number, ThreadSwitches>, last: Map<number, ThreadSwitches>, windowMs: number): WorkerSwitches[] {
  if (windowMs <= 0) return [];
  const perS = (a: number, b: number): number => Math.round((Math.max(0, b - a) / windowMs) * 1000 * 10) / 10;
  return [...last].flatMap(([pid, now]) => {
    const then = first.get(pid);
    return then === undefined ? [] : [{ pid, involuntaryPerS: perS(then.involuntary, now.involuntary), voluntaryPerS: perS(then.voluntary, now.voluntary) }];
  });
}
