// A regression verdict judged against other GPUs' runs can fail for the GPU, not for a change:
// XSched's hp P99 level and lp cost differ between H200s of one model (docs/gpu-results.md
// sections 18-21), and in `npm run bench:decisions` every A/A false fail of quick came from runs
// of GPUs their baseline did not hold (docs/statistics.md section 6). A fail then says so, with
// how far the baseline's own GPUs differ in that metric, and names the test that separates the two
// causes: running the same configuration again only rules out chance (a real change fails again
// just as surely); running the baseline's configuration on this GPU does not.

import type { BaselineFile } from '../../documents/types/baseline.ts';
import { meanOf } from '../stats/sample-moments.ts';
import { MIN_OWN_MACHINE_RUNS } from './own-machine-runs.ts';
import { groupByRun } from './regression-decision.ts';

export interface OtherMachines {
  /** This run's GPU (the UUID of its first worker fingerprint). */
  machine: string;
  /** The baseline's runs on this GPU (fewer than MIN_OWN_MACHINE_RUNS, or it is judged against them alone), and all its runs. */
  runsHere: number;
  runs: number;
  workerVersion: string;
}

/**
 * Where this run's GPU stands in a baseline of several runs that names another GPU and holds
 * fewer than MIN_OWN_MACHINE_RUNS runs of this one; null otherwise (no runs list, no GPU named
 * but this one, or enough runs here to be judged against them alone).
 */
export function otherMachinesOf(stored: BaselineFile, machine: string | undefined): OtherMachines | null {
  if (stored.runs === undefined || machine === undefined) return null;
  const runsHere = stored.runs.filter((run) => run.machine === machine).length;
  const othersNamed = stored.runs.some((run) => run.machine !== undefined && run.machine !== machine);
  if (!othersNamed || runsHere >= MIN_OWN_MACHINE_RUNS) return null;
  return { machine, runsHere, runs: stored.runs.length, workerVersion: stored.workerVersion };
}

/**
 * How far the baseline's GPUs differ in one metric: the largest ratio, either way, of a GPU's
 * level (the mean of its runs' mean logs) to the baseline's (the mean of all run means); null
 * with fewer than 2 named GPUs. values: per trial; runOfValue: their run; machineOfRun: by run.
 */
export function machineLevelSpread(values: readonly number[], runOfValue: readonly number[], machineOfRun: ReadonlyArray<string | undefined>): number | null {
  const { groups, runIndexes } = groupByRun(values.map(Math.log), [...runOfValue]);
  const runMeans = groups.map((logs, i) => ({ machine: machineOfRun[runIndexes[i]!], mean: meanOf(logs) }));
  const byMachine = new Map<string, number[]>();
  for (const r of runMeans) {
    if (r.machine === undefined) continue;
    const means = byMachine.get(r.machine) ?? [];
    means.push(r.mean);
    byMachine.set(r.machine, means);
  }
  if (byMachine.size < 2) return null;
  const level = meanOf(runMeans.map((r) => r.mean));
  return Math.exp(Math.max(...[...byMachine.values()].map((means) => Math.abs(meanOf(means) - level))));
}

/** The sentences a fail's recommendation gains; ratio: this run's level over the stored one. */
export function otherMachinesAdvice(at: OtherMachines, ratio: number, spread: number | null): string {
  const here = at.runsHere === 0 ? 'none of its' : `${at.runsHere} of its`;
  const against = at.runsHere === 0 ? 'other GPUs' : `all ${at.runs}, ${at.runs - at.runsHere} of them of other GPUs`;
  const differ = spread === null ? '' : `; in this metric the baseline's GPUs differ from its level by up to x${spread.toFixed(3)}, and this run reads x${ratio.toFixed(3)}`;
  return (
    ` The baseline holds ${here} ${at.runs} runs on this GPU (${at.machine}), so this run was judged against ${against}${differ}.` +
    ' GPUs of one model can differ more than a baseline has seen (docs/statistics.md section 6), and running this configuration again only rules out chance.' +
    ' To tell this GPU from a change, run the baseline\'s configuration on this GPU' +
    ` (worker ${at.workerVersion}, the suite commits and XSched settings its runs record, the same XSched build): if that fails too, it is the GPU;` +
    ` then add those runs of the baseline's configuration (npm run perf:update-baselines -- --from <their run dirs> --append --accept-regressed)` +
    ` until the baseline holds ${MIN_OWN_MACHINE_RUNS} runs of this GPU, and runs here are judged against those alone (docs/baselines.md).`
  );
}
