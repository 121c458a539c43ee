import { describe, expect, it } from 'vitest';
import { judgeHpAchievedRate } from '../../../perf/lib/evaluate/verdicts/hp-achieved-rate.ts';
import { makeArmTrial, makeRunRecord, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { simulateOpenLoopHp } from '../evaluate/fixtures/simulated-workers.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { verdictContextOf } from './verdict-fixture.ts';

const MS = 1e6;
// 10 s at 10 req/s: 100 requests per trial; bar 0.95 x 10 = 9.5 req/s.
const scenario = makeScenario({ durationMs: 10_000, trials: 2, arms: ['xsched'] });
const allDone = simulateOpenLoopHp({ rateHz: 10, durationMs: 10_000, serviceNs: () => 2 * MS });
const trialWith = (trial: number, completed: number) =>
  makeArmTrial(scenario, 'xsched', trial, [okOutcome(makeWorkerResult({ scenario, arm: 'xsched', role: 'hp', requests: allDone.slice(0, completed), unstartedRequests: 100 - completed }))]);

describe('hp achieved rate verdict (xsched arm)', () => {
  it('pass: every trial completes all 100 requests in 10 s = 10 req/s >= 9.5', () => {
    const verdict = judgeHpAchievedRate(verdictContextOf(makeRunRecord(scenario, [trialWith(0, 100), trialWith(1, 100)])));
    expect(verdict).toMatchObject({ status: 'pass', measured: { achievedRateHz: 10, minTrialRateHz: 10 }, threshold: { minRateHz: 9.5 } });
    expect(verdict.recommendation).toBeNull();
  });

  it('fail: 90 of 100 in each trial = 9 req/s < 9.5', () => {
    const verdict = judgeHpAchievedRate(verdictContextOf(makeRunRecord(scenario, [trialWith(0, 90), trialWith(1, 90)])));
    expect(verdict).toMatchObject({ status: 'fail', measured: { achievedRateHz: 9, trialsBelow: 2 } });
    expect(verdict.recommendation).toMatch(/hp-alone rate check/);
  });

  it('fail when one trial of two is below the bar (10 and 9.2 req/s, pooled 9.6): the rule says every trial', () => {
    const verdict = judgeHpAchievedRate(verdictContextOf(makeRunRecord(scenario, [trialWith(0, 100), trialWith(1, 92)])));
    expect(verdict).toMatchObject({ status: 'fail', measured: { minTrialRateHz: 9.2, maxTrialRateHz: 10, trialsBelow: 1 } });
    expect(verdict.measured.achievedRateHz).toBeCloseTo(9.6, 12);
    expect(verdict.interval).toMatchObject({ low: 9.2, high: 10, level: 0.5 });
    expect(verdict.rule).toContain('in every trial');
    expect(verdict.message).toContain('1 of 2 trial(s) fell below it (trial 1 9.2 req/s)');
  });

  it('skip with the reason when the xsched arm was skipped', () => {
    const spec = healthyRunSpec();
    spec.arms.xsched = { skipped: 'XSCHED_ROOT is not set' };
    const verdict = judgeHpAchievedRate(verdictContextOf(buildSyntheticRun({ ...spec, scenario: { durationMs: 2_000, trials: 1 } })));
    expect(verdict.status).toBe('skip');
    expect(verdict.message).toContain('arm xsched was skipped: XSCHED_ROOT is not set');
  });
});
