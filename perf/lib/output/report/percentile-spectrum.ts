// Turns an hdr-histogram-js histogram (base64, microseconds) into the points of
// an HdrHistogram-style percentile spectrum line, in milliseconds. (The evaluate
// module's percentileSpectrum gives a fixed ladder of percentiles for tables;
// a plotted line wants points evenly spaced on the log axis, as here.)

import type { Histogram } from 'hdr-histogram-js';
import { decodeLatencyHistogram } from '../../evaluate/index.ts';
import type { SpectrumPoint } from './plot-data-types.ts';

/** The x axis ends at 99.99%, i.e. 1/(1-p) = 10^4, as in HdrHistogram's plotter. */
export const SPECTRUM_MAX_DECADES = 4;
const STEP_DECADES = 0.02;

/**
 * Latency at percentiles spaced evenly in log10(1/(1-p)). The line stops where the
 * samples run out (1/(1-p) = count): past that a percentile is only the maximum again.
 */
export function computePercentileSpectrumMs(histogramBase64: string): { count: number; points: SpectrumPoint[] } {
  const histogram = decodeLatencyHistogram(histogramBase64);
  const count = histogram.totalCount;
  if (count === 0) return { count, points: [] };
  const lastDecades = Math.min(SPECTRUM_MAX_DECADES, Math.log10(count));
  const points: SpectrumPoint[] = [];
  const steps = Math.floor(lastDecades / STEP_DECADES + 1e-9);
  for (let i = 0; i <= steps; i++) points.push(pointAtDecades(histogram, i * STEP_DECADES));
  if (steps * STEP_DECADES < lastDecades - 1e-9) points.push(pointAtDecades(histogram, lastDecades));
  return { count, points };
}

function pointAtDecades(histogram: Histogram, decades: number): SpectrumPoint {
  const percentile = 100 * (1 - Math.pow(10, -decades));
  const latencyMs = histogram.getValueAtPercentile(percentile) / 1000;
  return [round(percentile, 5), round(latencyMs, 4)];
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
