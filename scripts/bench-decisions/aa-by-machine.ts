// Which machines an A/A row's false fails come from. Across machines, the new run is drawn
// machine first (run-placement.ts), so a rate such as 94.6% is an average over machines; on
// 2026-12-01 all of quick's false fails came from 3 of 18 H200s, and all of XSched's lp ones from
// one (docs/statistics.md section 6). Naming them says whether a shortfall is the verdict's model
// or a few machines that run XSched differently.

import type { MachineCounts, RegressionRates } from './regression-sim.ts';
import { pct } from './format-table.ts';

export interface MachineFails {
  machine: string;
  draws: number;
  /** Share of this machine's draws in which every verdict passed. */
  allPassShare: number;
  /** Per verdict key (arm.metric): the share of this machine's draws that failed it. */
  failShare: Map<string, number>;
}

/** The machines with at least one A/A draw that did not pass every verdict, most failing first. */
export function machinesWithFails(rates: Pick<RegressionRates, 'byMachine'>): MachineFails[] {
  const share = (counts: MachineCounts): MachineFails['failShare'] => new Map([...counts.failCounts].map(([k, n]) => [k, n / counts.draws]));
  return [...rates.byMachine]
    .filter(([, c]) => c.allPassCount < c.draws)
    .map(([machine, c]) => ({ machine, draws: c.draws, allPassShare: c.allPassCount / c.draws, failShare: share(c) }))
    .sort((a, b) => a.allPassShare - b.allPassShare || a.machine.localeCompare(b.machine));
}

/**
 * Lines for the printout: one per machine with fails (its share of all draws, its pass rate and
 * the verdicts that failed), and on how many of the machines drawn every draw passed (at few
 * simulated runs, a recorded machine may not be drawn at all). Empty without machines.
 */
export function formatAaByMachine(label: string, rates: Pick<RegressionRates, 'byMachine'>, runsOn: (machine: string) => number): string[] {
  const total = [...rates.byMachine.values()].reduce((s, c) => s + c.draws, 0);
  if (total === 0) return [];
  const failing = machinesWithFails(rates);
  const clean = rates.byMachine.size - failing.length;
  const head = `${label}, A/A by the new run's machine: every draw passed on ${clean} of the ${rates.byMachine.size} machines drawn`;
  if (failing.length === 0) return [`${head}.`];
  const lines = [`${head}; the others:`];
  for (const m of failing) {
    const verdicts = [...m.failShare].filter(([, r]) => r > 0).map(([k, r]) => `${k} ${pct(r)}`).join(', ');
    lines.push(`- ${m.machine.slice(0, 12)} (${runsOn(m.machine)} recorded runs, ${pct(m.draws / total)} of the draws): every verdict passed ${pct(m.allPassShare)}; failed ${verdicts}`);
  }
  return lines;
}
