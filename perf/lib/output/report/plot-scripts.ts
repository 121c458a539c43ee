// The plot drawing code lives in client/*.js as plain scripts. This module
// inlines it into report.html and runs the same code in Node (vm) when a plot
// is needed outside a browser (the SVG attached to Vitest results).

import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { RatioPlotData, SpectrumPlotData, ThroughputPlotData, TimelinePlotData } from './plot-data-types.ts';

const RENDERER_FILES = ['plot-core.js', 'plot-spectrum.js', 'plot-timeline.js', 'plot-throughput.js', 'plot-ratio.js'];
const BROWSER_FILE = 'draw-plots.js';

export interface RenderedSvg {
  svg: string;
  /** Vertices / markers drawn: the same number the browser writes to data-rendered-points. */
  points: number;
}

export interface PlotRenderers {
  /** trialMarks: the per-trial percentile points drawn (not counted in points, the lines' vertices). */
  renderSpectrum(data: SpectrumPlotData, options?: { width?: number; height?: number; logY?: boolean }): RenderedSvg & { trialMarks: number };
  renderTimeline(data: TimelinePlotData, trialNumber: number, options?: { width?: number; logY?: boolean }): RenderedSvg;
  renderThroughput(data: ThroughputPlotData, options?: { width?: number; height?: number }): RenderedSvg;
  renderRatio(data: RatioPlotData, options?: { width?: number }): RenderedSvg;
}

let cachedSources: Map<string, string> | null = null;

function readClientSource(file: string): string {
  cachedSources ??= new Map();
  let source = cachedSources.get(file);
  if (source === undefined) {
    const url = new URL(`./client/${file}`, import.meta.url);
    try {
      source = readFileSync(url, 'utf8');
    } catch (cause) {
      throw new Error(`cannot read the report's plot script ${url.pathname}: is the checkout complete?`, { cause });
    }
    cachedSources.set(file, source);
  }
  return source;
}

/** The JavaScript report.html inlines, safe inside a <script> element. */
export function buildInlinePlotScript(): string {
  const source = [...RENDERER_FILES, BROWSER_FILE].map(readClientSource).join('\n');
  // A literal "</script" inside the code would end the element early.
  return source.replace(/<\/script/gi, '<\\/script');
}

/** The drawing functions, evaluated in a fresh V8 context (no DOM needed). */
export function loadPlotRenderers(): PlotRenderers {
  const source = RENDERER_FILES.map(readClientSource).join('\n');
  const renderers = runInNewContext(`${source}\nXschedPlots;`, {}, { filename: 'xsched-plots.js' }) as PlotRenderers;
  return renderers;
}
