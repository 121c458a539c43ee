import { describe, expect, it } from 'vitest';
import { decodeLatencyHistogram, encodeLatenciesNsAsHistogram, mergeEncodedHistograms } from '../../../perf/lib/documents/encoding/latency-histogram.ts';
import { histogramSampleCount, percentileSpectrum } from '../../../perf/lib/evaluate/stats/percentile-spectrum.ts';

const MS = 1e6;

describe('encoded latency histograms (microsecond resolution)', () => {
  it('round-trips 1..100 ms: 100 samples, P99 within HdrHistogram 0.1% of 99 ms', () => {
    const encoded = encodeLatenciesNsAsHistogram(Array.from({ length: 100 }, (_, i) => (i + 1) * MS));
    const histogram = decodeLatencyHistogram(encoded);
    expect(histogram.totalCount).toBe(100);
    expect(histogram.getValueAtPercentile(99) / 1000).toBeGreaterThanOrEqual(99);
    expect(histogram.getValueAtPercentile(99) / 1000).toBeLessThanOrEqual(99 * 1.001);
  });

  it('merges trials by adding counts', () => {
    const a = encodeLatenciesNsAsHistogram([1 * MS, 2 * MS]);
    const b = encodeLatenciesNsAsHistogram([3 * MS]);
    expect(histogramSampleCount(mergeEncodedHistograms([a, b]))).toBe(3);
  });

  it('spectrum: ascending percentiles and latencies, 100th = max (within the 0.1% bucket width)', () => {
    const encoded = encodeLatenciesNsAsHistogram(Array.from({ length: 1000 }, (_, i) => (i + 1) * 10_000)); // 0.01..10 ms
    const spectrum = percentileSpectrum(encoded);
    expect(spectrum.at(-1)!.percentile).toBe(100);
    expect(spectrum.at(-1)!.latencyMs).toBeGreaterThanOrEqual(10);
    expect(spectrum.at(-1)!.latencyMs).toBeLessThanOrEqual(10 * 1.001);
    for (let i = 1; i < spectrum.length; i++) expect(spectrum[i]!.latencyMs).toBeGreaterThanOrEqual(spectrum[i - 1]!.latencyMs);
    const p50 = spectrum.find((p) => p.percentile === 50)!.latencyMs;
    expect(p50).toBeGreaterThanOrEqual(5);
    expect(p50).toBeLessThanOrEqual(5 * 1.001);
  });

  it('empty histogram gives an empty spectrum', () => {
    expect(percentileSpectrum(encodeLatenciesNsAsHistogram([]))).toEqual([]);
  });

  it('a corrupt string fails with a message quoting it', () => {
    expect(() => percentileSpectrum('not-a-histogram')).toThrow(/"not-a-histogram"/);
  });

  it('rejects percentiles outside 0..100', () => {
    expect(() => percentileSpectrum(encodeLatenciesNsAsHistogram([MS]), [0.5, 101])).toThrow(/received 101/);
  });
});
