// A finished sweep read back from its directory (docs/sweeps.md), for the regression check of
// XSched's frontier (PERF_SWEEP_COMPARE_TO): what it asked (sweep.json), its judged points
// (sweep-evaluation.json) and the saved unit-trial runs of the units the caller names (the
// check reads a few of them, suite/sweep/compare-sweep.ts; the others are not read).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { failInFile, readJsonFile } from '../../documents/fs/read-json-file.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { SweepEvaluationFileSchema, SweepPlanFileSchema } from '../../documents/schemas/sweep.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { SweepEvaluationFile } from '../../documents/types/sweep.ts';
import { FIXED_UNITS } from '../../plan/sweeps/expand.ts';
import { loadFinishedUnitTrial, SWEEP_PLAN_FILE, type SweepKey } from './sweep-directory.ts';

export const SWEEP_EVALUATION_FILE = 'sweep-evaluation.json';

interface SavedSweep {
  dir: string;
  key: SweepKey;
  evaluation: SweepEvaluationFile;
  /** Per unit id picked by `unitIds`, in the plan's order, its arm and finished unit-trial runs. */
  units: Array<{ id: string; arm: string; runs: RunRecord[] }>;
}

async function readParsed<T>(file: string, parse: (value: unknown) => T): Promise<T> {
  if (!existsSync(file)) throw new Error(`${file} does not exist: PERF_SWEEP_COMPARE_TO must name the directory of a finished sweep`);
  return parse(await readJsonFile(file));
}

/** `unitIds` picks, from the saved evaluation, the units whose runs are read; the others' are not. */
export async function loadSavedSweep(dir: string, unitIds: (evaluation: SweepEvaluationFile) => readonly string[]): Promise<SavedSweep> {
  const planFile = join(dir, SWEEP_PLAN_FILE);
  const evaluationFile = join(dir, SWEEP_EVALUATION_FILE);
  const plan = await readParsed(planFile, (value) => parseDocument(SweepPlanFileSchema, value, failInFile(planFile)));
  const evaluation = await readParsed(evaluationFile, (value) => parseDocument(SweepEvaluationFileSchema, value, failInFile(evaluationFile)));
  const wanted = new Set(unitIds(evaluation));
  const units = [];
  for (const unit of [...FIXED_UNITS, ...plan.key.units].filter((u) => wanted.has(u.id))) {
    const runs: RunRecord[] = [];
    // An adaptive sweep's refinement runs trials after the coarse grid's (suite/sweep/run-sweep.ts).
    for (let trial = 0; trial < plan.key.trials * (plan.key.adaptive ? 2 : 1); trial++) {
      const run = await loadFinishedUnitTrial(dir, unit.id, trial);
      if (run !== null) runs.push(run);
    }
    units.push({ id: unit.id, arm: unit.arm, runs });
  }
  return { dir, key: plan.key, evaluation, units };
}
