// Plot data for the hp latency percentile spectrum: one line per arm (merged
// trials) and, dashed, the stored baseline's histogram for the same arm.

import type { BaselineFile, ScenarioEvaluation } from '../../documents/types/index.ts';
import { computePercentileSpectrumMs } from './percentile-spectrum.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import { type SpectrumPlotData, type SpectrumSeries } from './plot-data-types.ts';

export function buildSpectrumPlotData(evaluation: ScenarioEvaluation, baseline: BaselineFile | null): SpectrumPlotData | null {
  const series: SpectrumSeries[] = [];
  for (const arm of evaluation.arms) {
    const hp = arm.merged.hp;
    const { label, color } = armSpec(arm.arm);
    if (!hp || hp.completed === 0) continue;
    const measured = computePercentileSpectrumMs(hp.histogram);
    if (measured.points.length > 0) {
      series.push({ label, color, dashed: false, ...measured });
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
