// Saves a run's record and evaluation atomically, and only in a form that loads
// back: a value JSON cannot hold (NaN, Infinity) is refused before anything is written.

import { join } from 'node:path';
import { jsonFileText, writeFileAtomic, writeFileAtomicSync } from '../../documents/fs/write-file-atomic.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { parseEvaluation } from './parse-evaluation.ts';
import { parseRunRecord } from './parse-run-record.ts';
import { EVALUATION_FILE, RUN_RECORD_FILE } from './run-directory.ts';

/**
 * Writes `<dir>/run.json` and returns its path. Synchronous inside (writeFileAtomicSync):
 * it is also what a stopping suite writes, and must not be cut off half-way.
 */
export async function saveRunRecord(dir: string, record: RunRecord): Promise<string> {
  const path = join(dir, RUN_RECORD_FILE);
  const text = jsonFileText(record);
  parseRunRecord(`${path} (about to be written)`, JSON.parse(text));
  writeFileAtomicSync(path, text);
  return path;
}

/**
 * Writes a copy of a record that loadRunRecord has just read and checked (a replay): the
 * same bytes saveRunRecord would write, without parsing and checking up to 100 MB again.
 */
export function copyLoadedRunRecord(dir: string, record: RunRecord): string {
  const path = join(dir, RUN_RECORD_FILE);
  writeFileAtomicSync(path, jsonFileText(record));
  return path;
}

/** Writes `<dir>/evaluation.json` and returns its path. */
export async function saveEvaluation(dir: string, evaluation: ScenarioEvaluation): Promise<string> {
  const path = join(dir, EVALUATION_FILE);
  // Checked as it will load back, from the very text written: serialized once.
  const text = jsonFileText(evaluation);
  parseEvaluation(`${path} (about to be written)`, JSON.parse(text));
  await writeFileAtomic(path, text);
  return path;
}
