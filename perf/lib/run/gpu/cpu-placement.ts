// Where a scenario's workers and xserver run (PERF_CPUS), decided once per run after the GPU
// probe: XSched's hp tail on an H200 held within 1.15-1.33 ms P99 over seven runs pinned to 4
// CPUs and spread over 1.28-3.08 ms in seven unpinned ones (docs/gpu-results.md section 13).
// `auto` takes the first 4 CPUs this process may use that are on the GPU's NUMA node; the
// placement is recorded in the run's scenario, and its size is part of a baseline's workload.

import { readFile } from 'node:fs/promises';
import { formatCpuList, parseCpuList } from '../../process/cpu-list.ts';
import type { CpuRequest } from '../../plan/config/settings.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import { findOnPath } from './detect-gpu.ts';

const AUTO_CPU_COUNT = 4;

export type CpuPlacement = NonNullable<Scenario['cpuPlacement']>;

export interface CpuPlacementOptions {
  /** The GPU's PCI address from the probe ("00000000:00:06.0"); null when unknown. */
  pciBusId: string | null;
  /** Default /proc and /sys; tests give fake trees. */
  procRoot?: string;
  sysRoot?: string;
  /** PATH to find taskset on. Default process.env.PATH. */
  pathVariable?: string;
}

export class CpuPlacementError extends Error {
  override readonly name = 'CpuPlacementError';
}

/** The placement, or null with the reason it is not pinned (a warning for `auto`; nothing for `none`). */
export async function resolveCpuPlacement(request: CpuRequest, options: CpuPlacementOptions): Promise<{ placement: CpuPlacement | null; warning: string | null }> {
  if (request.mode === 'none') return { placement: null, warning: null };
  const given = request.mode === 'list' ? `PERF_CPUS=${formatCpuList(request.cpus)}` : 'PERF_CPUS=auto';
  const unpinned = (why: string): { placement: null; warning: string } => {
    if (request.mode === 'list') throw new CpuPlacementError(`${given}: ${why}`);
    return { placement: null, warning: `${given}: not pinned, ${why}; a baseline recorded pinned is then not comparable (PERF_CPUS=none says so up front)` };
  };
  if (!(await findOnPath('taskset', options.pathVariable ?? process.env.PATH ?? ''))) {
    return unpinned('taskset is not on PATH (Debian and Ubuntu: apt install util-linux)');
  }
  const procRoot = options.procRoot ?? '/proc';
  const allowed = await readAllowedCpus(procRoot);
  if (allowed === null) return unpinned(`cannot read the CPUs this process may use (${procRoot}/self/status, Cpus_allowed_list)`);
  if (request.mode === 'list') {
    const outside = request.cpus.filter((cpu) => !allowed.includes(cpu));
    if (outside.length > 0) return unpinned(`CPU(s) ${formatCpuList(outside)} are not among those this process may use (${formatCpuList(allowed)})`);
    return { placement: { cpus: request.cpus, chosenBy: given }, warning: null };
  }
  const local = options.pciBusId === null ? null : await readLocalCpus(options.sysRoot ?? '/sys', options.pciBusId);
  const near = local === null ? [] : allowed.filter((cpu) => local.includes(cpu));
  const pool = near.length > 0 ? near : allowed;
  const where = near.length > 0 ? `on the GPU's NUMA node (local_cpulist ${formatCpuList(local as number[])})` : "(the GPU's NUMA node is not known)";
  const cpus = pool.slice(0, AUTO_CPU_COUNT);
  return { placement: { cpus, chosenBy: `auto: the first ${cpus.length} of the CPUs this process may use (${formatCpuList(allowed)}) ${where}` }, warning: null };
}

/** `scenario` with its placement recorded (unchanged when not pinned). */
export function placeScenario(scenario: Scenario, placement: CpuPlacement | null): Scenario {
  return placement === null ? scenario : { ...scenario, cpuPlacement: placement };
}

async function readAllowedCpus(procRoot: string): Promise<number[] | null> {
  const status = await readFile(`${procRoot}/self/status`, 'utf8').catch(() => null);
  const line = status?.split('\n').find((l) => l.startsWith('Cpus_allowed_list:'));
  return line === undefined ? null : (parseCpuList(line.slice('Cpus_allowed_list:'.length)) ?? null);
}

/** sysfs names a PCI device with a 4-digit domain ("0000:00:06.0"); NVIDIA's probe gives 8 ("00000000:00:06.0"). */
export function sysfsPciName(pciBusId: string): string {
  const parts = pciBusId.trim().toLowerCase().split(':');
  if (parts.length === 3) parts[0] = (parts[0] as string).slice(-4).padStart(4, '0');
  return parts.join(':');
}

async function readLocalCpus(sysRoot: string, pciBusId: string): Promise<number[] | null> {
  const text = await readFile(`${sysRoot}/bus/pci/devices/${sysfsPciName(pciBusId)}/local_cpulist`, 'utf8').catch(() => null);
  return text === null ? null : (parseCpuList(text) ?? null);
}
