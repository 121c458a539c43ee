// The GPU's own state around an arm-trial (docs/environment.md#gpu-state):
// - exclusive compute mode with two workers and no MPS: they cannot share the GPU -> fail;
//   "Prohibited" -> fail (no process may compute);
// - uncorrected (volatile) ECC errors -> fail: results of a GPU with uncorrectable memory errors
//   are not trusted until it is reset; corrected errors that grew in the window -> warn;
// - a clock-lowering reason (thermal, power cap, hardware slowdown) while measuring -> warn.

import type { GpuState } from '../../../documents/types/environment.ts';
import type { CheckStatus, ValidityCheck } from '../../../documents/types/evaluation.ts';
import type { ArmTrialRecord } from '../../../documents/types/run-record.ts';
import { CONCURRENT_ARMS, type CheckContext, makeCheck } from '../check-context.ts';
import { notRecorded, ranTrials, recordedTrials, workersGpuState, type RecordedTrial } from './environment-trials.ts';

const ID = 'environment.gpu-state';
const TITLE = 'GPU not throttled, shareable and free of ECC errors';

interface Finding {
  status: CheckStatus;
  text: string;
  recommendation: string;
}

const range = (xs: Array<number | null>, unit: string): string => {
  const v = xs.filter((x): x is number => x !== null);
  if (v.length === 0) return `? ${unit}`;
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return lo === hi ? `${lo} ${unit}` : `${lo}-${hi} ${unit}`;
};

function findings(states: Array<{ phase: string; gpu: GpuState }>, trial: ArmTrialRecord, sharing: string): Finding[] {
  const out: Finding[] = [];
  const modes = new Set(states.map((s) => s.gpu.computeMode).filter((m) => m !== null));
  const exclusive = [...modes].find((m) => /^Exclusive/i.test(m!));
  if ([...modes].some((m) => /^Prohibited/i.test(m!))) out.push({ status: 'fail', text: 'compute mode is Prohibited: no process may compute on this GPU', recommendation: 'Set the compute mode back: sudo nvidia-smi -c DEFAULT.' });
  if (exclusive !== undefined && CONCURRENT_ARMS.includes(trial.arm) && sharing !== 'mps') {
    out.push({ status: 'fail', text: `compute mode is ${exclusive}: two processes cannot share the GPU, so this arm cannot measure contention`, recommendation: 'Set the default compute mode (sudo nvidia-smi -c DEFAULT), or run with PERF_SHARING=mps, where the MPS server is the only process.' });
  }
  const uncorrected = Math.max(...states.map((s) => s.gpu.eccUncorrected ?? 0));
  if (uncorrected > 0) out.push({ status: 'fail', text: `${uncorrected} uncorrected (volatile) ECC errors`, recommendation: 'The GPU has uncorrectable memory errors: reset it (or reboot), check nvidia-smi -q -d ECC,PAGE_RETIREMENT, and run again.' });
  const corrected = states.map((s) => s.gpu.eccCorrected).filter((x): x is number => x !== null);
  if (corrected.length >= 2 && corrected.at(-1)! > corrected[0]!) {
    out.push({ status: 'warn', text: `corrected ECC errors grew from ${corrected[0]} to ${corrected.at(-1)} during the arm-trial`, recommendation: 'Corrected errors cost time on retry; watch the GPU (nvidia-smi -q -d ECC) and run again.' });
  }
  const measuring = states.filter((s) => s.phase === 'during');
  const throttled = measuring.filter((s) => s.gpu.throttleReasons.length > 0);
  if (throttled.length > 0) {
    const reasons = [...new Set(throttled.flatMap((s) => s.gpu.throttleReasons))].join(', ');
    const g = throttled.map((s) => s.gpu);
    out.push({
      status: 'warn',
      text: `clocks lowered (${reasons}) in ${throttled.length} of ${measuring.length} samples while measuring: SM ${range(g.map((x) => x.smClockMHz), 'MHz')}, ${range(g.map((x) => x.temperatureC), 'C')}, ${range(g.map((x) => x.powerW), 'W')} of ${range(g.map((x) => x.powerLimitW), 'W')} limit`,
      recommendation: 'Let the GPU cool down or check its power limit and cooling, then run again; compare its clocks with the other arm-trials in the report.',
    });
  }
  return out;
}

function extreme(pick: (...xs: number[]) => number, xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : pick(...v);
}

function summary(states: GpuState[]): string {
  const g = states[0]!;
  return `SM ${range(states.map((s) => s.smClockMHz), 'MHz')}, memory ${range(states.map((s) => s.memClockMHz), 'MHz')}, ${range(states.map((s) => s.temperatureC), 'C')}, ${range(states.map((s) => s.powerW), 'W')}; compute mode ${g.computeMode ?? 'n/a'}, MIG ${g.migMode ?? 'n/a'}, persistence ${g.persistenceMode ?? 'n/a'}${g.performanceLevel ? `, performance level ${g.performanceLevel}` : ''}`;
}

function checkTrial({ trial, environment }: RecordedTrial, context: CheckContext): ValidityCheck {
  const where = { arm: trial.arm, trial: trial.trial };
  const states = environment.gpuState.flatMap((sample) => {
    const gpu = workersGpuState(sample, trial, context.record.scenario.gpuIndex);
    return gpu === null ? [] : [{ phase: sample.phase, gpu }];
  });
  if (states.length === 0) {
    const why = environment.gpuState.find((s) => s.notAvailable !== null)?.notAvailable ?? 'no reading named the workers\' GPU';
    return makeCheck({ id: ID, title: TITLE, status: 'warn', ...where, measured: { samples: environment.gpuState.length }, message: `Unverified: the GPU's state could not be read (${why}).`, recommendation: 'Install the vendor tool (nvidia-smi; amd-smi) on PATH so that throttling, ECC errors and the compute mode can be checked.' });
  }
  const found = findings(states, trial, context.record.scenario.sharing);
  const status: CheckStatus = found.some((f) => f.status === 'fail') ? 'fail' : found.length > 0 ? 'warn' : 'pass';
  const measured = {
    samples: states.length,
    maxTemperatureC: extreme(Math.max, states.map((s) => s.gpu.temperatureC)),
    minSmClockMHz: extreme(Math.min, states.map((s) => s.gpu.smClockMHz)),
    throttledSamples: states.filter((s) => s.phase === 'during' && s.gpu.throttleReasons.length > 0).length,
    eccUncorrected: Math.max(...states.map((s) => s.gpu.eccUncorrected ?? 0)),
    computeMode: states[0]!.gpu.computeMode,
  };
  const text = `${summary(states.map((s) => s.gpu))} (${states.length} samples).`;
  if (found.length === 0) return makeCheck({ id: ID, title: TITLE, status, ...where, measured, message: `${text} No throttling, no ECC errors.` });
  return makeCheck({ id: ID, title: TITLE, status, ...where, measured, message: `${found.map((f) => f.text).join('; ')}. ${text}`, recommendation: found.map((f) => f.recommendation).join(' ') });
}

export function checkGpuState(context: CheckContext): ValidityCheck[] {
  const { recorded, missing } = recordedTrials(context.record);
  return [...recorded.map((r) => checkTrial(r, context)), ...notRecorded(ID, TITLE, missing, ranTrials(context.record).length)];
}
