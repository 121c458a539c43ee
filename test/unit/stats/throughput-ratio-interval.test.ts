import { describe, expect, it } from 'vitest';
import { throughputRatioInterval, type ThroughputTrial } from '../../../perf/lib/evaluate/stats/intervals/throughput-ratio-interval.ts';
import { sortAscending } from '../../../perf/lib/evaluate/stats/percentile.ts';

const trial = (index: number, iterPerSec: number, durationsMs: number[] = [100, 100]): ThroughputTrial => ({
  trial: index,
  iterPerSec,
  durationsNs: sortAscending(durationsMs.map((d) => d * 1e6)),
});

describe('lp throughput ratio interval', () => {
  it('2+ trials: paired t over log ratios (identical ratio 0.9 in each trial -> [0.9, 0.9])', () => {
    const interval = throughputRatioInterval([trial(0, 9), trial(1, 18)], [trial(0, 10), trial(1, 20)], { paired: true, confidence: 0.95 })!;
    expect(interval.estimate).toBeCloseTo(0.9, 12);
    expect(interval.low).toBeCloseTo(0.9, 12);
    expect(interval.high).toBeCloseTo(0.9, 12);
    expect(interval.method).toMatch(/paired t/);
  });

  it('1 trial each: within-trial normal interval from duration spread, labelled as such', () => {
    // durations 90 and 110 ms: CV^2 / n = (14.14 / 100)^2 / 2 = 0.01 per side -> sd of log ratio 0.1414.
    const a = trial(0, 10, [90, 110]);
    const b = trial(0, 10, [90, 110]);
    const interval = throughputRatioInterval([a], [b], { paired: true, confidence: 0.95 })!;
    expect(Math.log(interval.high)).toBeCloseTo(1.959964 * Math.sqrt(0.02), 5);
    expect(interval.method).toMatch(/run-to-run noise not measured/);
  });

  it('null when a trial has fewer than 2 iterations or no common trial', () => {
    expect(throughputRatioInterval([trial(0, 1, [100])], [trial(0, 1)], { paired: true, confidence: 0.95 })).toBeNull();
    expect(throughputRatioInterval([trial(0, 1)], [trial(1, 1)], { paired: true, confidence: 0.95 })).toBeNull();
  });
});
