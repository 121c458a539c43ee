// bench:decisions' replay of lp-throughput-loss on recorded runs (scripts/bench-decisions/lp-loss-replay.ts),
// on small hand-checked sets of runs.

import { describe, expect, it } from 'vitest';
import { replayLpLoss } from '../../../scripts/bench-decisions/lp-loss-replay.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/evaluate-run.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { CALIBRATION_ARMS, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';

// The template lends a key and workload only; its own lp values are not read.
const record = buildSyntheticRun({ seed: 1, scenario: { durationMs: 10_000, trials: 3 }, arms: { ...CALIBRATION_ARMS, baseline: { lpIterationMs: 10 }, xsched: { lpIterationMs: 11 } } });

describe('replayLpLoss', () => {
  it('A (losses 6, 8, 4%) is inconclusive alone and passes pooled with B (6%, 6.5%, 5.5%); B passes either way', () => {
    // A: mean ln 0.94, 0.92, 0.96 = -0.0620, SS 0.000907: alone s 0.0213, t2 4.303 -> loss up to 10.9% (> 10%).
    // Pooled with B (SS 0.0000566, so A's variance is 16 times B's, within F(.95; 2, 2) = 19): s^2 = 0.000964 / 4,
    // t4 2.776 -> half-width 0.0249 -> loss up to 8.3%.
    const recorded = {
      schema: 'xsched-perf.recorded-runs' as const,
      schemaVersion: 1 as const,
      groups: [
        { config: 'quick time-sliced 10 s', arm: 'baseline', metric: 'lp-throughput', runs: { A: [100, 100, 100], B: [200, 200, 200] } },
        { config: 'quick time-sliced 10 s', arm: 'xsched', metric: 'lp-throughput', runs: { A: [94, 92, 96], B: [188, 187, 189] } },
      ],
    };
    const [row] = replayLpLoss(recorded, { record, baseline: baselineFromRun(record, evaluateRun(record, null)) });
    expect(row!.config).toBe('quick time-sliced 10 s');
    expect(row!.maxLoss).toBe(0.1);
    expect(row!.losses[0]).toBeCloseTo(1 - Math.exp(-0.062), 3);
    expect(row!.alone).toEqual({ pass: 1, inconclusive: 1, fail: 0, skip: 0 });
    expect(row!.pooled).toEqual({ pass: 2, inconclusive: 0, fail: 0, skip: 0 });
  });

  it('against the others as one baseline of several runs: B and C pass pooled (each around its own mean); A, spreading 16 times more than they do, is not pooled (F test) and stays inconclusive', () => {
    // Losses 6% in each run; A's log-ratios spread 0.0213, B's and C's about 0.005: variance ratio 16.0 beyond F(.95; 2, 4) = 6.94.
    // B against A and C is pooled with both (variance ratio 0.12): s^2 = (SS_B + SS_A + SS_C) / 6, loss 6.0% [4.3%, 7.7%].
    const recorded = {
      schema: 'xsched-perf.recorded-runs' as const,
      schemaVersion: 1 as const,
      groups: [
        { config: 'quick time-sliced 10 s', arm: 'baseline', metric: 'lp-throughput', runs: { A: [100, 100, 100], B: [200, 200, 200], C: [100, 100, 100] } },
        { config: 'quick time-sliced 10 s', arm: 'xsched', metric: 'lp-throughput', runs: { A: [94, 92, 96], B: [188, 187, 189], C: [94.5, 93.5, 94] } },
      ],
    };
    const [row] = replayLpLoss(recorded, { record, baseline: baselineFromRun(record, evaluateRun(record, null)) });
    expect(row!.alone).toEqual({ pass: 2, inconclusive: 1, fail: 0, skip: 0 });
    expect(row!.combined).toEqual({ pass: 2, inconclusive: 1, fail: 0, skip: 0 });
  });

  it('against the others as one baseline of several runs: a machine with 6 or more other runs is judged with their spread alone', () => {
    // Seven runs of GPU-m lose 9% with trials within 0.2% (log-ratio SD about 0.002); two of GPU-x
    // lose 6% with trials 3% apart. An M run pooled with all eight others: s about 0.012 on 22
    // degrees of freedom, loss up to about 10.6%: inconclusive. With its machine's own six:
    // s about 0.002, up to about 9.3%: pass. The X runs spread 8 times more than that pool (mostly
    // M's trials) and keep their own 2 degrees of freedom (F test): inconclusive either way.
    const m = (i: number) => [91 + (i % 3) * 0.1, 90.9 + (i % 2) * 0.2, 91.1 - (i % 3) * 0.1];
    const baselineRuns: Record<string, number[]> = {};
    const xschedRuns: Record<string, number[]> = {};
    const machines: Record<string, string> = {};
    for (let i = 0; i < 7; i++) [baselineRuns[`m${i}`], xschedRuns[`m${i}`], machines[`m${i}`]] = [[100, 100, 100], m(i), 'GPU-m'];
    for (const id of ['x0', 'x1']) [baselineRuns[id], xschedRuns[id], machines[id]] = [[100, 100, 100], [91, 94, 97], 'GPU-x'];
    const recorded = {
      schema: 'xsched-perf.recorded-runs' as const,
      schemaVersion: 1 as const,
      machines,
      groups: [
        { config: 'quick time-sliced 10 s', arm: 'baseline', metric: 'lp-throughput', runs: baselineRuns },
        { config: 'quick time-sliced 10 s', arm: 'xsched', metric: 'lp-throughput', runs: xschedRuns },
      ],
    };
    const [row] = replayLpLoss(recorded, { record, baseline: baselineFromRun(record, evaluateRun(record, null)) });
    expect(row!.combined).toEqual({ pass: 7, inconclusive: 2, fail: 0, skip: 0 });
    // Without the machines named, the M runs pool with the X runs' spread too.
    const [unnamed] = replayLpLoss({ ...recorded, machines: {} }, { record, baseline: baselineFromRun(record, evaluateRun(record, null)) });
    expect(unnamed!.combined).toEqual({ pass: 0, inconclusive: 9, fail: 0, skip: 0 });
  });

  it('against the others as one baseline of several runs: each stored run around its own mean, not one mean for all', () => {
    // P loses 6% with trials within 0.1 point; Q, R and S equally tight at 5%, 9% and 13%. Around
    // their own means the pool's spread is about 0.001 and P passes; around one mean the levels,
    // 8 points apart, would count as spread (s about 0.04) and P would be inconclusive.
    const tight = (loss: number) => [100 - loss - 0.05, 100 - loss, 100 - loss + 0.05];
    const recorded = {
      schema: 'xsched-perf.recorded-runs' as const,
      schemaVersion: 1 as const,
      groups: [
        { config: 'quick time-sliced 10 s', arm: 'baseline', metric: 'lp-throughput', runs: { P: [100, 100, 100], Q: [100, 100, 100], R: [100, 100, 100], S: [100, 100, 100] } },
        { config: 'quick time-sliced 10 s', arm: 'xsched', metric: 'lp-throughput', runs: { P: tight(6), Q: tight(5), R: tight(9), S: tight(13) } },
      ],
    };
    const [row] = replayLpLoss(recorded, { record, baseline: baselineFromRun(record, evaluateRun(record, null)) });
    // P, Q and R pass; S (13%) fails.
    expect(row!.combined).toEqual({ pass: 3, inconclusive: 0, fail: 1, skip: 0 });
  });
});
