// What a stored baseline was made from: one run, or a baseline of several runs (runs[],
// docs/baselines.md), in words for messages and reports (whose joined run ids would drown a
// message), and split back into its runs, each with its own trials, for adding runs to it
// (append-runs.ts) and importing it into history (../history/entry-from-baseline.ts).

import type { BaselineArm, BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';
import type { ArmName } from '../../documents/types/scenario.ts';

/** How many distinct machines the runs name, and whether some name none. */
export function machinesOf(runs: readonly BaselineRun[]): { known: number; someUnknown: boolean } {
  return { known: new Set(runs.flatMap((run) => (run.machine === undefined ? [] : [run.machine]))).size, someUnknown: runs.some((run) => run.machine === undefined) };
}

/** The trials of run `index` of a baseline of several runs (each per-trial array filtered by trialRuns); no histogram. */
export function armOfRun(values: BaselineArm, index: number): BaselineArm {
  const mine = (trials: number[]) => trials.filter((_, trial) => values.trialRuns?.[trial] === index);
  return { hpP99Ms: mine(values.hpP99Ms), hpP50Ms: mine(values.hpP50Ms), hpAchievedRateHz: mine(values.hpAchievedRateHz), lpIterPerSec: mine(values.lpIterPerSec), hpHistogram: null };
}

/** The trials of run `index` of a baseline of several runs, per arm; no histograms. */
export function armsOfRun(baseline: BaselineFile, index: number): BaselineFile['arms'] {
  const arms: BaselineFile['arms'] = {};
  for (const [arm, values] of Object.entries(baseline.arms) as Array<[ArmName, BaselineArm | undefined]>) {
    if (values !== undefined) arms[arm] = armOfRun(values, index);
  }
  return arms;
}

/** A one-run baseline's run time: from the run id's UTC stamp (2026-11-21T23-37-56Z-...), else the file's createdAt. */
export function runTimeOfBaseline(baseline: Pick<BaselineFile, 'runId' | 'createdAt'>): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(baseline.runId);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`).toISOString() : baseline.createdAt;
}

/** One run of a stored baseline: its entry in `runs` (made up from the file for a one-run baseline) and its own trials. */
export interface StoredRun {
  run: BaselineRun;
  arms: BaselineFile['arms'];
}

/**
 * The runs a stored baseline holds, in the file's order, each with its trials and no histograms
 * (a file keeps only the merged one). A one-run baseline written before it recorded `machine` names none.
 */
export function storedRunsOf(baseline: BaselineFile): StoredRun[] {
  if (baseline.runs === undefined) {
    const arms: BaselineFile['arms'] = {};
    for (const [arm, values] of Object.entries(baseline.arms) as Array<[ArmName, BaselineArm | undefined]>) {
      if (values !== undefined) arms[arm] = { hpP99Ms: values.hpP99Ms, hpP50Ms: values.hpP50Ms, hpAchievedRateHz: values.hpAchievedRateHz, lpIterPerSec: values.lpIterPerSec, hpHistogram: null };
    }
    const run: BaselineRun = {
      runId: baseline.runId,
      startedAt: runTimeOfBaseline(baseline),
      ...(baseline.machine !== undefined ? { machine: baseline.machine } : {}),
      ...(baseline.commit !== undefined ? { commit: baseline.commit } : {}),
    };
    return [{ run, arms }];
  }
  return baseline.runs.map((run, index) => ({ run, arms: armsOfRun(baseline, index) }));
}

/** "run <id>", or "11 runs (<first> .. <last>) on 4 machines". */
export function describeBaselineRuns(file: Pick<BaselineFile, 'runId' | 'runs'>): string {
  if (file.runs === undefined) return `run ${file.runId}`;
  const { known: machines, someUnknown } = machinesOf(file.runs);
  const unknown = someUnknown ? ' (some unknown)' : '';
  const first = file.runs[0]!.runId;
  const last = file.runs[file.runs.length - 1]!.runId;
  const where = machines === 0 ? 'unknown machines' : `${machines} machine${machines === 1 ? '' : 's'}${unknown}`;
  return `${file.runs.length} runs (${first} .. ${last}) on ${where}`;
}

/** Was the baseline made from this run (alone or as one of its runs)? A comparison with it then cannot show a regression. */
export function baselineIncludesRun(file: Pick<BaselineFile, 'runId' | 'runs'>, runId: string): boolean {
  return file.runId === runId || (file.runs?.some((run) => run.runId === runId) ?? false);
}
