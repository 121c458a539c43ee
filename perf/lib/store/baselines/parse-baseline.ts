// Full validation of a baseline file against its schema (documents/schemas/baseline.ts,
// published as schemas/baseline.schema.json): anything wrong names the file and the field,
// because a silently half-read baseline would make every later verdict wrong.

import { JsonFileError } from '../../documents/fs/read-json-file.ts';
import { parseSavedDocument } from '../../documents/schemas/parse-saved-document.ts';
import { BaselineFileSchema } from '../../documents/schemas/baseline.ts';
import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';

const KEY_FIELDS: Array<keyof BaselineKey> = ['scenario', 'platform', 'gpuName', 'arch', 'sharing'];

/**
 * The baseline in `value` (parsed JSON of `file`). With `expectedKey`, the key stored in
 * the file must be that key: a renamed or copied file must not stand in for other hardware.
 */
export function parseBaselineFile(file: string, value: unknown, expectedKey?: BaselineKey): BaselineFile {
  // The update reads the stored baseline too, so the advice removes it first: then the update writes a new one.
  const baseline = parseSavedDocument(file, value, BaselineFileSchema, `remove it and store a new one: rm '${file}' && npm run perf:update-baselines`);
  for (const field of KEY_FIELDS) {
    if (expectedKey && baseline.key[field] !== expectedKey[field]) {
      throw new JsonFileError(file, `key.${field}`, `is ${JSON.stringify(baseline.key[field])} but the file is looked up for ${JSON.stringify(expectedKey[field])} (renamed or copied by hand?)`);
    }
  }
  checkBaselineRuns(file, baseline);
  return baseline;
}

/** A baseline of several runs: every arm says which run each trial came from, and only runs it lists. */
function checkBaselineRuns(file: string, baseline: BaselineFile): void {
  if (baseline.runs !== undefined && baseline.machine !== undefined) {
    throw new JsonFileError(file, 'machine', `is set, but the baseline lists ${baseline.runs.length} runs, each with its own machine (runs[].machine): remove it`);
  }
  for (const [arm, values] of Object.entries(baseline.arms)) {
    if (values === undefined) continue;
    if (baseline.runs === undefined) {
      if (values.trialRuns !== undefined) throw new JsonFileError(file, `arms.${arm}.trialRuns`, 'is set, but the baseline lists no runs (runs): remove it, or list the runs it indexes');
      continue;
    }
    if (values.trialRuns === undefined) throw new JsonFileError(file, `arms.${arm}.trialRuns`, `is missing: a baseline of several runs (runs: ${baseline.runs.length}) says which run each trial came from`);
    const outside = values.trialRuns.find((index) => index >= baseline.runs!.length);
    if (outside !== undefined) throw new JsonFileError(file, `arms.${arm}.trialRuns`, `has ${outside}, but the baseline lists only ${baseline.runs.length} runs (indexes 0 to ${baseline.runs.length - 1})`);
  }
}
