// Host CPU around the measured window: CPU time of processes other than the suite's
// (warn above OTHER_CORES_WARN cores), of which the hypervisor's steal in a VM, and the frequency governor (warn unless "performance";
// skip where cpufreq is not exposed, as on most VMs, since there is nothing to set).

import type { ValidityCheck } from '../../../documents/types/evaluation.ts';
import { type CheckContext, makeCheck } from '../check-context.ts';
import { notRecorded, ranTrials, recordedTrials, round1, workerSchedulingByRole, type RecordedTrial } from './environment-trials.ts';

const ID = 'environment.host-cpu';
const TITLE = 'no other CPU load on the host';
/** Half a core: enough to delay the hp worker's wake-ups on a small host. */
export const OTHER_CORES_WARN = 0.5;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** e.g. " Threads, ...: hp waited 0.4 ms/s for a CPU and was preempted 12/s; lp ...; xserver ...", adding the numbers to `measured`. */
function workerScheduling(threads: ReturnType<typeof workerSchedulingByRole>, measured: Record<string, number>): string {
  const parts = threads.map((w) => {
    measured[`${w.role}InvoluntarySwitchesPerS`] = w.involuntarySwitchesPerS;
    if (w.runQueueWaitMsPerS !== null) measured[`${w.role}RunQueueWaitMsPerS`] = w.runQueueWaitMsPerS;
    const waited = w.runQueueWaitMsPerS === null ? '' : `waited ${w.runQueueWaitMsPerS} ms/s for a CPU and `;
    return `${w.role} ${waited}was preempted ${w.involuntarySwitchesPerS}/s`;
  });
  return parts.length === 0 ? '' : ` Threads, each over its process's own sampled window: ${parts.join('; ')}.`;
}

function checkTrial({ trial, environment }: RecordedTrial): ValidityCheck {
  const where = { arm: trial.arm, trial: trial.trial };
  const cpu = environment.hostCpu;
  const threads = workerSchedulingByRole(trial);
  if (cpu === null) {
    const measured: Record<string, number> = {};
    const scheduling = workerScheduling(threads, measured);
    return makeCheck({ id: ID, title: TITLE, status: 'warn', ...where, ...(scheduling === '' ? {} : { measured }), message: `Unverified: host CPU load was not measured (${environment.hostCpuNotAvailable}).${scheduling}`, recommendation: 'Run on Linux with /proc readable, with a window longer than the sampling interval (2 s).' });
  }
  const stealCores = cpu.stealCores === undefined ? null : round2(cpu.stealCores);
  const measured: Record<string, number> = { cpus: cpu.cpus, busyCores: round2(cpu.busyCores), suiteCores: round2(cpu.suiteCores), otherCores: round2(cpu.otherCores), windowMs: cpu.windowMs };
  if (stealCores !== null) measured.stealCores = stealCores;
  const stolen = stealCores === null ? '' : ` (${stealCores} of it steal: the hypervisor running something else)`;
  // Only records that read the xserver count its CPU as the suite's (run/environment/sampler.ts).
  const xserver = threads.some((w) => w.role === 'xserver');
  const text = `Over ${round1(cpu.windowMs / 1000)} s: ${measured.busyCores} of ${cpu.cpus} cores busy, ${measured.suiteCores} of them the suite's (workers${xserver ? ', xserver' : ''} and the suite itself), ${measured.otherCores} other processes${stolen}.${workerScheduling(threads, measured)}`;
  if (cpu.otherCores <= OTHER_CORES_WARN) return makeCheck({ id: ID, title: TITLE, status: 'pass', ...where, measured, message: text });
  return makeCheck({
    id: ID,
    title: TITLE,
    status: 'warn',
    ...where,
    measured,
    message: `Other processes used ${measured.otherCores} cores (above ${OTHER_CORES_WARN}) while measuring. ${text} They can delay the workers' wake-ups and launches (see environment.hp-lateness).`,
    recommendation:
      (cpu.stealCores ?? 0) > cpu.otherCores / 2
        ? 'Most of it is steal, outside this VM: run on a dedicated host or VM (no CPU overcommit), or again later.'
        : 'Stop other CPU work on the host (top -o %CPU) and run again.',
  });
}

function checkGovernor(trials: RecordedTrial[]): ValidityCheck[] {
  const cpu = trials.find((t) => t.environment.hostCpu !== null)?.environment.hostCpu ?? null;
  if (cpu === null) return [];
  const title = 'CPU frequency governor is performance';
  if (cpu.governors === null) return [makeCheck({ id: 'environment.cpu-governor', title, status: 'skip', message: `${cpu.governorNotAvailable}.` })];
  const counts = new Map<string, number>();
  for (const g of cpu.governors) counts.set(g, (counts.get(g) ?? 0) + 1);
  const text = [...counts].map(([g, n]) => `${n} CPUs ${g}`).join(', ');
  if (counts.size === 1 && counts.has('performance')) return [makeCheck({ id: 'environment.cpu-governor', title, status: 'pass', measured: { governors: text }, message: `Governor: ${text}.` })];
  return [makeCheck({ id: 'environment.cpu-governor', title, status: 'warn', measured: { governors: text }, message: `Governor: ${text}: the CPU clock changes with load, which moves the hosts' wake-up and launch times between trials.`, recommendation: 'Set the performance governor (sudo cpupower frequency-set -g performance) for stable timings.' })];
}

export function checkHostCpu(context: CheckContext): ValidityCheck[] {
  const { recorded, missing } = recordedTrials(context.record);
  return [...recorded.map(checkTrial), ...checkGovernor(recorded), ...notRecorded(ID, TITLE, missing, ranTrials(context.record).length)];
}
