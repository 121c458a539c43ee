// Host CPU over the measured window from /proc: all CPUs' busy time (/proc/stat) minus the
// time of the suite's own processes (/proc/<pid>/stat), both in clock ticks, so no tick rate
// is assumed; and, of the busy time, the steal: time a VM's CPUs were ready but the hypervisor
// ran something else, invisible to every process inside (the lent H200s are VMs, and two of the
// twelve measured ran XSched differently with nothing else visible: docs/gpu-results.md sections 18-19).
// The governor comes from cpufreq in sysfs, which VMs often do not expose.

import { readFile, readdir } from 'node:fs/promises';
import type { HostCpuWindow } from '../../documents/types/environment.ts';

export interface CpuTicks {
  atMs: number;
  cpus: number;
  busy: number;
  total: number;
  /** Of busy: ticks stolen by the hypervisor (0 outside a VM, or where the kernel does not count them). */
  steal: number;
  /** utime + stime per pid. */
  perPid: Map<number, number>;
}

/** The aggregate "cpu" line of /proc/stat: busy, total and steal ticks (guest time is already in user). */
export function parseProcStat(text: string): { cpus: number; busy: number; total: number; steal: number } {
  const lines = text.split('\n');
  const aggregate = lines.find((l) => l.startsWith('cpu '));
  if (aggregate === undefined) throw new Error('/proc/stat has no aggregate "cpu" line');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = aggregate.trim().split(/\s+/).slice(1).map(Number);
  const total = [user, nice, system, idle, iowait, irq, softirq, steal].reduce((s: number, x) => s + (x ?? 0), 0);
  return { cpus: lines.filter((l) => /^cpu\d+ /.test(l)).length, busy: total - (idle ?? 0) - (iowait ?? 0), total, steal: steal ?? 0 };
}

/** A reader of the numbered fields of one /proc/<pid>/stat text (man 5 proc: 14 utime, 15 stime,
 * 16 cutime, 17 cstime, in ticks); the command in parentheses (field 2) may hold spaces. */
export function pidStatFields(text: string): (field: number) => number {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (field) => {
    const value = Number(rest[field - 3]);
    if (!Number.isFinite(value)) throw new Error(`unreadable /proc/<pid>/stat: field ${field} is not a number in ${JSON.stringify(text.slice(0, 120))}`);
    return value;
  };
}

/** utime + stime of /proc/<pid>/stat. */
export function parsePidStat(text: string): number {
  const field = pidStatFields(text);
  return field(14) + field(15);
}

export async function readCpuTicks(pids: number[], atMs: number, procRoot = '/proc'): Promise<CpuTicks> {
  const stat = parseProcStat(await readFile(`${procRoot}/stat`, 'utf8'));
  const perPid = new Map<number, number>();
  for (const pid of pids) {
    const text = await readFile(`${procRoot}/${pid}/stat`, 'utf8').catch(() => null);
    if (text !== null) perPid.set(pid, parsePidStat(text));
  }
  return { atMs, ...stat, perPid };
}

/** Cores used between two readings; the suite's share counts only pids present in both. */
export function cpuWindow(first: CpuTicks, last: CpuTicks, governors: { governors: string[] | null; notAvailable: string | null }): HostCpuWindow {
  const totalTicks = last.total - first.total;
  const toCores = (ticks: number): number => (totalTicks > 0 ? (ticks / totalTicks) * first.cpus : 0);
  let suiteTicks = 0;
  for (const [pid, ticks] of last.perPid) suiteTicks += ticks - (first.perPid.get(pid) ?? ticks);
  const busyCores = toCores(last.busy - first.busy);
  const suiteCores = toCores(suiteTicks);
  return {
    windowMs: last.atMs - first.atMs,
    cpus: first.cpus,
    busyCores,
    suiteCores,
    otherCores: Math.max(0, busyCores - suiteCores),
    stealCores: Math.max(0, toCores(last.steal - first.steal)),
    governors: governors.governors,
    governorNotAvailable: governors.notAvailable,
  };
}

export async function readGovernors(sysCpuRoot = '/sys/devices/system/cpu'): Promise<{ governors: string[] | null; notAvailable: string | null }> {
  const cpus = (await readdir(sysCpuRoot).catch(() => [] as string[])).filter((d) => /^cpu\d+$/.test(d));
  const governors: string[] = [];
  for (const cpu of cpus) {
    const g = await readFile(`${sysCpuRoot}/${cpu}/cpufreq/scaling_governor`, 'utf8').catch(() => null);
    if (g !== null) governors.push(g.trim());
  }
  if (governors.length === 0) return { governors: null, notAvailable: `not available: no ${sysCpuRoot}/cpu*/cpufreq/scaling_governor (cpufreq not exposed, e.g. a VM)` };
  return { governors, notAvailable: null };
}
