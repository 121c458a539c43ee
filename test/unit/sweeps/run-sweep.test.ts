// The sweep driver with a test double for the GPU: each unit-trial is a synthetic one-arm
// run (test/unit/evaluate/fixtures/synthetic-run.ts) whose numbers follow the unit's setting.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { expandGrid, type SweepUnit } from '../../../perf/lib/plan/sweeps/expand.ts';
import { ALL_ARMS } from '../../../perf/lib/plan/scenarios/arms.ts';
import { runSweep, type RunSweepOptions } from '../../../perf/lib/suite/sweep/run-sweep.ts';
import { makeScenario } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { type ArmBehaviour, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';

const scenario = makeScenario({ name: 'sweep-fixture', durationMs: 2_000, trials: 2, arms: ['baseline'] });

/** Lower xsched thresholds: lower hp latency, more lp cost; stream priority: lowest hp latency at a large lp cost. */
function behaviourOf(unit: SweepUnit): ArmBehaviour {
  if (unit.id === 'hp-alone') return { hpMedianMs: 2 };
  if (unit.id === 'baseline') return { hpMedianMs: 40, lpIterationMs: 50 };
  if (unit.mechanism === 'xsched-lp-threshold') return { hpMedianMs: 4 + 2 * Number(unit.setting), lpIterationMs: 50 * (1 + 0.2 / Number(unit.setting)) };
  return { hpMedianMs: 3, lpIterationMs: 80 };
}

/** The GPU double: counts calls, and throws on call number `failAt` (a stopped sweep). */
function doubleRunner(failAt = Number.POSITIVE_INFINITY): { calls: string[]; run: RunSweepOptions['runUnitTrial'] } {
  const calls: string[] = [];
  return {
    calls,
    async run(unit, trial): Promise<RunRecord> {
      if (calls.length + 1 === failAt) throw new Error('the sweep was stopped (test double)');
      calls.push(`${unit.id}#${trial}`);
      return buildSyntheticRun({ seed: 7 + trial * 31 + calls.length, scenario: { ...scenario, arms: [unit.arm as ArmName], trials: 1 }, arms: { [unit.arm]: behaviourOf(unit) } });
    },
  };
}

const points = expandGrid({ xschedLpThreshold: [1, 4, 16], xschedLpBatch: [], xschedLevel: [], xschedPolicy: [], mpsLpPercent: [60], cuMaskLpPercent: [], streamPriority: true });
const options = (sweepDir: string, runUnitTrial: RunSweepOptions['runUnitTrial'], adaptive = false): RunSweepOptions => ({
  sweepDir, scenario, points, budgets: [{ lpLossBudget: 0.1, maxRatio: 1.2 }], adaptive, knownArms: ALL_ARMS, runUnitTrial, log: () => {},
});

describe('sweep driver (test double for the GPU)', () => {
  it('runs hp-alone, baseline and every known point per trial, saving each unit-trial as it ends', async () => {
    const dir = makeTempDir('sweep-');
    const gpu = doubleRunner();
    const outcome = await runSweep(options(dir, gpu.run));
    // 2 fixed + 3 xsched + stream-priority = 6 units x 2 trials; mps lp-percent=60 has no arm (arms.ts has 30, 50, 70, 80, 90, 100).
    expect(gpu.calls).toHaveLength(12);
    expect(existsSync(join(dir, 'runs', 'xsched-lp-threshold-4-t1', 'run.json'))).toBe(true);
    expect(outcome.evaluation.notRun).toEqual([{ id: 'mps lp-percent=60', reason: expect.stringContaining('arm mps-lp60 is not in this checkout') }]);
    const thresholds = outcome.evaluation.points.filter((p) => p.mechanism === 'xsched-lp-threshold');
    expect(thresholds.map((p) => p.proof.status)).toEqual(['proven', 'proven', 'proven']);
    // Threshold 1 costs lp about 20% (iteration 60 ms vs 50 ms: 1 - 50/60 = 16.7%); 16 costs about 1.2%.
    expect(thresholds[0]!.lpLoss!.estimate).toBeGreaterThan(0.1);
    expect(thresholds[2]!.lpLoss!.estimate).toBeLessThan(0.05);
    expect(outcome.evaluation.hpAloneP99Ms!.estimate).toBeLessThan(thresholds[0]!.hpP99Ms!.estimate);
  });

  it('a point whose arm XSched did not prove is unproven and does not count', async () => {
    const dir = makeTempDir('sweep-');
    const gpu = doubleRunner();
    const withoutEvidence: RunSweepOptions['runUnitTrial'] = async (unit, trial, runDir) => {
      const record = await gpu.run(unit, trial, runDir);
      // The xserver never saw the workers: no XSched evidence recorded for threshold 16.
      return unit.id === 'xsched lp-threshold=16' ? { ...record, trials: record.trials.map((t) => ({ ...t, xsched: null })) } : record;
    };
    const outcome = await runSweep(options(dir, withoutEvidence));
    const unproven = outcome.evaluation.points.find((p) => p.id === 'xsched lp-threshold=16')!;
    expect(unproven.proof).toEqual({ status: 'unproven', reason: expect.stringContaining('XSched was not shown to be active in arm xsched') });
    // stream-priority is excluded too: the synthetic fingerprints carry no stream priorities, so its
    // proof check (reference.stream-priority) cannot pass either.
    expect(outcome.evaluation.frontier.excluded.map((e) => e.point.id)).toEqual(['xsched lp-threshold=16', 'stream-priority']);
    expect(outcome.evaluation.points.find((p) => p.id === 'stream-priority')!.proof).toEqual({ status: 'unproven', reason: expect.stringContaining('stream') });
  });

  it('a stopped sweep resumes: finished unit-trials are read back, only the rest run', async () => {
    const dir = makeTempDir('sweep-');
    await expect(runSweep(options(dir, doubleRunner(5).run))).rejects.toThrow('the sweep was stopped');
    const second = doubleRunner();
    const resumed = await runSweep(options(dir, second.run));
    expect(resumed).toMatchObject({ resumed: true, kept: 4, ran: 8 });
    const third = await runSweep(options(dir, doubleRunner(1).run));
    expect(third).toMatchObject({ kept: 12, ran: 0 });
    expect(third.evaluation.points.map((p) => p.hpP99Ms)).toEqual(resumed.evaluation.points.map((p) => p.hpP99Ms));
  });

  it('refuses to resume a directory that holds another sweep, naming the field', async () => {
    const dir = makeTempDir('sweep-');
    await runSweep(options(dir, doubleRunner().run));
    await expect(runSweep({ ...options(dir, doubleRunner().run), scenario: { ...scenario, durationMs: 3_000 } })).rejects.toThrow('durationMs: saved 2000, now 3000');
  });

  it('adaptive: the coarse grid first, then the skipped settings next to the knee', async () => {
    const dir = makeTempDir('sweep-');
    const wide = expandGrid({ xschedLpThreshold: [1, 2, 4, 8, 16], xschedLpBatch: [], xschedLevel: [], xschedPolicy: [], mpsLpPercent: [], cuMaskLpPercent: [], streamPriority: false });
    const gpu = doubleRunner();
    const outcome = await runSweep({ ...options(dir, gpu.run, true), points: wide, scenario: { ...scenario, trials: 1 } });
    const ran = [...new Set(gpu.calls.map((c) => c.split('#')[0]))];
    // Coarse: 1, 4, 16. Within 10% loss (threshold 1 costs ~17%) the lowest P99 is threshold 4: refine 2 and 8.
    expect(gpu.calls.filter((c) => c.endsWith('#0')).map((c) => c.split('#')[0]).sort()).toEqual(['baseline', 'hp-alone', 'xsched lp-threshold=1', 'xsched lp-threshold=16', 'xsched lp-threshold=4']);
    expect(gpu.calls.filter((c) => c.endsWith('#1')).map((c) => c.split('#')[0]).sort()).toEqual(['baseline', 'hp-alone', 'xsched lp-threshold=2', 'xsched lp-threshold=8']);
    expect(ran).toHaveLength(7);
    expect(outcome.evaluation.points).toHaveLength(5);
  });
});
