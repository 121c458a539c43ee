// A baseline of several runs (npm run perf:update-baselines -- --from ... --combine): each run's
// baseline as baselineFromRun makes it (from-run.ts), concatenated per arm in start order, with
// `runs` and per-arm `trialRuns` saying which run each trial came from, so the regression verdict
// can see between-run noise (docs/statistics.md 3.4, docs/baselines.md). The runs must measure
// the same thing: one key, worker version, workload and XSched settings, every arm in each.

import type { BaselineArm, BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { mergeEncodedHistograms } from '../../documents/encoding/latency-histogram.ts';
import { ALL_ARMS } from '../../plan/scenarios/catalogue.ts';
import { baselineFromRun, type BaselineFromRunOptions } from './from-run.ts';
import { findComparedMismatch } from './baseline-mismatch.ts';
import { findFirstFingerprint, formatBaselineKeyFields } from './key.ts';
import { formatWorkloadDifferences } from './workload.ts';

/** The runs may not make one baseline together; the message names the runs and the values. */
export class RunsNotCombinableError extends Error {
  override readonly name = 'RunsNotCombinableError';
}

export interface RunToCombine {
  record: RunRecord;
  evaluation: ScenarioEvaluation;
}

const PER_TRIAL = ['hpP99Ms', 'hpP50Ms', 'hpAchievedRateHz', 'lpIterPerSec'] as const;

function startMs(record: RunRecord): number {
  return Date.parse(record.createdAt);
}

/**
 * Throws when `other` measured something else than `first` (both as baselineFromRun makes them):
 * the comparability rule a run and a stored baseline are held to (baseline-mismatch.ts), plus
 * one worker build and XSched settings recorded by both or neither.
 */
function checkSameMeasurement(first: BaselineFile, other: BaselineFile): void {
  const pair = `runs ${first.runId} and ${other.runId}`;
  const mismatch = findComparedMismatch({ key: other.key, workload: other.workload!, xschedSettings: other.xschedSettings ?? null }, first);
  if (mismatch?.kind === 'key') {
    throw new RunsNotCombinableError(`${pair} have different baseline keys (${formatBaselineKeyFields(first.key)} against ${formatBaselineKeyFields(other.key)}): combine only runs of one scenario on one kind of GPU and sharing mode`);
  }
  if (first.workerVersion !== other.workerVersion) {
    throw new RunsNotCombinableError(`${pair} ran different worker versions (${JSON.stringify(first.workerVersion)} against ${JSON.stringify(other.workerVersion)}): combine only runs of one worker build`);
  }
  if (mismatch?.kind === 'workload') {
    throw new RunsNotCombinableError(`${pair} were measured with different workloads: ${formatWorkloadDifferences(mismatch.differences)} (${first.runId} -> ${other.runId}): combine only runs of one workload`);
  }
  if ((first.xschedSettings === undefined) !== (other.xschedSettings === undefined)) {
    const missing = first.xschedSettings === undefined ? first.runId : other.runId;
    throw new RunsNotCombinableError(`${pair}: only one recorded XSched settings (${missing} has none): combine only runs whose xsched arm recorded the same settings`);
  }
  if (mismatch?.kind === 'xsched-settings') {
    throw new RunsNotCombinableError(`${pair} ran XSched with different settings: ${formatWorkloadDifferences(mismatch.differences)} (${first.runId} -> ${other.runId}): combine only runs of one XSched configuration`);
  }
}

/** One arm over all runs: values concatenated in run order, trialRuns, the runs' hp histograms merged. */
function combineArm(arm: ArmName, singles: BaselineFile[]): BaselineArm {
  const combined: BaselineArm = { hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [], hpHistogram: null, trialRuns: [] };
  const histograms: string[] = [];
  singles.forEach((single, index) => {
    const values = single.arms[arm]!;
    for (const field of PER_TRIAL) combined[field].push(...values[field]);
    // Per trial one entry: hp and lp have one value per trial each where the arm has them.
    const trials = Math.max(values.hpP99Ms.length, values.lpIterPerSec.length);
    combined.trialRuns!.push(...Array<number>(trials).fill(index));
    if (values.hpHistogram !== null) histograms.push(values.hpHistogram);
  });
  if (histograms.length > 0) {
    try {
      combined.hpHistogram = mergeEncodedHistograms(histograms);
    } catch (error) {
      throw new Error(`arm ${arm}: the hp histograms of runs ${singles.map((s) => s.runId).join(', ')} cannot be merged: ${(error as Error).message}`, { cause: error });
    }
  }
  return combined;
}

/**
 * The baseline the runs make together, ordered by start time (record.createdAt). Throws
 * RunsNotCombinableError for fewer than 2 runs, a run given twice, or runs that differ in key,
 * worker version, workload, XSched settings or arms. Does not look at the evaluations' status
 * (updateBaselineFromRuns refuses invalid or incomplete runs first).
 */
export function baselineFromRuns(items: readonly RunToCombine[], options: BaselineFromRunOptions = {}): BaselineFile {
  const ids = items.map((item) => item.record.runId);
  if (items.length < 2) {
    throw new RunsNotCombinableError(`a baseline of several runs needs at least 2 runs, got ${items.length} (${ids.join(', ') || 'none'}): give more runs, or write a baseline from one run alone`);
  }
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new RunsNotCombinableError(`run ${[...new Set(twice)].join(', ')} is given more than once (runs: ${ids.join(', ')}): give each run once`);
  // Equal start times keep the run id order, so the result does not depend on the argument order.
  const ordered = [...items].sort((a, b) => startMs(a.record) - startMs(b.record) || a.record.runId.localeCompare(b.record.runId));
  const now = options.now ?? new Date();
  const singles = ordered.map(({ record, evaluation }) => baselineFromRun(record, evaluation, { ...options, now }));
  const first = singles[0]!;
  for (const other of singles.slice(1)) checkSameMeasurement(first, other);

  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  for (const arm of ALL_ARMS) {
    const holding = singles.filter((s) => s.arms[arm] !== undefined).map((s) => s.runId);
    if (holding.length === 0) continue;
    if (holding.length < singles.length) {
      const lacking = singles.filter((s) => s.arms[arm] === undefined).map((s) => s.runId);
      throw new RunsNotCombinableError(`arm ${arm} was measured in runs ${holding.join(', ')} but not in ${lacking.join(', ')}: a baseline holds every arm of its scenario in every run`);
    }
    arms[arm] = combineArm(arm, singles);
  }

  const runs: BaselineRun[] = ordered.map(({ record }, index) => {
    const machine = findFirstFingerprint(record)?.gpu.uuid;
    const commit = singles[index]!.commit;
    return { runId: record.runId, startedAt: record.createdAt, ...(machine ? { machine } : {}), ...(commit ? { commit } : {}) };
  });
  // One commit only when every run recorded the same one: otherwise the file names none.
  const commit = new Set(singles.map((s) => s.commit)).size === 1 ? first.commit : undefined;
  return {
    schema: first.schema,
    schemaVersion: first.schemaVersion,
    key: first.key,
    createdAt: first.createdAt,
    runId: runs.map((r) => r.runId).join(','),
    workerVersion: first.workerVersion,
    ...(commit !== undefined ? { commit } : {}),
    ...(first.workload ? { workload: first.workload } : {}),
    ...(first.xschedSettings ? { xschedSettings: first.xschedSettings } : {}),
    thresholds: first.thresholds,
    arms,
    ...(first.betweenRunLogSd ? { betweenRunLogSd: first.betweenRunLogSd } : {}),
    runs,
  };
}
