// What `perf:history -- import <paths...>` reads: run directories (run.json + evaluation.json),
// folders of them (results/), baseline files and folders of them (baselines/).

import { readdir, stat } from 'node:fs/promises';
import { BASELINE_SCHEMA } from '../../documents/types/baseline.ts';
import { join } from 'node:path';
import { readJsonFileIfPresent } from '../../documents/fs/read-json-file.ts';
import type { HistoryEntry } from '../../documents/types/history.ts';
import { parseBaselineFile } from '../baselines/parse-baseline.ts';
import { loadEvaluation, loadRunRecord } from '../results/load-run.ts';
import { EVALUATION_FILE, RUN_RECORD_FILE } from '../results/run-directory.ts';
import { historyEntriesFromBaseline } from './entry-from-baseline.ts';
import { historyEntryFromRun } from './entry-from-run.ts';

export interface CollectedEntries {
  entries: HistoryEntry[];
  /** One line per path that gave no entry, saying why. */
  skipped: string[];
}

const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

async function collectPath(path: string, out: CollectedEntries): Promise<void> {
  const info = await stat(path);
  if (info.isFile()) {
    if (!path.endsWith('.json')) return;
    const value = await readJsonFileIfPresent(path);
    const schema = (value as { schema?: unknown } | undefined)?.schema;
    if (schema === BASELINE_SCHEMA) out.entries.push(...historyEntriesFromBaseline(parseBaselineFile(path, value)));
    return;
  }
  if (await exists(join(path, RUN_RECORD_FILE))) {
    if (!(await exists(join(path, EVALUATION_FILE)))) {
      out.skipped.push(`${path}: no ${EVALUATION_FILE} (replay it first: npm run perf:replay -- ${path})`);
      return;
    }
    const record = await loadRunRecord(path);
    const entry = historyEntryFromRun(record, await loadEvaluation(path), 'run.json');
    if (entry) out.entries.push(entry);
    else out.skipped.push(`${path}: no worker finished, so the run has no hardware key`);
    return;
  }
  for (const name of (await readdir(path)).sort()) await collectPath(join(path, name), out);
}

export async function collectHistoryEntries(paths: readonly string[]): Promise<CollectedEntries> {
  const out: CollectedEntries = { entries: [], skipped: [] };
  for (const path of paths) await collectPath(path, out);
  return out;
}
