// Runs added to a stored baseline (npm run perf:update-baselines -- --from <run dir> ... --append):
// the stored runs, split back by trialRuns (baseline-source.ts), and the new ones, assembled in
// start order as --combine does (from-runs.ts). A baseline can so grow by a run or two per day or
// per session without keeping every run directory: the runs of a 12-minute scenario
// accumulate across sessions, and the regression verdict estimates their between-run noise once
// they span machines or a day (docs/statistics.md 3.4, docs/baselines.md).

import type { BaselineArm, BaselineFile } from '../../documents/types/baseline.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { describeBaselineRuns, storedRunsOf } from './baseline-source.ts';
import { baselineFromRun, type BaselineFromRunOptions } from './from-run.ts';
import { assembleBaseline, checkSameMeasurement, partOfRun, RunsNotCombinableError, type RunPart, type RunToCombine } from './from-runs.ts';

/**
 * The messages of the regression verdicts `evaluation` failed. Added to a baseline, such a run
 * would move its level and widen its between-run noise towards the change it shows: a new level
 * is a replacement, asked for as one, not another sample of the old one.
 */
export function failedRegressions(item: RunToCombine): string[] {
  return item.evaluation.verdicts.filter((v) => v.id.startsWith('regression') && v.status === 'fail').map((v) => `[${v.id}] ${v.message}`);
}

/**
 * `stored` with `items` added, each evaluated against `stored` (the live run's evaluation, or a
 * replay against the same baselines directory). Throws RunsNotCombinableError for no runs, a run
 * given twice or already stored, a run that failed a regression verdict against it, a stored
 * baseline that records no workload, or runs that differ from it in key, worker version,
 * workload, XSched settings or arms. Keeps the stored hand-set thresholds and between-run noise.
 * Does not look at the evaluations' status otherwise (appendToStoredBaseline refuses invalid or
 * incomplete runs first). `acceptRegressed` (asked for by hand, --accept-regressed) adds runs that
 * failed a regression verdict: runs the user knows are unchanged, on a machine whose level the
 * baseline has not seen. Refusing them for ever would keep the baseline's spread narrower than
 * the machines it is judged on (docs/gpu-results.md section 18).
 */
export function appendRunsToBaseline(stored: BaselineFile, items: readonly RunToCombine[], options: Omit<BaselineFromRunOptions, 'existing'> & { acceptRegressed?: boolean } = {}): BaselineFile {
  const storedText = `the stored baseline (${describeBaselineRuns(stored)})`;
  if (items.length === 0) throw new RunsNotCombinableError(`no runs to add to ${storedText}: give one or more run directories`);
  const ids = items.map((item) => item.record.runId);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new RunsNotCombinableError(`run ${[...new Set(twice)].join(', ')} is given more than once (runs: ${ids.join(', ')}): give each run once`);
  const storedRuns = storedRunsOf(stored);
  const already = ids.filter((id) => storedRuns.some((s) => s.run.runId === id));
  if (already.length > 0) {
    throw new RunsNotCombinableError(`run ${already.join(', ')} is already in ${storedText}: give only runs it does not hold`);
  }
  const regressed = items.flatMap((item) => failedRegressions(item).map((message) => `run ${item.record.runId}: ${message}`));
  if (regressed.length > 0 && options.acceptRegressed !== true) {
    throw new RunsNotCombinableError(
      `not added to ${storedText}: a run that failed a regression verdict against it measures another level, not another sample of this one:\n${regressed.map((r) => `  - ${r}`).join('\n')}\n` +
        'If that level is intended, replace the baseline with it (npm run perf:update-baselines -- --from <run dir>, or PERF_UPDATE_BASELINES=1); otherwise find the change first. ' +
        'If nothing changed (the same configuration on a machine the baseline has not seen), add it with --accept-regressed.',
    );
  }
  if (stored.workload === undefined) {
    throw new RunsNotCombinableError(`${storedText} records no workload, so new runs cannot be shown to measure what it measured: combine the run directories instead (--combine), or store a new baseline`);
  }
  const now = options.now ?? new Date();
  const singles = items.map(({ record, evaluation }) => baselineFromRun(record, evaluation, { existing: stored, now }));
  for (const single of singles) checkSameMeasurement(stored, single, { pair: `${storedText} and run ${single.runId}`, first: 'stored' });

  // A file keeps one histogram merged over its runs: it rides with the first stored run, so the
  // result merges it with the new runs' (the merge is a sum of counts, in any order).
  const storedParts: RunPart[] = storedRuns.map(({ run, arms }, index) => {
    if (index > 0) return { run, arms };
    const withHistogram: BaselineFile['arms'] = {};
    for (const [arm, values] of Object.entries(arms) as Array<[ArmName, BaselineArm]>) {
      withHistogram[arm] = { ...values, hpHistogram: stored.arms[arm]?.hpHistogram ?? null };
    }
    return { run, arms: withHistogram };
  });
  const newParts = items.map(({ record }, i) => partOfRun(record, singles[i]!));
  return assembleBaseline(singles[0]!, [...storedParts, ...newParts]);
}
