// Plot data for the hp latency percentile spectrum: one line per arm (merged
// trials) with each trial's percentiles as points, and, dashed, the stored
// baseline's histogram for the same arm.

import type { ArmStats, BaselineFile, ScenarioEvaluation } from '../../documents/types/index.ts';
import { computePercentileSpectrumMs } from './percentile-spectrum.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import { type SpectrumPlotData, type SpectrumPoint, type SpectrumSeries } from './plot-data-types.ts';

const TRIAL_PERCENTILES = [[50, 'p50'], [90, 'p90'], [99, 'p99'], [99.9, 'p999']] as const;

/**
 * Each trial's exact percentiles, those its requests resolve (1/(1-p) <= completed, as the
 * merged line stops: percentile-spectrum.ts); a percentile that is Infinity (null) is left out.
 */
function trialPoints(arm: ArmStats): Array<{ trial: number; points: SpectrumPoint[] }> {
  return arm.trials.flatMap((t) => {
    const hp = t.hp;
    if (!hp || hp.completed === 0) return [];
    const points = TRIAL_PERCENTILES.flatMap(([percentile, key]): SpectrumPoint[] => {
      const ms = hp.latencyMs[key];
      return typeof ms === 'number' && Number.isFinite(ms) && 100 / (100 - percentile) <= hp.completed + 1e-9 ? [[percentile, ms]] : [];
    });
    return points.length > 0 ? [{ trial: t.trial, points }] : [];
  });
}

export function buildSpectrumPlotData(evaluation: ScenarioEvaluation, baseline: BaselineFile | null): SpectrumPlotData | null {
  const series: SpectrumSeries[] = [];
  for (const arm of evaluation.arms) {
    const hp = arm.merged.hp;
    const { label, color } = armSpec(arm.arm);
    if (!hp || hp.completed === 0) continue;
    const measured = computePercentileSpectrumMs(hp.histogram);
    if (measured.points.length > 0) {
      series.push({ label, color, dashed: false, ...measured, trials: trialPoints(arm) });
    }
    const storedHistogram = baseline?.arms[arm.arm]?.hpHistogram ?? null;
    if (storedHistogram) {
      const stored = computePercentileSpectrumMs(storedHistogram);
      if (stored.points.length > 0) {
        series.push({ label: `${label}, stored baseline`, color, dashed: true, ...stored });
      }
    }
  }
  if (series.length === 0) return null;
  return { title: 'hp latency by percentile (all trials merged)', series };
}
