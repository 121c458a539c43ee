// A regression verdict judged against other GPUs' runs can fail for the GPU, not for a change:
// XSched's hp P99 level and lp cost differ between H200s of one model (docs/gpu-results.md
// sections 18-21), and in `npm run bench:decisions` every A/A false fail of quick came from runs
// of 3 of 18 H200s judged against baselines without them (docs/statistics.md section 6). A fail
// then says where this GPU stands in the baseline and what tells the two causes apart.

import type { BaselineFile } from '../../documents/types/baseline.ts';
import { machinesOf } from '../../store/baselines/baseline-source.ts';
import { MIN_SPANNED_MACHINES } from './baseline-runs-span.ts';
import { MIN_OWN_MACHINE_RUNS } from './own-machine-runs.ts';

export interface RunMachine {
  /** This run's GPU (the UUID of its first worker fingerprint). */
  machine: string;
  /** The baseline's runs on it (fewer than MIN_OWN_MACHINE_RUNS, or it would be judged against them alone). */
  runsHere: number;
  runs: number;
  /** The GPUs the baseline's runs name. */
  machines: number;
}

/**
 * Where this run's GPU stands in a baseline of several runs that names MIN_SPANNED_MACHINES or
 * more GPUs; null without such a baseline or without the run's GPU. For runs not judged against
 * their own machine's runs (own-machine-runs.ts), which the caller decides.
 */
export function runMachineIn(stored: BaselineFile, machine: string | undefined): RunMachine | null {
  if (stored.runs === undefined || machine === undefined || machine === '') return null;
  const machines = machinesOf(stored.runs).known;
  if (machines < MIN_SPANNED_MACHINES) return null;
  return { machine, runsHere: stored.runs.filter((run) => run.machine === machine).length, runs: stored.runs.length, machines };
}

/** The sentence a fail's recommendation gains. */
export function otherMachinesAdvice(at: RunMachine): string {
  const here = at.runsHere === 0 ? 'none' : `${at.runsHere} (${MIN_OWN_MACHINE_RUNS} are needed to judge it against its own)`;
  return (
    ` This GPU (${at.machine}) holds ${here} of the baseline's ${at.runs} runs, which come from ${at.machines} GPUs, so it was judged against` +
    ` other GPUs, and levels differ between GPUs of one model (XSched's hp P99 and lp cost did on several H200s: docs/gpu-results.md sections 18-21).` +
    ' If the fingerprints match the baseline\'s, run it again here: failing again unchanged says it is this GPU, not a change; then add its runs' +
    ` (npm run perf:update-baselines -- --from <run dirs> --append --accept-regressed) until ${MIN_OWN_MACHINE_RUNS} judge runs here against their own (docs/baselines.md).`
  );
}
