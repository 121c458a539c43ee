import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EVALUATION_FILE, parseRunId, RUN_RECORD_FILE } from './run-directory.ts';

export interface RunEntry {
  runId: string;
  dir: string;
  scenario: string;
  /** From the run id (UTC, whole seconds). */
  createdAt: string;
  hasRecord: boolean;
  hasEvaluation: boolean;
}

/** Run directories under `root`, oldest first; other entries are ignored. An absent root has none. */
export async function listRuns(root: string): Promise<RunEntry[]> {
  let names: string[];
  try {
    names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`could not list runs in ${root}: ${(error as Error).message}`, { cause: error });
  }
  return names
    .flatMap((runId) => {
      const parsed = parseRunId(runId);
      if (!parsed) return [];
      const dir = join(root, runId);
      return [{ runId, dir, ...parsed, hasRecord: existsSync(join(dir, RUN_RECORD_FILE)), hasEvaluation: existsSync(join(dir, EVALUATION_FILE)) }];
    })
    .sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
}
