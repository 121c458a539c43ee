// Plot data for lp throughput: one bar per arm (mean of trials) with each
// trial as a point and the stored baseline's trials for reference.

import type { BaselineFile, ScenarioEvaluation } from '../../documents/types/index.ts';
import { ARM_COLORS, type ThroughputPlotData } from './plot-data-types.ts';

export function buildThroughputPlotData(evaluation: ScenarioEvaluation, baseline: BaselineFile | null): ThroughputPlotData | null {
  const bars = evaluation.arms.flatMap((arm) => {
    const lp = arm.merged.lp;
    if (!lp) return [];
    const stored = baseline?.arms[arm.arm]?.lpIterPerSec ?? null;
    return [
      {
        arm: arm.arm,
        color: ARM_COLORS[arm.arm],
        meanIterPerSec: lp.iterPerSec,
        trialIterPerSec: arm.trials.flatMap((t) => (t.lp ? [t.lp.iterPerSec] : [])),
        storedIterPerSec: stored && stored.length > 0 ? stored : null,
      },
    ];
  });
  if (bars.length === 0) return null;
  return { title: 'lp throughput (iter/s): bar = mean of trials, dots = trials', bars };
}
