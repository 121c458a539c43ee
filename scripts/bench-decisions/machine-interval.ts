// How sure a rate of the across-machines rows is. The new run is drawn machine first
// (run-placement.ts), so a printed rate is the mean over M recorded machines of each machine's
// rate, and what issue 13's targets ask about is a machine not yet seen. With M = 9 machines
// under MPS and one of them failing half its unchanged runs (docs/statistics.md section 6), the
// next machine can move the rate by points: simulating more runs cannot narrow that, only
// recording runs of more machines can. The interval is a t interval over the M machine rates;
// where every machine reads alike (the baseline arm's 100% at +20%) it shrinks to a point, so it
// says how far the machines recorded disagree, not what a machine unlike all of them would do.
// Fewer than MIN_MACHINES machines give none: two machines at 100% would read as certain.

import { studentTQuantile } from '../../perf/lib/evaluate/stats/distributions/student-t.ts';
import { meanOf, sumOfSquares } from '../../perf/lib/evaluate/stats/sample-moments.ts';
import { pct } from './format-table.ts';
import type { MachineCounts } from './regression-sim.ts';

export interface MachineInterval {
  /** Mean over the machines of each machine's rate. */
  rate: number;
  machines: number;
  /** Two-sided interval at `confidence`, clamped to [0, 1]. */
  low: number;
  high: number;
}

export const MIN_MACHINES = 3;

/** The interval over machines of `rateOf(counts)`, or null with fewer than MIN_MACHINES machines drawn. */
export function machineInterval(byMachine: Map<string, MachineCounts>, rateOf: (counts: MachineCounts) => number, confidence: number): MachineInterval | null {
  const rates = [...byMachine.values()].filter((c) => c.draws > 0).map(rateOf);
  const m = rates.length;
  if (m < MIN_MACHINES) return null;
  const mean = meanOf(rates);
  const variance = sumOfSquares(rates) / (m - 1);
  const half = studentTQuantile(1 - (1 - confidence) / 2, m - 1) * Math.sqrt(variance / m);
  return { rate: mean, machines: m, low: Math.max(0, mean - half), high: Math.min(1, mean + half) };
}

export type TargetReading = 'met' | 'not met' | 'not shown either way';

/**
 * Against a lower bound (A/A >= 95%, detection >= 90%): met when the whole interval is at or
 * above it, not met when the whole interval is below, else not shown either way.
 */
export function readTarget(interval: MachineInterval, target: number): TargetReading {
  if (interval.low >= target) return 'met';
  if (interval.high < target) return 'not met';
  return 'not shown either way';
}

/** "94.2% [85.3%, 100.0%] over 9 machines: not shown either way (>= 95.0%)". */
export function formatMachineInterval(interval: MachineInterval, target: number): string {
  return `${pct(interval.rate)} [${pct(interval.low)}, ${pct(interval.high)}] over ${interval.machines} machines: ${readTarget(interval, target)} (>= ${pct(target)})`;
}
