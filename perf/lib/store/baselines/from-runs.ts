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
import { formatBaselineKeyFields } from './key.ts';
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

/** Start order; equal starts by run id, so the result does not depend on the order given. */
function byStart(a: BaselineRun, b: BaselineRun): number {
  return Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.runId.localeCompare(b.runId);
}

/** How checkSameMeasurement names the two sides: the pair, and `first` in "(first -> other)". */
export interface MeasurementNames {
  pair: string;
  first: string;
}

/**
 * Throws when `other` measured something else than `first` (both as baselineFromRun makes them,
 * or `first` a stored baseline): the comparability rule a run and a stored baseline are held to
 * (baseline-mismatch.ts), plus one worker build and XSched settings recorded by both or neither.
 */
export function checkSameMeasurement(first: BaselineFile, other: BaselineFile, names: MeasurementNames = { pair: `runs ${first.runId} and ${other.runId}`, first: first.runId }): void {
  const pair = names.pair;
  const mismatch = findComparedMismatch({ key: other.key, workload: other.workload!, xschedSettings: other.xschedSettings ?? null }, first);
  if (mismatch?.kind === 'key') {
    throw new RunsNotCombinableError(`${pair} have different baseline keys (${formatBaselineKeyFields(first.key)} against ${formatBaselineKeyFields(other.key)}): combine only runs of one scenario on one kind of GPU and sharing mode`);
  }
  if (first.workerVersion !== other.workerVersion) {
    throw new RunsNotCombinableError(`${pair} ran different worker versions (${JSON.stringify(first.workerVersion)} against ${JSON.stringify(other.workerVersion)}): combine only runs of one worker build`);
  }
  if (mismatch?.kind === 'workload') {
    throw new RunsNotCombinableError(`${pair} were measured with different workloads: ${formatWorkloadDifferences(mismatch.differences)} (${names.first} -> ${other.runId}): combine only runs of one workload`);
  }
  if ((first.xschedSettings === undefined) !== (other.xschedSettings === undefined)) {
    const missing = first.xschedSettings === undefined ? names.first : other.runId;
    throw new RunsNotCombinableError(`${pair}: only one recorded XSched settings (${missing} has none): combine only runs whose xsched arm recorded the same settings`);
  }
  if (mismatch?.kind === 'xsched-settings') {
    throw new RunsNotCombinableError(`${pair} ran XSched with different settings: ${formatWorkloadDifferences(mismatch.differences)} (${names.first} -> ${other.runId}): combine only runs of one XSched configuration`);
  }
}

/** One run's share of a baseline of several runs: its entry in `runs` and its trials per arm. */
export interface RunPart {
  run: BaselineRun;
  arms: BaselineFile['arms'];
}

/** A run's part: its start, and from `single` (its baseline alone, baselineFromRun) its machine, commit and arms. */
export function partOfRun(record: RunRecord, single: BaselineFile): RunPart {
  const run: BaselineRun = { runId: record.runId, startedAt: record.createdAt, ...(single.machine ? { machine: single.machine } : {}), ...(single.commit ? { commit: single.commit } : {}) };
  return { run, arms: single.arms };
}

/** One arm over all parts: values concatenated in part order, trialRuns, the hp histograms that are there merged. */
function combineArm(arm: ArmName, parts: readonly RunPart[]): BaselineArm {
  const combined: BaselineArm = { hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [], hpHistogram: null, trialRuns: [] };
  const histograms: string[] = [];
  parts.forEach((part, index) => {
    const values = part.arms[arm]!;
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
      throw new Error(`arm ${arm}: the hp histograms of runs ${parts.map((p) => p.run.runId).join(', ')} cannot be merged: ${(error as Error).message}`, { cause: error });
    }
  }
  return combined;
}

/**
 * The baseline of `parts`, in start order (equal starts by run id), with the rest of `meta` (key,
 * workload, thresholds: one run's baseline, as baselineFromRun makes it). Throws
 * RunsNotCombinableError for an arm that some parts lack. Names a commit only when every run has
 * the same one.
 */
export function assembleBaseline(meta: BaselineFile, parts: readonly RunPart[]): BaselineFile {
  const ordered = [...parts].sort((a, b) => byStart(a.run, b.run));
  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  for (const arm of ALL_ARMS) {
    const holding = ordered.filter((p) => p.arms[arm] !== undefined).map((p) => p.run.runId);
    if (holding.length === 0) continue;
    if (holding.length < ordered.length) {
      const lacking = ordered.filter((p) => p.arms[arm] === undefined).map((p) => p.run.runId);
      throw new RunsNotCombinableError(`arm ${arm} was measured in runs ${holding.join(', ')} but not in ${lacking.join(', ')}: a baseline holds every arm of its scenario in every run`);
    }
    arms[arm] = combineArm(arm, ordered);
  }
  const runs = ordered.map((p) => p.run);
  const commits = new Set(runs.map((r) => r.commit));
  const commit = commits.size === 1 ? runs[0]!.commit : undefined;
  return {
    schema: meta.schema,
    schemaVersion: meta.schemaVersion,
    key: meta.key,
    createdAt: meta.createdAt,
    runId: runs.map((r) => r.runId).join(','),
    workerVersion: meta.workerVersion,
    ...(commit !== undefined ? { commit } : {}),
    ...(meta.workload ? { workload: meta.workload } : {}),
    ...(meta.xschedSettings ? { xschedSettings: meta.xschedSettings } : {}),
    thresholds: meta.thresholds,
    arms,
    ...(meta.betweenRunLogSd ? { betweenRunLogSd: meta.betweenRunLogSd } : {}),
    runs,
  };
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
  const now = options.now ?? new Date();
  const singles = items.map(({ record, evaluation }) => baselineFromRun(record, evaluation, { ...options, now }));
  const parts = items.map(({ record }, i) => partOfRun(record, singles[i]!));
  // The earliest run is the one the others are held to and named against.
  const order = parts.map((_, i) => i).sort((a, b) => byStart(parts[a]!.run, parts[b]!.run));
  const first = singles[order[0]!]!;
  for (const i of order.slice(1)) checkSameMeasurement(first, singles[i]!);
  return assembleBaseline(first, parts);
}
