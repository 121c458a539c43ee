// Percentile spectrum of an encoded latency histogram, for report plots.

import { decodeLatencyHistogram } from '../../documents/encoding/latency-histogram.ts';

export interface SpectrumPoint {
  /** 0-100, e.g. 99.9 */
  percentile: number;
  latencyMs: number;
}

/** Percentiles on a log-tail ladder: dense near the top where tail latency lives. */
export const DEFAULT_SPECTRUM_PERCENTILES: readonly number[] = [
  0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 97.5, 98, 98.5, 99, 99.5, 99.9, 99.95, 99.99, 100,
];

/**
 * Latency (ms) at each percentile of the histogram. HdrHistogram reports the highest value
 * equivalent to the bucket (3 significant digits), so points can sit up to 0.1% above the
 * exact sample. An empty histogram gives an empty spectrum.
 */
export function percentileSpectrum(
  histogramBase64: string,
  percentiles: readonly number[] = DEFAULT_SPECTRUM_PERCENTILES,
): SpectrumPoint[] {
  for (const p of percentiles) {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`spectrum percentiles must be within 0..100, received ${p}`);
  }
  const histogram = decodeLatencyHistogram(histogramBase64);
  if (histogram.totalCount === 0) return [];
  return percentiles.map((percentile) => ({
    percentile,
    latencyMs: (percentile === 100 ? histogram.maxValue : histogram.getValueAtPercentile(percentile)) / 1000,
  }));
}

/** Number of samples in an encoded histogram. */
export function histogramSampleCount(histogramBase64: string): number {
  return decodeLatencyHistogram(histogramBase64).totalCount;
}
