// Writes the baseline a run (or several runs: from-runs.ts; or runs added to the stored one:
// append-runs.ts) makes, never from an invalid or
// incomplete run (too few trials, an arm x trial missing: baseline-refusals.ts): such a run did
// not measure what the scenario claims, and would poison every later comparison.

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { findBaselineRefusals } from './baseline-refusals.ts';
import { baselineFromRun } from './from-run.ts';
import { appendRunsToBaseline } from './append-runs.ts';
import { baselineFromRuns, RunsNotCombinableError, type RunToCombine } from './from-runs.ts';
import { baselineKeyFromRun, baselinePath } from './key.ts';
import { parseBaselineFile } from './parse-baseline.ts';
import { readBaseline } from './read-baseline.ts';

/** The run may not become a baseline; `reasons` says why (findBaselineRefusals). */
export class BaselineRefusedError extends Error {
  override readonly name = 'BaselineRefusedError';
  constructor(
    readonly runId: string,
    readonly reasons: string[],
    heading = `run ${runId} is never written as a baseline`,
  ) {
    const listed = reasons.length > 0 ? reasons.map((r) => `  - ${r}`).join('\n') : '  - (the evaluation gave no reason)';
    super(`${heading}:\n${listed}`);
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
  return writeBaseline(dir, key, (old) => baselineFromRun(record, evaluation, { existing: old, now }));
}

/**
 * Writes one baseline of all `items` (baselineFromRuns) under `dir`, as updateBaseline does for
 * one run. Throws BaselineRefusedError listing every run that is invalid or incomplete with its
 * reasons (one such run refuses them all), RunsNotCombinableError when the runs differ.
 */
export async function updateBaselineFromRuns(dir: string, items: readonly RunToCombine[], now: Date = new Date()): Promise<BaselineChange> {
  refuseUnfitRuns(items);
  // Checked before the stored file is read: runs of other keys must not reach baselinePath.
  const key = baselineFromRuns(items, { now }).key;
  return writeBaseline(dir, key, (old) => baselineFromRuns(items, { existing: old, now }));
}

/**
 * Adds `items` to the stored baseline of their key under `dir` (appendRunsToBaseline), as
 * updateBaselineFromRuns writes. Throws BaselineRefusedError as it does, RunsNotCombinableError
 * when the runs differ from the stored one, or when none is stored for the first run's key and
 * `whenNoneStored` is 'refuse'; with 'start' (a live run, PERF_UPDATE_BASELINES=append) the runs
 * then make the first baseline. `acceptRegressed`: see appendRunsToBaseline.
 */
export async function appendToStoredBaseline(
  dir: string,
  items: readonly RunToCombine[],
  now: Date = new Date(),
  whenNoneStored: 'refuse' | 'start' = 'refuse',
  options: { acceptRegressed?: boolean } = {},
): Promise<BaselineChange> {
  refuseUnfitRuns(items);
  if (items.length === 0) throw new RunsNotCombinableError('no runs to add: give one or more run directories');
  const key = baselineKeyFromRun(items[0]!.record);
  return writeBaseline(dir, key, (old, path) => {
    if (old === null && whenNoneStored === 'start') {
      return items.length === 1 ? baselineFromRun(items[0]!.record, items[0]!.evaluation, { now }) : baselineFromRuns(items, { now });
    }
    if (old === null) {
      throw new RunsNotCombinableError(`no stored baseline to add run ${items.map((i) => i.record.runId).join(', ')} to (looked for ${path}): write one first, from one run (--from <run dir>) or several (--from <run dir> <run dir> ... --combine)`);
    }
    return appendRunsToBaseline(old, items, { now, ...options });
  });
}

/** One invalid or incomplete run refuses them all, each reason listed. */
function refuseUnfitRuns(items: readonly RunToCombine[]): void {
  const refused = items.flatMap(({ record, evaluation }) => findBaselineRefusals(record, evaluation).map((reason) => `run ${record.runId}: ${reason}`));
  if (refused.length > 0) {
    const ids = items.map((item) => item.record.runId);
    const heading = ids.length === 1 ? `run ${ids[0]} is never written into a baseline: it must be a valid, complete run` : `the runs ${ids.join(', ')} are never written as a baseline: every run of it must be a valid, complete run`;
    throw new BaselineRefusedError(ids.join(','), refused, heading);
  }
}

/** Reads the stored baseline for `key` (refusing to replace an unreadable one), writes `make(old, path)` atomically. */
async function writeBaseline(dir: string, key: BaselineKey, make: (old: BaselineFile | null, path: string) => BaselineFile): Promise<BaselineChange> {
  const path = baselinePath(dir, key);
  let old: BaselineFile | null;
  try {
    old = await readBaseline(dir, key);
  } catch (error) {
    throw new Error(`the stored baseline cannot be read, so it is not replaced; fix or delete it: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const next = make(old, path);
  // Only write what reads back: a NaN would become null in JSON and break the next run.
  parseBaselineFile(`${path} (about to be written)`, JSON.parse(JSON.stringify(next)), key);
  await mkdir(dirname(path), { recursive: true });
  await writeJsonFileAtomic(path, next);
  return { path, old, new: next };
}
