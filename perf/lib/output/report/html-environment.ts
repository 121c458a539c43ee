// The environment of each arm-trial (docs/environment.md): the GPU's state while measuring,
// the other processes seen on it, and the host's CPU; the verdict on them is in the
// environment.* validity checks, whose status each row shows.

import type { ArmTrialRecord, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { ranTrials, workerSchedulingByRole, workersGpuState } from '../../evaluate/validity/environment/environment-trials.ts';
import { findForeignProcesses } from '../../evaluate/validity/environment/foreign-gpu-process.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, renderStatusPill, type HtmlCell } from './html-table.ts';

const span = (xs: Array<number | null>): string => {
  const v = xs.filter((x): x is number => x !== null);
  if (v.length === 0) return '–';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

function gpuCells(trial: ArmTrialRecord, gpuIndex: number): HtmlCell[] {
  const env = trial.environment!;
  const measuring = env.gpuState.filter((s) => s.phase === 'during' && s.gpus !== null);
  const samples = measuring.length > 0 ? measuring : env.gpuState.filter((s) => s.gpus !== null);
  // The readings the gpu-state check judged, so the row and its status pill speak of one GPU.
  const gpus = samples.flatMap((s) => workersGpuState(s, trial, gpuIndex) ?? []);
  if (gpus.length === 0) return [{ html: escapeHtml(env.gpuState[0]?.notAvailable ?? 'no reading'), className: 'muted' }, '', '', '', '', '', ''];
  const reasons = [...new Set(gpus.flatMap((g) => g.throttleReasons))];
  const last = gpus.at(-1)!;
  const modes = [last.computeMode, last.migMode && `MIG ${last.migMode}`, last.persistenceMode && `persistence ${last.persistenceMode}`, last.performanceLevel && `perf ${last.performanceLevel}`].filter(Boolean).join(', ');
  return [
    span(gpus.map((g) => g.smClockMHz)),
    span(gpus.map((g) => g.memClockMHz)),
    span(gpus.map((g) => g.temperatureC)),
    `${span(gpus.map((g) => g.powerW))} / ${span(gpus.map((g) => g.powerLimitW))}`,
    reasons.length > 0 ? htmlCell(`<strong>${escapeHtml(reasons.join(', '))}</strong>`) : 'none',
    `${span(gpus.map((g) => g.eccCorrected))} / ${span(gpus.map((g) => g.eccUncorrected))}`,
    modes || '–',
  ];
}

function otherProcesses(trial: ArmTrialRecord): string {
  const env = trial.environment!;
  if (env.gpuProcesses.every((s) => s.processes === null)) return env.gpuProcesses[0]?.notAvailable ?? 'no sample';
  // The processes the foreign-gpu-process check failed on: the suite's workers and daemons are not "other".
  const foreign = [...findForeignProcesses(trial, env).values()];
  return foreign.length === 0 ? 'none' : foreign.map((p) => `${p.pid} ${p.command}${p.usedMemoryMiB === null ? '' : ` ${Math.round(p.usedMemoryMiB)} MiB`}`).join('; ');
}

/** Per worker (and xserver): ms per second waiting for a CPU ("–" where not kept), and preemptions per second ("hp 0.4 ms, 12 · lp –, 340 · xserver 1.2 ms, 40"). */
function workerSchedulingCell(trial: ArmTrialRecord): string {
  const parts = workerSchedulingByRole(trial).map((w) => `${w.role} ${w.runQueueWaitMsPerS === null ? '–' : `${w.runQueueWaitMsPerS} ms`}, ${w.involuntarySwitchesPerS}`);
  return parts.length === 0 ? '–' : parts.join(' · ');
}

export function renderEnvironmentTable(record: RunRecord, evaluation: ScenarioEvaluation): string {
  const ran = ranTrials(record);
  if (ran.every((t) => t.environment === undefined)) return '<p class="muted">Not recorded: this run has no environment samples (saved before environment monitoring).</p>';
  const statusOf = (t: ArmTrialRecord, id: string): string => evaluation.checks.find((c) => c.id === id && c.arm === t.arm && c.trial === t.trial)?.status ?? 'skip';
  const rows = ran.map((t): HtmlCell[] => {
    const where = `${t.arm} t${t.trial + 1}`;
    if (t.environment === undefined) return [where, htmlCell('not recorded', 'muted'), '', '', '', '', '', '', '', '', '', ''];
    const cpu = t.environment.hostCpu;
    const status = ['environment.foreign-gpu-process', 'environment.gpu-state', 'environment.host-cpu'].map((id) => renderStatusPill(statusOf(t, id))).join(' ');
    return [
      where,
      htmlCell(status),
      ...gpuCells(t, record.scenario.gpuIndex),
      otherProcesses(t),
      cpu === null ? (t.environment.hostCpuNotAvailable ?? '–') : `${cpu.otherCores.toFixed(2)} of ${cpu.cpus}${(cpu.stealCores ?? 0) > 0 ? ` (steal ${cpu.stealCores!.toFixed(2)})` : ''}`,
      workerSchedulingCell(t),
    ];
  });
  const headers = ['arm, trial', 'processes · GPU · host', 'SM MHz', 'mem MHz', '°C', 'power W / limit', 'throttle', 'ECC corr / uncorr', 'modes', 'other GPU processes', 'other CPU cores', 'threads of workers and xserver: CPU wait /s, preempted /s'];
  return renderHtmlTable(headers, rows, { className: 'environment' });
}
