// The pure helpers of npm run bench:decisions (the benchmark itself is not part of npm test).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type RecordedGroup, estimateBetweenRunLogSd } from '../../../scripts/bench-decisions/between-run-estimate.ts';
import { betweenRunNoise } from '../../../perf/lib/evaluate/verdicts/between-run-noise.ts';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { targetsOf } from '../../../scripts/bench-decisions/format-table.ts';
import { metricNoise } from '../../../scripts/bench-decisions/scenario-noise.ts';
import { drawTrialValues, logResiduals, resampleIterationDurations, resampleTrialLatencies, runMeanDifferences, trialLogRateSd } from '../../../scripts/bench-decisions/noise-models.ts';
import { createSeededRandom } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';

const e = Math.exp;

describe('estimateBetweenRunLogSd (method of moments on log values)', () => {
  it('hand-checked: runs [e^-0.1, e^0.1] and [e^0.4, e^0.6]: within var 0.02, run means 0 and 0.5', () => {
    // var of means = 0.125; minus within 0.02 x mean(1/2) = 0.01 -> 0.115.
    const estimate = estimateBetweenRunLogSd({ config: 'c', arm: 'a', metric: 'm', runs: { r1: [e(-0.1), e(0.1)], r2: [e(0.4), e(0.6)] } });
    expect(estimate.withinLogSd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(estimate.betweenLogSd).toBeCloseTo(Math.sqrt(0.115), 12);
  });

  it('a run known only as a ratio counts as a run mean', () => {
    const estimate = estimateBetweenRunLogSd({ config: 'c', arm: 'a', metric: 'm', runs: { r1: [1, 1] }, otherDayRatios: [{ against: 'r1', ratio: e(0.2), trials: 10 }] });
    expect(estimate.runs).toBe(2);
    expect(estimate.betweenLogSd).toBeCloseTo(Math.sqrt(0.02), 12); // var of (0, 0.2) = 0.02, within 0
  });
});

describe('noise models', () => {
  it('logResiduals: centred per run and scaled by sqrt(n / (n - 1)); one-trial runs give none', () => {
    const residuals = logResiduals([[e(-0.1), e(0.1)], [5]]);
    expect(residuals[0]).toBeCloseTo(-0.1 * Math.SQRT2, 12);
    expect(residuals[1]).toBeCloseTo(0.1 * Math.SQRT2, 12);
    expect(residuals).toHaveLength(2);
  });

  it('runMeanDifferences: every ordered pair', () => {
    expect(runMeanDifferences([0, 0.5, 1])).toEqual([-0.5, -1, 0.5, -0.5, 1, 0.5]);
  });

  it('draws repeat for a seed and stay on the level when there is no residual', () => {
    expect(drawTrialValues(createSeededRandom(3), Math.log(2), [], 3)).toEqual([2, 2, 2]);
    const a = drawTrialValues(createSeededRandom(3), 0, [-0.1, 0.1], 5);
    expect(drawTrialValues(createSeededRandom(3), 0, [-0.1, 0.1], 5)).toEqual(a);
  });

  it('resampled latencies come from the trial, scaled, ascending', () => {
    const trial = Float64Array.from({ length: 100 }, (_, i) => (i + 1) * 1e6);
    const drawn = resampleTrialLatencies(createSeededRandom(1), [trial], 2);
    expect(drawn.every((v, i) => v % 2e6 === 0 && (i === 0 || v >= drawn[i - 1]!))).toBe(true);
  });

  it('trialLogRateSd: trials of 1 s and 2 s iterations (rates 1 and 0.5 /s) spread ln 2 / sqrt 2; one trial, 0', () => {
    const trials = [Float64Array.of(1e9, 1e9), Float64Array.of(2e9, 2e9)];
    expect(trialLogRateSd(trials)).toBeCloseTo(Math.LN2 / Math.SQRT2, 12);
    expect(trialLogRateSd([Float64Array.of(1e9, 3e9)])).toBe(0);
  });

  it('a smoothed lp draw: without jitter one of the recorded trials; with it, the trial times one factor', () => {
    const trial = Float64Array.of(1e9, 1e9, 1e9);
    expect([...resampleIterationDurations(createSeededRandom(2), [trial], 2, 0)]).toEqual([2e9, 2e9, 2e9]);
    const jittered = resampleIterationDurations(createSeededRandom(2), [trial], 1, 0.1);
    expect(new Set(jittered).size).toBe(1);
    expect(jittered[0]).not.toBe(1e9);
    expect(Math.abs(Math.log(jittered[0]! / 1e9))).toBeLessThan(0.6);
  });
});

describe('targetsOf', () => {
  it('names each target met or not', () => {
    const arm = (hp20: number, lp10: number) => ({ arm: 'a', aaFalseFail: { hp: 0, lp: 0 }, hpFails: [0, hp20, 1], lpFails: [0, lp10, 1] });
    expect(targetsOf({ scenario: 's', trials: '3', aaAllPass: 0.96, arms: [arm(0.95, 0.99)], shiftSources: '' })).toBe('A/A yes, +20% hp yes, -10% lp yes');
    expect(targetsOf({ scenario: 's', trials: '3', aaAllPass: 0.9, arms: [arm(0.95, 0.99), arm(0.5, 0.99)], shiftSources: '' })).toBe('A/A NO, +20% hp NO, -10% lp yes');
  });
});

describe("metricNoise: where a baseline's run-to-run shifts come from", () => {
  const stored = (pinnedCpus: number) =>
    ({ key: { scenario: 'quick', sharing: 'mps' }, workload: { durationMs: 10_000, pinnedCpus }, arms: { xsched: { hpP99Ms: [1, 1.1, 1.2], lpIterPerSec: [] } } }) as unknown as BaselineFile;
  const group = (config: string, runs: Record<string, number[]>): RecordedGroup => ({ config, arm: 'xsched', metric: 'hp-p99', runs });
  const file = (groups: RecordedGroup[]) => ({ schema: 'xsched-perf.recorded-runs' as const, schemaVersion: 1 as const, groups });
  const unpinned = group('quick mps 10 s', { b: [1, 1], c: [e(0.1), e(0.1)] }); // run means 0 and 0.1
  const other = group('standard mps 60 s', { d: [1, 1], f: [e(0.5), e(0.5)] });

  it('a pinned configuration recorded once takes its unpinned runs: m_b - m_c, m_c - m_b', () => {
    const noise = metricNoise(stored(4), 'xsched', 'hp-p99', file([group('quick mps 10 s pinned 4', { a: [1, 1.1] }), unpinned, other]))!;
    expect(noise.shiftSource).toBe('its unpinned runs');
    expect(noise.shifts.map((x) => Math.round(x * 1000) / 1000)).toEqual([-0.1, 0.1]);
  });

  it('a pinned configuration recorded twice takes its own; one with no runs of either kind, every configuration', () => {
    const pinnedTwice = group('quick mps 10 s pinned 4', { a: [1, 1], g: [e(0.02), e(0.02)] });
    expect(metricNoise(stored(4), 'xsched', 'hp-p99', file([pinnedTwice, unpinned]))!.shiftSource).toBe('own configuration');
    const none = metricNoise(stored(4), 'xsched', 'hp-p99', file([other]))!;
    expect(none.shiftSource).toBe('pooled over recorded configurations');
    expect(none.shifts.map((x) => Math.round(x * 1000) / 1000)).toEqual([-0.5, 0.5]);
  });
});

describe('between-run noise defaults cover the recorded runs', () => {
  // perf/lib/evaluate/verdicts/between-run-noise.ts takes its defaults from these groups; a
  // recording that shows more noise than the verdict assumes must fail here, not in a user's CI.
  const recorded = JSON.parse(readFileSync(new URL('../../../scripts/bench-decisions/recorded-runs.json', import.meta.url), 'utf8')) as { groups: RecordedGroup[] };
  for (const group of recorded.groups) {
    // A configuration label is scenario, sharing, window and, for pinned runs, "pinned <CPUs>"
    // ("intensive-30s-mps mps 30 s", "quick time-sliced 10 s pinned 4").
    const [scenario, sharing] = group.config.split(' ');
    const pinnedCpus = Number(/ pinned (\d+)$/.exec(group.config)?.[1] ?? 0);
    const stored = { key: { scenario, sharing }, workload: { pinnedCpus } } as unknown as BaselineFile;
    it(`${group.config}: ${group.arm} ${group.metric} (worker ${(group as { workerVersion?: string }).workerVersion ?? '?'})`, () => {
      const estimate = estimateBetweenRunLogSd(group);
      const used = betweenRunNoise(stored, group.arm as ArmName, group.metric === 'hp-p99' ? 'hpP99' : 'lpIterPerSec');
      if (Number.isNaN(estimate.betweenLogSd)) return; // one run: nothing to compare
      expect(used.logSd).toBeGreaterThanOrEqual(estimate.betweenLogSd);
    });
  }
});
