import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../../documents/fs/read-json-file.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { parseEvaluation } from './parse-evaluation.ts';
import { parseRunRecord } from './parse-run-record.ts';
import { EVALUATION_FILE, RUN_RECORD_FILE } from './run-directory.ts';

/** `pathOrDir` itself when it is a file, else `<pathOrDir>/<fileName>`. */
async function resolveFile(pathOrDir: string, fileName: string): Promise<string> {
  try {
    return (await stat(pathOrDir)).isDirectory() ? join(pathOrDir, fileName) : pathOrDir;
  } catch (error) {
    throw new Error(`${pathOrDir}: no such run directory or file`, { cause: error });
  }
}

/** A validated run record from a run directory or a run.json path; errors name file and field. */
export async function loadRunRecord(pathOrDir: string): Promise<RunRecord> {
  const file = await resolveFile(pathOrDir, RUN_RECORD_FILE);
  return parseRunRecord(file, await readJsonFile(file));
}

/** A validated evaluation from a run directory or an evaluation.json path. */
export async function loadEvaluation(pathOrDir: string): Promise<ScenarioEvaluation> {
  const file = await resolveFile(pathOrDir, EVALUATION_FILE);
  return parseEvaluation(file, await readJsonFile(file));
}
