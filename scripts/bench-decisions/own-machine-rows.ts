// bench:decisions' rows for a self-hosted runner judged against a baseline of its own runs
// (docs/self-hosted-runner.md): every recorded run of a machine with enough runs, judged
// against the other runs of that machine (run-placement.ts, several-runs-sim.ts ownMachineModel).
// Three views: all such machines (each as likely) with the committed start times, so that the
// verdict keeps its recorded floor as it would on a runner's first day; each machine alone, the
// same way; and all machines with the stored runs a day apart, where the verdict estimates the
// between-run noise from them alone. The last assumes that a machine's runs of one afternoon
// spread as its runs of different days would; no recorded run shows that (all are of 2026-11-30).

import type { RunSimulator } from './regression-sim.ts';
import { machinesWithOwnBaseline } from './run-placement.ts';
import { type SeveralRunsModel, modelPairings, ownMachineModel, runsOnMachine, severalRunsSimulator, storedRunsLimit, trialsPerRun } from './several-runs-sim.ts';

export interface OwnMachineRow {
  label: string;
  simulator: RunSimulator;
  trials: string;
  summary: string;
}

const shortMachine = (machine: string): string => machine.slice(0, 12);

/** The rows, or none when no machine recorded enough runs (or the runs name no machines). */
export function ownMachineRows(model: SeveralRunsModel, label: string): OwnMachineRow[] {
  if (model.machineOf === null) return [];
  const machineOf = model.machineOf;
  const machines = machinesWithOwnBaseline(model.runIds, machineOf);
  if (machines.length === 0) return [];
  const runsOn = (machine: string): number => runsOnMachine(model, machine);
  const row = (rowLabel: string, chosen: string[], spanDays: boolean): OwnMachineRow => {
    const own = ownMachineModel(model, chosen, spanDays);
    const stored = chosen.map((m) => Math.min(runsOn(m) - 1, storedRunsLimit(model)));
    const range = Math.min(...stored) === Math.max(...stored) ? `${stored[0]}` : `${Math.min(...stored)}-${Math.max(...stored)}`;
    const times = spanDays ? 'stored runs set a day apart (assumed)' : 'start times as committed (hours apart: the recorded floor holds)';
    return {
      label: rowLabel,
      simulator: severalRunsSimulator(own),
      trials: `${model.trials} / ${range} own runs x ${trialsPerRun(model)}`,
      summary: `${rowLabel}: ${chosen.map((m) => `${shortMachine(m)} (${runsOn(m)} runs)`).join(', ')}; each run against the other runs of its machine; ${modelPairings(own)} distinct pairings; ${times}`,
    };
  };
  return [
    row(`${label}, own machine`, machines, false),
    ...(machines.length > 1 ? machines.map((m) => row(`${label}, own machine ${shortMachine(m)}`, [m], false)) : []),
    row(`${label}, own machine, runs a day apart (assumed)`, machines, true),
  ];
}
