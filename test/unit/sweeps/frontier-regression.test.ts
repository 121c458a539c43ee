// The regression check of XSched's frontier against a previous sweep (PERF_SWEEP_COMPARE_TO,
// docs/sweeps.md). Hand-checkable: constant latencies make every P99 and its bootstrap
// interval that constant, so each ratio is exact; then two sweeps run on the GPU double.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { type ComparedSweep, judgeFrontierRegression } from '../../../perf/lib/evaluate/sweeps/frontier-regression.ts';
import { expandGrid, type SweepUnit } from '../../../perf/lib/plan/sweeps/expand.ts';
import { ALL_ARMS } from '../../../perf/lib/plan/scenarios/arms.ts';
import { readSweepSettings } from '../../../perf/lib/plan/sweeps/sweep-settings.ts';
import { addFrontierRegression, comparedSweep, loadPreviousSweep } from '../../../perf/lib/suite/sweep/compare-sweep.ts';
import { runSweep } from '../../../perf/lib/suite/sweep/run-sweep.ts';
import { writeSweepOutputs } from '../../../perf/lib/suite/sweep/write-sweep-outputs.ts';
import { makeScenario } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { point } from './sweep-points.ts';

const scenario = makeScenario({ name: 'sweep-fixture', durationMs: 2_000, trials: 2, arms: ['baseline'] });
const key = { scenario: scenario.name, durationMs: scenario.durationMs, trials: 2, seed: 1, sharing: scenario.sharing, hp: scenario.hp, lp: scenario.lp, adaptive: false, units: [] };
const h200 = { scenario: scenario.name, platform: 'cuda' as const, gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: scenario.sharing };
const constant = (ms: number) => [{ trial: 0, latenciesNs: new Float64Array(200).fill(ms * 1e6) }];

/** xsched lp-threshold=4 at 3% lp loss and lp-threshold=1 at 8%, with constant hp latencies. */
function side(label: string, p99At4Ms: number, p99At1Ms: number, overrides: Partial<ComparedSweep> = {}): ComparedSweep {
  const points = [point('xsched lp-threshold=4', 'xsched-lp-threshold', [p99At4Ms, p99At4Ms, p99At4Ms], [0.02, 0.03, 0.04]), point('xsched lp-threshold=1', 'xsched-lp-threshold', [p99At1Ms, p99At1Ms, p99At1Ms], [0.07, 0.08, 0.09])];
  return { label, key, hardware: h200, points, hpLatencies: (id) => constant(id.endsWith('=4') ? p99At4Ms : p99At1Ms), ...overrides };
}
const options = { tolerance: 0.2, confidence: 0.95, seed: 3 };
const at = (percent: number) => ({ lpLossBudget: percent / 100, maxRatio: 1.2 });

describe('frontier regression verdict per budget', () => {
  it('fails a best hp P99 twice the previous one (ratio 2 [2, 2] > 1.2)', () => {
    const verdict = judgeFrontierRegression(side('now', 20, 8), side('then', 10, 8), at(5), options);
    expect(verdict).toMatchObject({ id: 'sweep-regression.lp-loss-5pct', status: 'fail', measured: { nowP99Ms: 20, previousP99Ms: 10, ratio: 2 }, interval: { low: 2, high: 2 } });
  });

  it('at 10% the best point is lp-threshold=1 on both sides: unchanged passes', () => {
    const verdict = judgeFrontierRegression(side('now', 20, 8), side('then', 10, 8), at(10), options);
    expect(verdict).toMatchObject({ status: 'pass', measured: { nowP99Ms: 8, previousP99Ms: 8, ratio: 1 } });
  });

  it('passes a 10% worse best P99 under a 20% tolerance, fails it under 5%', () => {
    expect(judgeFrontierRegression(side('now', 11, 8), side('then', 10, 8), at(5), options).status).toBe('pass');
    expect(judgeFrontierRegression(side('now', 11, 8), side('then', 10, 8), at(5), { ...options, tolerance: 0.05 }).status).toBe('fail');
  });

  it('is untested when the previous sweep has no xsched point within the budget', () => {
    const verdict = judgeFrontierRegression(side('now', 10, 8), side('then', 10, 8), at(1), options);
    expect(verdict).toMatchObject({ status: 'skip', message: 'Not compared: this sweep has no proven xsched point whose whole lp loss interval is within 1%.' });
    const thenWithout = side('then', 10, 8, { points: [] });
    expect(judgeFrontierRegression(side('now', 10, 8), thenWithout, at(5), options).message).toContain('the previous sweep has no proven xsched point');
  });

  it('is untested against another workload or other hardware', () => {
    const otherGpu = side('then', 10, 8, { hardware: { ...h200, gpuName: 'NVIDIA H100' } });
    expect(judgeFrontierRegression(side('now', 10, 8), otherGpu, at(5), options)).toMatchObject({ status: 'skip', message: expect.stringContaining('other hardware (cuda NVIDIA H100 (sm_90); now cuda NVIDIA H200 (sm_90))') });
    const otherWorkload = side('then', 10, 8, { key: { ...key, durationMs: 30_000 } });
    expect(judgeFrontierRegression(side('now', 10, 8), otherWorkload, at(5), options).message).toContain('another workload');
  });

  it('reads PERF_SWEEP_COMPARE_TO and its tolerance, quoting a bad value', () => {
    expect(readSweepSettings({ PERF_SWEEP_COMPARE_TO: 'results/sweeps/a' })).toMatchObject({ compareTo: 'results/sweeps/a', compareTolerance: 0.2 });
    expect(readSweepSettings({ PERF_SWEEP_COMPARE_TOLERANCE: '5' }).compareTolerance).toBe(0.05);
    expect(() => readSweepSettings({ PERF_SWEEP_COMPARE_TOLERANCE: '-5' })).toThrow('PERF_SWEEP_COMPARE_TOLERANCE="-5" is not a percentage');
  });
});

describe('frontier regression of two sweeps on the GPU double', () => {
  /** xsched hp latency times `slowdown`; the rest as run-sweep.test.ts's double. */
  const runner = (slowdown: number) => async (unit: SweepUnit, trial: number): Promise<RunRecord> => {
    const behaviour = unit.id === 'hp-alone' ? { hpMedianMs: 2 } : unit.id === 'baseline' ? { hpMedianMs: 40, lpIterationMs: 50 }
      : unit.mechanism === 'xsched-lp-threshold' ? { hpMedianMs: (4 + 2 * Number(unit.setting)) * slowdown, lpIterationMs: 50 * (1 + 0.2 / Number(unit.setting)) } : { hpMedianMs: 3, lpIterationMs: 80 };
    return buildSyntheticRun({ seed: 7 + trial * 31, scenario: { ...scenario, arms: [unit.arm as ArmName], trials: 1 }, arms: { [unit.arm]: behaviour } });
  };
  const sweep = async (slowdown: number) => {
    const dir = makeTempDir('sweep-');
    const points = expandGrid({ xschedLpThreshold: [4, 16], xschedLpBatch: [], xschedLevel: [], xschedPolicy: [], mpsLpPercent: [], cuMaskLpPercent: [], streamPriority: true });
    const outcome = await runSweep({ sweepDir: dir, scenario, points, budgets: [at(10)], adaptive: false, knownArms: ALL_ARMS, runUnitTrial: runner(slowdown), log: () => {} });
    await writeSweepOutputs(dir, 'previous', outcome.evaluation, [], {});
    return { dir, outcome };
  };

  it('a sweep against itself passes; one with XSched twice as slow fails, shown in summary.md and report.html', async () => {
    const before = await sweep(1);
    const previous = await loadPreviousSweep(before.dir, [at(10)]);
    const compare = (run: typeof before) => addFrontierRegression(run.outcome.evaluation, {
      now: comparedSweep(run.dir, run.outcome.key, run.outcome.evaluation.points, run.outcome.units), previous, budgets: [at(10)], tolerance: 0.2,
    });
    const same = compare(before).regression!.verdicts[0]!;
    expect(same).toMatchObject({ status: 'pass', measured: { ratio: 1 } });
    const slower = await sweep(2);
    const judged = compare(slower);
    expect(judged.regression!.verdicts[0]).toMatchObject({ status: 'fail', measured: { ratio: expect.closeTo(2, 1) } });
    expect(judged.decision.status).toBe('fail');
    await writeSweepOutputs(slower.dir, 'now', judged, [], {});
    expect(readFileSync(join(slower.dir, 'summary.md'), 'utf8')).toContain(`#### XSched's frontier against ${before.dir} (tolerance 20.0%)`);
    expect(readFileSync(join(slower.dir, 'report.html'), 'utf8')).toContain('fail: xsched&#39;s best hp P99 at lp loss &lt;= 10%');
  });

  it('reads of the previous sweep only the runs it compares: the baseline unit and the best xsched point per budget', async () => {
    const before = await sweep(1);
    const previous = await loadPreviousSweep(before.dir, [at(10)]);
    // At 10% lp loss threshold 4 (5% loss, hp 12 ms) beats threshold 16 (1.25%, 36 ms).
    expect(previous.hardware).not.toBeNull();
    expect(previous.hpLatencies('xsched lp-threshold=4').length).toBe(2);
    expect(previous.hpLatencies('xsched lp-threshold=16')).toEqual([]);
    expect(previous.hpLatencies('hp-alone')).toEqual([]);
  });
});
