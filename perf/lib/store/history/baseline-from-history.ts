// A baseline made from history: the last K accepted runs on the main branch for a key, their
// per-trial values concatenated per arm, so the regression decision sees between-run variance
// and not only one run's trials. A BaselineFile like a stored one (documents/types/baseline.ts):
// runId names the runs it came from, and with 2 or more runs `runs` lists them and each arm's
// `trialRuns` says which run each trial came from, as in a baseline of several stored runs
// (baselines/from-runs.ts; the verdict's model: docs/statistics.md 3.4). Chosen with
// PERF_BASELINE_FROM=history:K (docs/history.md).

import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineArm, type BaselineFile, type BaselineKey, type BaselineRun } from '../../documents/types/baseline.ts';
import type { HistoryEntry } from '../../documents/types/history.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { HistoryStore } from './history-store.ts';

export const BASELINE_FROM_VARIABLE = 'PERF_BASELINE_FROM';
export const HISTORY_BASELINE_BRANCH = 'main';

/** PERF_BASELINE_FROM: unset or "file" (the stored baseline), or "history:K" with K >= 2. */
export function parseBaselineFrom(value: string | undefined): { from: 'file' } | { from: 'history'; runs: number } {
  const text = (value ?? '').trim();
  if (text === '' || text === 'file') return { from: 'file' };
  const match = /^history:(\d+)$/.exec(text);
  const runs = match ? Number(match[1]) : NaN;
  if (!(runs >= 2 && runs <= 1000)) {
    throw new Error(`${BASELINE_FROM_VARIABLE}=${JSON.stringify(value)}: use "file" or history:K with K from 2 to 1000 (e.g. history:5), the last K accepted main-branch runs`);
  }
  return { from: 'history', runs };
}

const VALUE_FIELDS = ['hpP99Ms', 'hpP50Ms', 'hpAchievedRateHz', 'lpIterPerSec'] as const;

/** Every arm's non-empty per-trial arrays have one value per trialRuns entry (the file's rule, baseline schema). */
function checkTrialRuns(arms: Partial<Record<ArmName, BaselineArm>>, entries: readonly HistoryEntry[]): void {
  for (const [arm, values] of Object.entries(arms)) {
    const expected = values!.trialRuns!.length;
    const uneven = VALUE_FIELDS.find((field) => values![field].length !== 0 && values![field].length !== expected);
    if (uneven === undefined) continue;
    const ids = entries.map((e) => e.run.runId).join(', ');
    throw new Error(`history runs ${ids}, arm ${arm}: ${values![uneven].length} ${uneven} values for ${expected} trials; some runs recorded it and some did not: query fewer runs (PERF_BASELINE_FROM=history:K) or re-import them`);
  }
}

/**
 * The history run as a BaselineFile's run. No `machine`: the store keeps the runner's hostname,
 * which in a container job (.github/workflows/perf.yml) is a new name every run, so it would
 * count one GPU host as many and lift the floor on the between-run noise
 * (evaluate/verdicts/baseline-runs-span.ts); unknown, only a span of days counts.
 */
function baselineRun(run: HistoryEntry['run']): BaselineRun {
  return { runId: run.runId, startedAt: run.createdAt, ...(run.commit !== null ? { commit: run.commit } : {}) };
}

export function baselineFromEntries(key: BaselineKey, entries: readonly HistoryEntry[], now = new Date()): BaselineFile | null {
  if (entries.length === 0) return null;
  const several = entries.length >= 2;
  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  entries.forEach(({ points }, index) => {
    const trialsOf = new Map<ArmName, { hp: number; lp: number }>();
    for (const point of points) {
      const field = VALUE_FIELDS.find((f) => f === point.metric);
      if (!field) continue;
      const arm = (arms[point.arm] ??= { hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [], hpHistogram: null, ...(several ? { trialRuns: [] } : {}) });
      arm[field].push(...point.trials);
      const counts = trialsOf.get(point.arm) ?? { hp: 0, lp: 0 };
      if (field === 'hpP99Ms') counts.hp = point.trials.length;
      if (field === 'lpIterPerSec') counts.lp = point.trials.length;
      trialsOf.set(point.arm, counts);
    }
    if (!several) return;
    // One trialRuns entry per trial of this run: its hp values' count, or its lp values' where it
    // has no hp (equal where both exist; checkTrialRuns names a run where they are not).
    for (const [armName, counts] of trialsOf) arms[armName]!.trialRuns!.push(...Array<number>(Math.max(counts.hp, counts.lp)).fill(index));
  });
  if (several) checkTrialRuns(arms, entries);
  const last = entries[entries.length - 1]!.run;
  return {
    schema: BASELINE_SCHEMA,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    key,
    createdAt: now.toISOString(),
    runId: `history:${entries.map((e) => e.run.runId).join(',')}`,
    workerVersion: last.workerVersion ?? 'unknown',
    thresholds: {},
    arms,
    ...(several ? { runs: entries.map((e) => baselineRun(e.run)) } : {}),
  };
}

/** The last `runs` accepted main-branch runs for `key` as one baseline; null when there are none. */
export async function baselineFromHistory(store: HistoryStore, key: BaselineKey, runs: number): Promise<BaselineFile | null> {
  const entries = await store.query({ key, branch: HISTORY_BASELINE_BRANCH, acceptedOnly: true, last: runs });
  return baselineFromEntries(key, entries);
}
