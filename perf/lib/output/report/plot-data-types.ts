// The JSON the report embeds for its plots. The drawing code (client/*.js)
// reads exactly these shapes, in the browser and in Node alike.

import type { ArmName } from '../../documents/types/index.ts';

/** [percentile in %, latency in ms] */
export type SpectrumPoint = [number, number];

export interface SpectrumSeries {
  label: string;
  color: string;
  dashed: boolean;
  /** Samples in the histogram; the line stops at the percentile the samples can resolve. */
  count: number;
  points: SpectrumPoint[];
  /**
   * Each trial's own P50/P90/P99/P99.9 (exact, from the evaluation's trial statistics), drawn as
   * points over the merged line so the spread between trials shows; absent on stored-baseline lines.
   */
  trials?: Array<{ trial: number; points: SpectrumPoint[] }>;
}

export interface SpectrumPlotData {
  title: string;
  series: SpectrumSeries[];
}

export interface TimelineTrialData {
  trial: number;
  windowSec: number;
  /** Shared by every arm of this trial so their panels compare at a glance. */
  yMaxMs: number;
  /** The smallest latency of any arm in this trial: the shared bottom of a log axis. */
  yMinMs: number;
  /** [seconds since the window start (scheduled time), latency ms] */
  points: Array<[number, number]>;
  totalRequests: number;
  p99Ms: number | null;
  lp: {
    iterations: number;
    /** [start s, end s] of each lp iteration, when few enough to draw as bands. */
    bands: Array<[number, number]> | null;
    /** Completed lp iterations per second in equal time bins, when too many for bands. */
    rate: { binSec: number; iterPerSec: number[] } | null;
  } | null;
}

export interface TimelinePlotData {
  arm: ArmName;
  color: string;
  maxPointsPerTrial: number;
  trials: TimelineTrialData[];
}

export interface ThroughputBar {
  arm: ArmName;
  color: string;
  meanIterPerSec: number;
  trialIterPerSec: number[];
  /** The stored baseline's per-trial values for this arm, drawn for reference. */
  storedIterPerSec: number[] | null;
}

export interface ThroughputPlotData {
  title: string;
  bars: ThroughputBar[];
}

/** One row of the ratio chart: a ratio (1 = no change) with its interval and the bar it is judged against. */
export interface RatioRow {
  label: string;
  /** The verdict the row comes from (perf/lib/evaluate/verdicts/). */
  verdictId: string;
  status: string;
  ratio: number;
  low: number | null;
  high: number | null;
  intervalLabel: string;
  /** The verdict's bar as a ratio; which side passes is `passBelow`. */
  threshold: number | null;
  passBelow: boolean;
  /** Now / stored baseline rows: each trial of this run against the stored baseline (ratio-trial-points.ts); null on other rows. */
  trials: RatioTrialPoints | null;
}

/** Each trial of this run divided by the stored baseline's central value: the verdict's ratio is their geometric mean. */
export interface RatioTrialPoints {
  /** What a point is, for the legend and its tooltip. */
  label: string;
  unit: 'ms' | 'iter/s';
  /** The stored baseline's geometric mean of its trials, the divisor of every point. */
  storedCentral: number;
  points: Array<{ trial: number; value: number; ratio: number }>;
}

export interface RatioPlotData {
  title: string;
  rows: RatioRow[];
}

export type PlotKind = 'spectrum' | 'timeline' | 'throughput' | 'ratio';

/** Fixed colours per arm, the same in every plot and report (perf/lib/plan/scenarios/arms.ts). */
export { ARM_COLORS } from '../../plan/scenarios/arms.ts';
