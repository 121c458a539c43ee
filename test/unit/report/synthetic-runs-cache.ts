// Builds the synthetic fixture once per test file (it takes a moment).

import { buildSyntheticRuns, type SyntheticRun } from '../../fixtures/synthetic-run/build-synthetic-runs.ts';

let cached: SyntheticRun[] | null = null;

export function getSyntheticRuns(): SyntheticRun[] {
  cached ??= buildSyntheticRuns();
  return cached;
}
