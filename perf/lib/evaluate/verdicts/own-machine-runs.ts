// A run on a machine the stored baseline has measured often enough (MIN_OWN_MACHINE_RUNS) is
// judged against that machine's runs alone. XSched's hp P99 level differs from H200 to H200
// (docs/gpu-results.md section 18); against runs of other machines the verdict must allow for
// that difference and then sees +20% only about half the time on quick, while against a
// machine's own runs it sees what that machine's run-to-run noise allows (docs/statistics.md
// 3.4, "A machine's own runs"), and a noisy machine's spread is not averaged with quieter
// machines'. Which runs are the reference depends only on the stored baseline and the machine,
// never on the values being judged.

import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { armsOfRun } from '../../store/baselines/baseline-source.ts';
import { assembleBaseline } from '../../store/baselines/from-runs.ts';
import { findFirstFingerprint } from '../../store/baselines/key.ts';

/**
 * A machine's runs stand on their own from this many (5 degrees of freedom for their spread).
 * With fewer, the whole baseline is the better reference: on a fresh H200 (docs/gpu-results.md
 * section 19) XSched's run level moved 1.11 -> 1.50 ms over four runs, and against those four
 * alone (3 degrees of freedom) XSched's hp P99 verdict would fail only beyond x1.59 and missed an
 * injected 400 us (x1.146) that the 26-run baseline caught (x1.234 beyond x1.226).
 */
export const MIN_OWN_MACHINE_RUNS = 6;

export interface OwnMachineRuns {
  /** The stored baseline cut to this machine's runs (its trials, every arm; no histograms). */
  baseline: BaselineFile;
  machine: string;
  /** Its runs, and the runs of the whole stored baseline. */
  runs: number;
  of: number;
}

/**
 * The part of a baseline of several runs measured on `machine`, when it holds MIN_OWN_MACHINE_RUNS
 * or more of its runs and runs of other machines besides; null otherwise (nothing to narrow, or
 * too few runs of this machine to judge by their spread alone).
 */
export function ownMachineRuns(stored: BaselineFile, machine: string): OwnMachineRuns | null {
  if (stored.runs === undefined || machine === '') return null;
  // Counted before any run is split: on most machines there is nothing to cut (evaluateRun calls this).
  const indexes = stored.runs.flatMap((run, index) => (run.machine === machine ? [index] : []));
  if (indexes.length < MIN_OWN_MACHINE_RUNS || indexes.length === stored.runs.length) return null;
  const mine = indexes.map((index) => ({ run: stored.runs![index]!, arms: armsOfRun(stored, index) }));
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
