// hdr-histogram-js histograms of latency in microseconds: the compact, mergeable form
// kept in evaluations and baselines, and decoded by reports to draw percentile spectra.
// Plain JS histograms only; the library's WebAssembly mode is not needed at these sizes.

import * as hdr from 'hdr-histogram-js';

/** One hour in microseconds: far above any latency this suite can see; autoResize covers the rest. */
const HIGHEST_TRACKABLE_US = 3_600_000_000;
const SIGNIFICANT_DIGITS = 3;

export function createLatencyHistogramUs(): hdr.Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: SIGNIFICANT_DIGITS,
  });
}

/**
 * Records nanosecond latencies (rounded to whole microseconds) and returns the base64 encoding.
 * Non-finite values (requests that never completed) have no bucket and are left out: the
 * histogram describes completed requests; HpStats.scheduled - completed says how many more.
 */
export function encodeLatenciesNsAsHistogram(latenciesNs: ArrayLike<number>): string {
  const histogram = createLatencyHistogramUs();
  for (let i = 0; i < latenciesNs.length; i++) {
    if (Number.isFinite(latenciesNs[i]!)) histogram.recordValue(Math.max(0, Math.round(latenciesNs[i]! / 1000)));
  }
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** Decodes a histogram written by this module; the error names what was received. */
export function decodeLatencyHistogram(histogramBase64: string): hdr.Histogram {
  try {
    return hdr.decodeFromCompressedBase64(histogramBase64);
  } catch (cause) {
    const preview = histogramBase64.length > 40 ? `${histogramBase64.slice(0, 40)}...` : histogramBase64;
    throw new Error(`cannot decode latency histogram "${preview}" (${histogramBase64.length} chars): expected hdr-histogram-js compressed base64`, {
      cause,
    });
  }
}

/** Adds encoded histograms into one (e.g. all trials of an arm) and re-encodes it. */
export function mergeEncodedHistograms(histogramsBase64: string[]): string {
  const merged = createLatencyHistogramUs();
  for (const encoded of histogramsBase64) merged.add(decodeLatencyHistogram(encoded));
  return hdr.encodeIntoCompressedBase64(merged);
}
