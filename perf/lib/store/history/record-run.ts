// The suite's automatic recording: after a run is evaluated and saved, its entry goes to the
// configured history store (PERF_HISTORY_URL). Invalid runs are kept with their status, never
// as accepted. A store that cannot be reached does not fail the run: the run is saved, and
// the message says how to backfill it.

import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { historyEntryFromRun } from './entry-from-run.ts';
import { configuredHistoryTarget, openHistoryStore } from './open-history-store.ts';

export async function recordRunInHistory(
  record: RunRecord,
  evaluation: ScenarioEvaluation,
  runDir: string,
  log: (text: string) => void,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let target;
  try {
    target = configuredHistoryTarget(env);
  } catch (error) {
    log(`history: not recorded: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!target) return;
  const entry = historyEntryFromRun(record, evaluation, 'run');
  if (!entry) {
    log(`history: run ${record.runId} not recorded: no worker finished, so it has no hardware key`);
    return;
  }
  try {
    const store = await openHistoryStore(target);
    try {
      const result = await store.record([entry]);
      const what = result.added === 1 ? `recorded (${entry.run.status}${entry.run.accepted ? '' : ', not accepted'})` : 'already there';
      log(`history: run ${record.runId} ${what} in ${store.location}`);
    } finally {
      await store.close();
    }
  } catch (error) {
    log(`history: run ${record.runId} NOT recorded: ${error instanceof Error ? error.message : String(error)}; backfill later with npm run perf:history -- import ${runDir}`);
  }
}
