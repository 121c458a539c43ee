// Re-evaluates a saved run with the evaluation code of this checkout: the record,
// the stored baseline for its hardware, and the same checks a live run gets.
// Used by scripts/update-baselines.ts --from (scripts/replay.ts reads the saved evaluation here
// and replays through replay-into-results.ts, as the Vitest replay does).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { baselineKeyOfRun } from '../store/baselines/key.ts';
import { readBaseline } from '../store/baselines/read-baseline.ts';
import { describeBaselineProblem } from '../store/baselines/baseline-problem.ts';
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
  /** Why no comparable stored baseline judged it (describeBaselineProblem); null when one did. */
  baselineProblem: string | null;
  evaluation: ScenarioEvaluation;
  /** The evaluation saved with the run, when there is one and this suite reads it, to show what changed. */
  savedEvaluation: ScenarioEvaluation | null;
  /** Why the saved evaluation was not read (e.g. schemaVersion 1, from before "untested"); null otherwise. */
  savedEvaluationProblem: string | null;
}

/** The saved evaluation, or why it cannot be read: an old one must not stop the replay that supersedes it. */
async function readSavedEvaluation(runDir: string): Promise<{ saved: ScenarioEvaluation | null; problem: string | null }> {
  const savedFile = join(runDir, EVALUATION_FILE);
  if (!existsSync(savedFile) || !existsSync(join(runDir, RUN_RECORD_FILE))) return { saved: null, problem: null };
  try {
    return { saved: await loadEvaluation(savedFile), problem: null };
  } catch (error) {
    return { saved: null, problem: (error as Error).message };
  }
}

/** The evaluation saved with the run at `pathOrDir` (a run directory or its run.json), or why it was not read. */
export function readSavedEvaluationOf(pathOrDir: string): Promise<{ saved: ScenarioEvaluation | null; problem: string | null }> {
  return readSavedEvaluation(runDirOf(pathOrDir));
}

const runDirOf = (pathOrDir: string): string => (pathOrDir.endsWith('.json') ? dirname(pathOrDir) : pathOrDir);

/** Loads the run at `pathOrDir` (a run directory or its run.json) and evaluates it again. */
export async function replayRun(pathOrDir: string, baselinesDir: string): Promise<ReplayedRun> {
  const record = await loadRunRecord(pathOrDir);
  const runDir = runDirOf(pathOrDir);
  const baselineKey = baselineKeyOfRun(record);
  const baseline = baselineKey ? await readBaseline(baselinesDir, baselineKey) : null;
  const evaluation = evaluateRun(record, baseline);
  const { saved, problem } = await readSavedEvaluation(runDir);
  const baselineProblem = describeBaselineProblem(record, baselineKey, baseline, baselinesDir);
  return { runDir, record, baselineKey, baseline, baselineProblem, evaluation, savedEvaluation: saved, savedEvaluationProblem: problem };
}
