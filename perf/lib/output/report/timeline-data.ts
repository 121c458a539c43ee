// Plot data for "hp latency over time": every hp request of one arm-trial at its
// scheduled time, with the lp iterations of the same arm-trial underneath.

import type { ArmTrialRecord, Role, RunRecord, ScenarioEvaluation, WorkerResult } from '../../documents/types/index.ts';
import { downsampleScatterMinMax, type ScatterPoint } from './downsample-scatter.ts';
import { ARM_COLORS, type TimelinePlotData, type TimelineTrialData } from './plot-data-types.ts';

/** Per arm and trial; min/max per slice of time keeps the spikes when there are more. */
export const MAX_SCATTER_POINTS_PER_ARM = 5000;
/** Up to this many lp iterations are drawn as bands; more are shown as a binned rate. */
export const MAX_LP_BANDS = 400;
const LP_RATE_BINS = 200;

export function buildTimelinePlotData(record: RunRecord, evaluation: ScenarioEvaluation): TimelinePlotData[] {
  const arms = record.scenario.arms.filter((arm) => record.trials.some((t) => t.arm === arm && findResult(t, 'hp')));
  const trialIndexes = [...new Set(record.trials.map((t) => t.trial))].sort((a, b) => a - b);
  const perArm = arms.map((arm) => ({
    arm,
    color: ARM_COLORS[arm],
    maxPointsPerTrial: MAX_SCATTER_POINTS_PER_ARM,
    trials: trialIndexes.flatMap((trial) => {
      const armTrial = record.trials.find((t) => t.arm === arm && t.trial === trial);
      return armTrial ? [buildTrial(armTrial, record, evaluation)] : [];
    }),
  }));
  shareYAxisPerTrial(perArm);
  return perArm.filter((plot) => plot.trials.some((t) => t.points.length > 0));
}

function buildTrial(armTrial: ArmTrialRecord, record: RunRecord, evaluation: ScenarioEvaluation): TimelineTrialData {
  const windowSec = windowSecOf(armTrial, record);
  const hp = findResult(armTrial, 'hp');
  const lp = findResult(armTrial, 'lp');
  const all: ScatterPoint[] = (hp?.requests ?? [])
    .map(([scheduledNs, , finishedNs]): ScatterPoint => [round(scheduledNs / 1e9, 4), round((finishedNs - scheduledNs) / 1e6, 3)])
    .sort((a, b) => a[0] - b[0]);
  const stats = evaluation.arms.find((a) => a.arm === armTrial.arm)?.trials.find((t) => t.trial === armTrial.trial);
  return {
    trial: armTrial.trial,
    windowSec,
    yMaxMs: 0,
    yMinMs: 0,
    points: downsampleScatterMinMax(all, MAX_SCATTER_POINTS_PER_ARM),
    totalRequests: all.length,
    p99Ms: stats?.hp?.latencyMs.p99 ?? null,
    lp: lp?.iterations ? buildLpMarks(lp.iterations, windowSec) : null,
  };
}

function buildLpMarks(iterationsNs: Array<[number, number]>, windowSec: number): NonNullable<TimelineTrialData['lp']> {
  if (iterationsNs.length <= MAX_LP_BANDS) {
    return { iterations: iterationsNs.length, bands: iterationsNs.map(([s, e]) => [round(s / 1e9, 4), round(e / 1e9, 4)]), rate: null };
  }
  const binSec = windowSec / LP_RATE_BINS;
  const counts = new Array<number>(LP_RATE_BINS).fill(0);
  for (const [, endNs] of iterationsNs) {
    const bin = Math.floor(endNs / 1e9 / binSec);
    if (bin >= 0 && bin < LP_RATE_BINS) counts[bin]! += 1;
  }
  return { iterations: iterationsNs.length, bands: null, rate: { binSec: round(binSec, 6), iterPerSec: counts.map((c) => round(c / binSec, 2)) } };
}

/** Every panel of a trial gets the same y range (linear and log), so their heights compare. */
function shareYAxisPerTrial(plots: TimelinePlotData[]): void {
  const maxByTrial = new Map<number, number>();
  const minByTrial = new Map<number, number>();
  for (const plot of plots) {
    for (const t of plot.trials) {
      const max = t.points.reduce((m, p) => Math.max(m, p[1]), 0);
      const min = t.points.reduce((m, p) => (p[1] > 0 ? Math.min(m, p[1]) : m), Infinity);
      maxByTrial.set(t.trial, Math.max(maxByTrial.get(t.trial) ?? 0, max));
      minByTrial.set(t.trial, Math.min(minByTrial.get(t.trial) ?? Infinity, min));
    }
  }
  for (const plot of plots) {
    for (const t of plot.trials) {
      t.yMaxMs = maxByTrial.get(t.trial) ?? 0;
      const min = minByTrial.get(t.trial) ?? Infinity;
      t.yMinMs = Number.isFinite(min) ? min : 0;
    }
  }
}

function findResult(armTrial: ArmTrialRecord, role: Role): WorkerResult | null {
  const outcome = armTrial.workers.find((w) => w.role === role);
  return outcome?.ok ? outcome.result : null;
}

function windowSecOf(armTrial: ArmTrialRecord, record: RunRecord): number {
  if (armTrial.startNs !== null && armTrial.endNs !== null) {
    return Number(BigInt(armTrial.endNs) - BigInt(armTrial.startNs)) / 1e9;
  }
  return record.scenario.durationMs / 1000;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

