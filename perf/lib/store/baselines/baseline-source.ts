// What a stored baseline was made from, in words for messages and reports: one run, or a
// baseline of several runs (runs[], docs/baselines.md), whose joined run ids would drown a
// message.

import type { BaselineFile } from '../../documents/types/baseline.ts';

/** "run <id>", or "11 runs (<first> .. <last>) on 4 machines". */
export function describeBaselineRuns(file: Pick<BaselineFile, 'runId' | 'runs'>): string {
  if (file.runs === undefined) return `run ${file.runId}`;
  const machines = new Set(file.runs.flatMap((run) => (run.machine === undefined ? [] : [run.machine]))).size;
  const unknown = file.runs.some((run) => run.machine === undefined) ? ' (some unknown)' : '';
  const first = file.runs[0]!.runId;
  const last = file.runs[file.runs.length - 1]!.runId;
  const where = machines === 0 ? 'unknown machines' : `${machines} machine${machines === 1 ? '' : 's'}${unknown}`;
  return `${file.runs.length} runs (${first} .. ${last}) on ${where}`;
}

/** Was the baseline made from this run (alone or as one of its runs)? A comparison with it then cannot show a regression. */
export function baselineIncludesRun(file: Pick<BaselineFile, 'runId' | 'runs'>, runId: string): boolean {
  return file.runId === runId || (file.runs?.some((run) => run.runId === runId) ?? false);
}
