// Public surface of the evaluation: what the orchestrator, replay, baseline and report
// modules call. Everything else under stats/, validity/, verdicts/ is internal.

export { evaluateRun, type EvaluateOptions } from './evaluate-run.ts';
export type { ExtraCheck } from './validity/run-checks.ts';
export { decideOverallStatus } from './overall-status.ts';
export { DEFAULT_SPECTRUM_PERCENTILES, histogramSampleCount, percentileSpectrum, type SpectrumPoint } from './stats/percentile-spectrum.ts';
export { decodeLatencyHistogram, mergeEncodedHistograms } from '../documents/encoding/latency-histogram.ts';
export { minRequestsForPercentile } from './stats/early-stopping.ts';
export { resolveThresholds } from './verdicts/effective-thresholds.ts';
export { baselineKeyOfRun, describeBaselineKey, formatBaselineKeyFields, sameBaselineKey } from '../store/baselines/key.ts';
