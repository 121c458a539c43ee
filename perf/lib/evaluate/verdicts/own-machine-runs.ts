// A run on a machine the stored baseline has measured often enough is judged against that
// machine's runs alone, for each arm and metric whose stored machines' levels differ. XSched's
// hp P99 level differs from H200 to H200 (docs/gpu-results.md section 18); against runs of
// other machines the verdict must allow for that difference and then sees +20% only about 60%
// of the time on quick, while against a machine's own runs it sees what that machine's
// run-to-run noise allows (docs/statistics.md 3.4, "A machine's own runs"; `npm run
// bench:decisions`, its own-machine table), and a noisy machine's spread is not averaged with
// quieter machines'. Where the machines' levels agree (quick under MPS), the whole baseline is
// the better reference: more runs, the same level.

import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { storedRunsOf } from '../../store/baselines/baseline-source.ts';
import { assembleBaseline } from '../../store/baselines/from-runs.ts';
import { findFirstFingerprint } from '../../store/baselines/key.ts';
import { MIN_RUNS_TO_ESTIMATE } from './between-run-noise.ts';
import { storedMachineLogSd } from './regression-noise-machines.ts';

export interface OwnMachineRuns {
  /** The stored baseline cut to this machine's runs (its trials, every arm; no histograms). */
  baseline: BaselineFile;
  machine: string;
  /** Its runs, and the runs of the whole stored baseline. */
  runs: number;
  of: number;
}

/**
 * The part of a baseline of several runs measured on `machine`, when it holds MIN_RUNS_TO_ESTIMATE
 * or more of its runs (enough to estimate that machine's run-to-run noise) and runs of other
 * machines besides; null otherwise (nothing to narrow, or too few runs of this machine).
 */
export function ownMachineRuns(stored: BaselineFile, machine: string): OwnMachineRuns | null {
  if (stored.runs === undefined || machine === '') return null;
  const mine = storedRunsOf(stored).filter((part) => part.run.machine === machine);
  if (mine.length < MIN_RUNS_TO_ESTIMATE || mine.length === stored.runs.length) return null;
  return { baseline: assembleBaseline(stored, mine), machine, runs: mine.length, of: stored.runs.length };
}

/** The same for the machine a run record ran on (the GPU UUID of its first worker fingerprint). */
export function ownMachineRunsOfRecord(stored: BaselineFile, record: RunRecord): OwnMachineRuns | null {
  const machine = findFirstFingerprint(record)?.gpu.uuid;
  return machine === undefined ? null : ownMachineRuns(stored, machine);
}

/** The note each verdict judged against them carries. */
export function ownMachineNote(own: OwnMachineRuns): string {
  return ` Judged against this machine's own ${own.runs} of the baseline's ${own.of} runs (${own.machine}): other machines' levels do not apply to it.`;
}

/**
 * Do the stored machines' levels differ for these values (one arm's metric, with the run of each
 * value)? Estimated from the stored runs alone (storedMachineLogSd > 0), so that which runs a
 * verdict is judged against never depends on the run being judged. Measured on the committed quick
 * baselines (docs/statistics.md 3.4): XSched's hp P99 under time slicing differs; under MPS it
 * does not, and there its own 3-4 runs would see +20% 66-86% of the time against 92% for all 10.
 */
export function machinesDiffer(stored: BaselineFile, values: { stored: number[]; storedRuns?: number[] }): boolean {
  if (stored.runs === undefined || values.storedRuns === undefined || values.stored.some((v) => !(v > 0))) return false;
  const logsByRun = new Map<number, number[]>();
  values.stored.forEach((value, i) => logsByRun.set(values.storedRuns![i]!, [...(logsByRun.get(values.storedRuns![i]!) ?? []), Math.log(value)]));
  const runs = [...logsByRun.keys()];
  const machineLogSd = storedMachineLogSd(runs.map((r) => logsByRun.get(r)!), runs.map((r) => stored.runs![r]?.machine));
  return machineLogSd !== null && machineLogSd > 0;
}
