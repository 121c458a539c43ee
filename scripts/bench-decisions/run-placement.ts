// Where a simulated run of bench:decisions' bootstrap (several-runs-sim.ts) and its stored
// baseline come from, when the recorded runs name their machines:
// - other machines: the new run on a machine the baseline has not seen, as every call of the
//   lent device is (docs/gpu-results.md section 18);
// - its own machine: a self-hosted runner judged against a baseline of its own earlier runs, as
//   docs/self-hosted-runner.md recommends: the new run and every other recorded run of one machine.
// Without machine names (machineOf null), any other run, whatever the placement.

import type { SeededRandom } from '../../perf/lib/evaluate/stats/random/seeded-random.ts';
import { MIN_RUNS_TO_ESTIMATE } from '../../perf/lib/evaluate/verdicts/between-run-noise.ts';

/**
 * A machine's runs stand for a runner's own baseline (one machine, nothing else in it) when one is
 * the new run and the rest can estimate between-run noise. Not the verdict's MIN_OWN_MACHINE_RUNS
 * (own-machine-runs.ts), which says when a baseline of several machines is cut to one of them.
 */
export const MIN_RUNS_FOR_OWN_BASELINE = MIN_RUNS_TO_ESTIMATE + 1;

export type Placement =
  | { kind: 'other-machines' }
  /** machines: those the new run is drawn from; spanDays: the stored runs' start times a day apart. */
  | { kind: 'own-machine'; machines: string[]; spanDays: boolean };

export interface PlacedRuns {
  runIds: string[];
  /** null: the recorded runs do not all name a machine (ownMachineModel then refuses). */
  machineOf: Record<string, string> | null;
  placement: Placement;
}

/** The machines with MIN_RUNS_FOR_OWN_BASELINE or more recorded runs, most runs first. */
export function machinesWithOwnBaseline(runIds: string[], machineOf: Record<string, string>): string[] {
  const counts = new Map<string, number>();
  for (const id of runIds) counts.set(machineOf[id]!, (counts.get(machineOf[id]!) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= MIN_RUNS_FOR_OWN_BASELINE).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([m]) => m);
}

/** The runs that can be the new run. */
export function drawableRuns(placed: PlacedRuns): string[] {
  const { placement, machineOf } = placed;
  if (placement.kind !== 'own-machine') return placed.runIds;
  return placed.runIds.filter((id) => placement.machines.includes(machineOf![id]!));
}

/** The runs a stored baseline may be drawn from for this new run. */
export function candidatesFor(placed: PlacedRuns, currentRun: string): string[] {
  const { placement, machineOf } = placed;
  const others = placed.runIds.filter((id) => id !== currentRun);
  if (machineOf === null) return others;
  const own = machineOf[currentRun];
  return others.filter((id) => (placement.kind === 'own-machine' ? machineOf[id] === own : machineOf[id] !== own));
}

/**
 * The new run: uniform over the drawable runs, or, where they name machines, a machine uniform
 * over their machines and a run uniform over its runs: a run on a random machine of the pool,
 * whatever number of runs each machine happened to record (9 on one H200, 1 on another).
 */
export function drawNewRun(placed: PlacedRuns, random: SeededRandom): string {
  const drawable = drawableRuns(placed);
  const machineOf = placed.machineOf;
  if (machineOf === null) return drawable[random.nextIntBelow(drawable.length)]!;
  const machines = [...new Set(drawable.map((id) => machineOf[id]!))];
  const machine = machines[random.nextIntBelow(machines.length)]!;
  const runs = drawable.filter((id) => machineOf[id] === machine);
  return runs[random.nextIntBelow(runs.length)]!;
}
