// Writes the baseline a run makes, never from an invalid or incomplete run (too few trials,
// an arm x trial missing: baseline-refusals.ts): such a run did not measure what the
// scenario claims, and would poison every later comparison.

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { findBaselineRefusals } from './baseline-refusals.ts';
import { baselineFromRun } from './from-run.ts';
import { baselineKeyFromRun, baselinePath } from './key.ts';
import { parseBaselineFile } from './parse-baseline.ts';
import { readBaseline } from './read-baseline.ts';

/** The run may not become a baseline; `reasons` says why (findBaselineRefusals). */
export class BaselineRefusedError extends Error {
  override readonly name = 'BaselineRefusedError';
  constructor(
    readonly runId: string,
    readonly reasons: string[],
  ) {
    const listed = reasons.length > 0 ? reasons.map((r) => `  - ${r}`).join('\n') : '  - (the evaluation gave no reason)';
    super(`run ${runId} is never written as a baseline:\n${listed}`);
  }
}

export interface BaselineChange {
  path: string;
  old: BaselineFile | null;
  new: BaselineFile;
}

/**
 * Writes the baseline for `record` under `dir` (atomically) and returns the old and
 * new contents. Throws BaselineRefusedError for an invalid or incomplete run, and refuses to replace an
 * existing baseline it cannot read (it may hold hand-set thresholds): fix or delete it.
 */
export async function updateBaseline(
  dir: string,
  record: RunRecord,
  evaluation: ScenarioEvaluation,
  now: Date = new Date(),
): Promise<BaselineChange> {
  const refusals = findBaselineRefusals(record, evaluation);
  if (refusals.length > 0) throw new BaselineRefusedError(record.runId, refusals);
  const key = baselineKeyFromRun(record);
  const path = baselinePath(dir, key);
  let old: BaselineFile | null;
  try {
    old = await readBaseline(dir, key);
  } catch (error) {
    throw new Error(`the stored baseline cannot be read, so it is not replaced; fix or delete it: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const next = baselineFromRun(record, evaluation, { existing: old, now });
  // Only write what reads back: a NaN would become null in JSON and break the next run.
  parseBaselineFile(`${path} (about to be written)`, JSON.parse(JSON.stringify(next)), key);
  await mkdir(dirname(path), { recursive: true });
  await writeJsonFileAtomic(path, next);
  return { path, old, new: next };
}
