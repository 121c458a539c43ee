// What a stored baseline was made from, in words for messages and reports: one run, or a
// baseline of several runs (runs[], docs/baselines.md), whose joined run ids would drown a
// message.

import type { BaselineArm, BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';

/** How many distinct machines the runs name, and whether some name none. */
export function machinesOf(runs: readonly BaselineRun[]): { known: number; someUnknown: boolean } {
  return { known: new Set(runs.flatMap((run) => (run.machine === undefined ? [] : [run.machine]))).size, someUnknown: runs.some((run) => run.machine === undefined) };
}

/** The trials of run `index` of a baseline of several runs (each per-trial array filtered by trialRuns); no histogram. */
export function armOfRun(values: BaselineArm, index: number): BaselineArm {
  const mine = (trials: number[]) => trials.filter((_, trial) => values.trialRuns?.[trial] === index);
  return { hpP99Ms: mine(values.hpP99Ms), hpP50Ms: mine(values.hpP50Ms), hpAchievedRateHz: mine(values.hpAchievedRateHz), lpIterPerSec: mine(values.lpIterPerSec), hpHistogram: null };
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
