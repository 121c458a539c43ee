// A replay that leaves what a live run leaves: results/replay-<runId>/ with a copy of the
// record, its evaluation and reports, registered in results/latest.json under the
// invocation, so the invocation's merged summary (invocation-reports.ts) holds it.
// Used by the Vitest replay (execute-plan.ts) and by scripts/replay.ts.

import { mkdir, rm } from 'node:fs/promises';
import type { Settings } from '../plan/config/index.ts';
import { copyLoadedRunRecord, loadRunRecord } from '../store/results/index.ts';
import { readSuiteVersion } from '../run/orchestrate/host-info.ts';
import { finishRun, replayOutDir, type FinishedRun } from './finish-run.ts';

export async function replayIntoResults(
  runPath: string,
  settings: Settings,
  invocationId: string,
  log?: (text: string) => void,
): Promise<FinishedRun> {
  const record = await loadRunRecord(runPath);
  const outDir = replayOutDir(settings.resultsDir, record.runId);
  const created = await mkdir(outDir, { recursive: true });
  try {
    // The record goes with the replay's evaluation and reports, so the invocation's merged summary and
    // report find the replayed run like a live one, and print its table once.
    copyLoadedRunRecord(outDir, record);
    return await finishRun({ record, outDir, settings, invocationId, suiteVersion: readSuiteVersion(), ...(log ? { log } : {}) });
  } catch (error) {
    // A replay that failed (a broken baseline, say) leaves no folder it made behind.
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw error;
  }
}
