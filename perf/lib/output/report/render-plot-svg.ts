// Standalone SVG plots drawn in Node with the report's own drawing code, for
// places without JavaScript (Vitest attachments, files next to the report).

import type { BaselineFile, ScenarioEvaluation } from '../../documents/types/index.ts';
import { loadPlotRenderers, type PlotRenderers } from './plot-scripts.ts';
import { prefersLogLatencyAxis } from './latency-axis.ts';
import { buildSpectrumPlotData } from './spectrum-data.ts';

let renderers: PlotRenderers | null = null;

/** The hp latency percentile spectrum of a scenario as an SVG document, or null when no arm has hp data. */
export function renderSpectrumSvg(evaluation: ScenarioEvaluation, baseline: BaselineFile | null): string | null {
  const data = buildSpectrumPlotData(evaluation, baseline);
  if (!data) return null;
  renderers ??= loadPlotRenderers();
  const logY = prefersLogLatencyAxis(data.series.flatMap((s) => s.points.map((p) => p[1])));
  const { svg } = renderers.renderSpectrum({ ...data, title: `${evaluation.scenario}: ${data.title}` }, { logY });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
