// The environment of each arm-trial (docs/environment.md): the GPU's state while measuring,
// the other processes seen on it, and the host's CPU; the verdict on them is in the
// environment.* validity checks, whose status each row shows.

import type { GpuState } from '../../documents/types/environment.ts';
import type { ArmTrialRecord, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, renderStatusPill, type HtmlCell } from './html-table.ts';

const span = (xs: Array<number | null>): string => {
  const v = xs.filter((x): x is number => x !== null);
  if (v.length === 0) return '–';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

function gpuCells(trial: ArmTrialRecord): HtmlCell[] {
  const env = trial.environment!;
  const measuring = env.gpuState.filter((s) => s.phase === 'during' && s.gpus !== null);
  const samples = measuring.length > 0 ? measuring : env.gpuState.filter((s) => s.gpus !== null);
  const worker = trial.workers.find((w) => w.ok);
  const uuid = worker?.ok ? worker.result.fingerprint.gpu.uuid : null;
  const gpus: GpuState[] = samples.flatMap((s) => s.gpus!.filter((g) => uuid === null || !g.gpuId.startsWith('GPU-') || g.gpuId === uuid || s.gpus!.length === 1));
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
  const seen = new Map<number, string>();
  for (const s of env.gpuProcesses) {
    for (const p of s.processes ?? []) {
      if (!env.suitePids.includes(p.pid)) seen.set(p.pid, `${p.pid} ${p.command}${p.usedMemoryMiB === null ? '' : ` ${Math.round(p.usedMemoryMiB)} MiB`}`);
    }
  }
  return seen.size === 0 ? 'none' : [...seen.values()].join('; ');
}

export function renderEnvironmentTable(record: RunRecord, evaluation: ScenarioEvaluation): string {
  const ran = record.trials.filter((t) => t.skipped === null && t.startNs !== null);
  if (ran.every((t) => t.environment === undefined)) return '<p class="muted">Not recorded: this run has no environment samples (saved before environment monitoring).</p>';
  const statusOf = (t: ArmTrialRecord, id: string): string => evaluation.checks.find((c) => c.id === id && c.arm === t.arm && c.trial === t.trial)?.status ?? 'skip';
  const rows = ran.map((t): HtmlCell[] => {
    const where = `${t.arm} t${t.trial + 1}`;
    if (t.environment === undefined) return [where, htmlCell('not recorded', 'muted'), '', '', '', '', '', '', '', ''];
    const cpu = t.environment.hostCpu;
    const status = ['environment.foreign-gpu-process', 'environment.gpu-state', 'environment.host-cpu'].map((id) => renderStatusPill(statusOf(t, id))).join(' ');
    return [
      where,
      htmlCell(status),
      ...gpuCells(t),
      otherProcesses(t),
      cpu === null ? (t.environment.hostCpuNotAvailable ?? '–') : `${cpu.otherCores.toFixed(2)} of ${cpu.cpus}`,
    ];
  });
  const headers = ['arm, trial', 'processes · GPU · host', 'SM MHz', 'mem MHz', '°C', 'power W / limit', 'throttle', 'ECC corr / uncorr', 'modes', 'other GPU processes', 'other CPU cores'];
  return renderHtmlTable(headers, rows, { className: 'environment' });
}
