// Hand-written sweep points for the sweep tests: intervals chosen so every decision can be
// checked by eye (docs/sweeps.md).

import type { SweepMechanism, SweepPoint } from '../../../perf/lib/documents/types/sweep.ts';

/** A proven point; p99 and loss are [low, estimate, high]. */
export function point(id: string, mechanism: SweepMechanism, p99: [number, number, number], loss: [number, number, number]): SweepPoint {
  return {
    id,
    mechanism,
    setting: id.split('=')[1] ?? id,
    hpP99Ms: { low: p99[0], estimate: p99[1], high: p99[2] },
    lpLoss: { low: loss[0], estimate: loss[1], high: loss[2] },
    proof: { status: 'proven' },
    trials: 1,
  };
}
