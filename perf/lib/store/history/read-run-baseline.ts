// The baseline a run is judged against: the stored file (default), or, with
// PERF_BASELINE_FROM=history:K, one made from the last K accepted main-branch runs in the
// history store (PERF_HISTORY_URL, else <resultsDir>/history.sqlite).

import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';
import { readBaseline } from '../baselines/read-baseline.ts';
import { BASELINE_FROM_VARIABLE, baselineFromHistory, parseBaselineFrom } from './baseline-from-history.ts';
import { historyTargetOrDefault, openHistoryStore } from './open-history-store.ts';

export async function readRunBaseline(
  dirs: { baselinesDir: string; resultsDir: string },
  key: BaselineKey,
  env: Record<string, string | undefined> = process.env,
): Promise<BaselineFile | null> {
  const choice = parseBaselineFrom(env[BASELINE_FROM_VARIABLE]);
  if (choice.from === 'file') return readBaseline(dirs.baselinesDir, key);
  const store = await openHistoryStore(historyTargetOrDefault(env, dirs.resultsDir));
  try {
    return await baselineFromHistory(store, key, choice.runs);
  } finally {
    await store.close();
  }
}
