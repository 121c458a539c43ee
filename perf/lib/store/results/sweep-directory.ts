// A sweep's directory (docs/sweeps.md): sweep.json holds what was asked for; every
// unit-trial is an ordinary run directory runs/<unit>-t<trial>/ with its run.json, saved when
// that arm-trial ends. The run.json files are the truth about what finished, so a sweep that
// was stopped at any point resumes by skipping the unit-trials whose run.json is complete.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../../documents/fs/read-json-file.ts';
import { slugify } from '../../documents/fs/slugify.ts';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';
import { parseSavedDocument } from '../../documents/schemas/parse-saved-document.ts';
import { SWEEP_PLAN_SCHEMA, SWEEP_PLAN_SCHEMA_VERSION, SweepPlanFileSchema } from '../../documents/schemas/sweep.ts';
import { runStatusOf, type RunRecord } from '../../documents/types/run-record.ts';
import type { SweepPlanFile } from '../../documents/types/sweep.ts';
import { loadRunRecord } from './load-run.ts';
import { RUN_RECORD_FILE } from './run-directory.ts';

export const SWEEP_PLAN_FILE = 'sweep.json';

/** What must be equal for a saved sweep to be resumed rather than started afresh (documents/schemas/sweep.ts). */
export type SweepKey = SweepPlanFile['key'];

export function unitRunDir(sweepDir: string, unitId: string, trial: number): string {
  return join(sweepDir, 'runs', `${slugify(unitId)}-t${trial}`);
}

/** The first field of `key` that differs from the saved one, or null when they are equal. */
function firstDifference(saved: SweepKey, wanted: SweepKey): string | null {
  for (const field of Object.keys(wanted) as Array<keyof SweepKey>) {
    if (JSON.stringify(saved[field]) !== JSON.stringify(wanted[field])) return `${field}: saved ${JSON.stringify(saved[field])}, now ${JSON.stringify(wanted[field])}`;
  }
  return null;
}

/**
 * Creates sweep.json, or checks that the one there asks for the same sweep (then the run
 * resumes). Returns 'resumed' or 'new'; throws naming the field when they differ.
 */
export async function openSweepDirectory(sweepDir: string, key: SweepKey, now: Date = new Date()): Promise<'new' | 'resumed'> {
  const file = join(sweepDir, SWEEP_PLAN_FILE);
  if (existsSync(file)) {
    const value = await readJsonFile(file);
    parseSavedDocument(file, value, SweepPlanFileSchema, 'start the sweep in a new directory');
    // The key as saved, not the parse's copy: the parse rebuilds objects in the schema's key
    // order, and the comparison below is by JSON text.
    const difference = firstDifference((value as SweepPlanFile).key, key);
    if (difference !== null) throw new Error(`${file} holds another sweep (${difference}): resume it with the same settings, or use a new PERF_SWEEP_DIR`);
    return 'resumed';
  }
  await mkdir(sweepDir, { recursive: true });
  const plan: SweepPlanFile = { schema: SWEEP_PLAN_SCHEMA, schemaVersion: SWEEP_PLAN_SCHEMA_VERSION, createdAt: now.toISOString(), key };
  await writeJsonFileAtomic(file, plan);
  return 'new';
}

/** The saved run of one unit-trial when it completed; null when absent or stopped part-way (it runs again). */
export async function loadFinishedUnitTrial(sweepDir: string, unitId: string, trial: number): Promise<RunRecord | null> {
  const dir = unitRunDir(sweepDir, unitId, trial);
  if (!existsSync(join(dir, RUN_RECORD_FILE))) return null;
  const record = await loadRunRecord(dir);
  return runStatusOf(record).state === 'complete' ? record : null;
}
