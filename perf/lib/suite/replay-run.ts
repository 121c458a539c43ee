// Re-evaluates a saved run with the evaluation code of this checkout: the record,
// the stored baseline for its hardware, and the same checks a live run gets.
// Used by scripts/replay.ts and scripts/update-baselines.ts --from.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { baselineKeyOfRun } from '../store/baselines/key.ts';
import { readBaseline } from '../store/baselines/read-baseline.ts';
import { evaluateRun } from '../evaluate/index.ts';
import type { BaselineFile, BaselineKey } from '../documents/types/baseline.ts';
import type { ScenarioEvaluation } from '../documents/types/evaluation.ts';
import type { RunRecord } from '../documents/types/run-record.ts';
import { loadEvaluation, loadRunRecord } from '../store/results/load-run.ts';
import { EVALUATION_FILE, RUN_RECORD_FILE } from '../store/results/run-directory.ts';

export interface ReplayedRun {
  runDir: string;
  record: RunRecord;
  /** null when no worker finished (no fingerprint to key a baseline by). */
  baselineKey: BaselineKey | null;
  baseline: BaselineFile | null;
  evaluation: ScenarioEvaluation;
  /** The evaluation saved with the run, when there is one, to show what changed. */
  savedEvaluation: ScenarioEvaluation | null;
}

/** Loads the run at `pathOrDir` (a run directory or its run.json) and evaluates it again. */
export async function replayRun(pathOrDir: string, baselinesDir: string): Promise<ReplayedRun> {
  const record = await loadRunRecord(pathOrDir);
  const runDir = pathOrDir.endsWith('.json') ? dirname(pathOrDir) : pathOrDir;
  const baselineKey = baselineKeyOfRun(record);
  const baseline = baselineKey ? await readBaseline(baselinesDir, baselineKey) : null;
  const evaluation = evaluateRun(record, baseline);
  const savedFile = join(runDir, EVALUATION_FILE);
  const savedEvaluation = existsSync(savedFile) && existsSync(join(runDir, RUN_RECORD_FILE)) ? await loadEvaluation(savedFile) : null;
  return { runDir, record, baselineKey, baseline, evaluation, savedEvaluation };
}
