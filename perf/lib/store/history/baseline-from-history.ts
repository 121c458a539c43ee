// A baseline made from history: the last K accepted runs on the main branch for a key, their
// per-trial values concatenated per arm, so the regression decision sees between-run variance
// and not only one run's trials. A BaselineFile like a stored one (documents/types/baseline.ts);
// runId names the runs it came from. Chosen with PERF_BASELINE_FROM=history:K (docs/history.md).

import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineArm, type BaselineFile, type BaselineKey } from '../../documents/types/baseline.ts';
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

export function baselineFromEntries(key: BaselineKey, entries: readonly HistoryEntry[], now = new Date()): BaselineFile | null {
  if (entries.length === 0) return null;
  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  for (const { points } of entries) {
    for (const point of points) {
      const field = VALUE_FIELDS.find((f) => f === point.metric);
      if (!field) continue;
      const arm = (arms[point.arm] ??= { hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [], hpHistogram: null });
      arm[field].push(...point.trials);
    }
  }
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
  };
}

/** The last `runs` accepted main-branch runs for `key` as one baseline; null when there are none. */
export async function baselineFromHistory(store: HistoryStore, key: BaselineKey, runs: number): Promise<BaselineFile | null> {
  const entries = await store.query({ key, branch: HISTORY_BASELINE_BRANCH, acceptedOnly: true, last: runs });
  return baselineFromEntries(key, entries);
}
