import { describe, expect, it } from 'vitest';
import { checkOverlap } from '../../../perf/lib/evaluate/validity/overlap.ts';
import { checkSampleCount } from '../../../perf/lib/evaluate/validity/sample-count.ts';
import { makeArmTrial, makeRunRecord, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { simulateBackToBackLp, simulateOpenLoopHp } from '../evaluate/fixtures/simulated-workers.ts';
import { contextOf } from './check-context-helper.ts';

const MS = 1e6;

describe('overlap', () => {
  const scenario = makeScenario({ durationMs: 10_000, arms: ['baseline'] });
  const hp = okOutcome(makeWorkerResult({ scenario, role: 'hp', requests: simulateOpenLoopHp({ rateHz: 10, durationMs: 10_000, serviceNs: () => 2 * MS }) }));

  it('fails when lp stopped half way, reporting 50%', () => {
    const lp = okOutcome(makeWorkerResult({ scenario, role: 'lp', iterations: simulateBackToBackLp(5_000, () => 100 * MS) }));
    const [check] = checkOverlap(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp, lp])])));
    expect(check).toMatchObject({ status: 'fail', arm: 'baseline', trial: 0, measured: { coveragePercent: 50, windowMs: 10_000 } });
  });

  it('passes at 100% when lp ran back to back through the window', () => {
    const lp = okOutcome(makeWorkerResult({ scenario, role: 'lp', iterations: simulateBackToBackLp(10_000, () => 300 * MS) }));
    const [check] = checkOverlap(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp, lp])])));
    expect(check).toMatchObject({ status: 'pass', measured: { coveragePercent: 100 } });
  });

  it('passes at exactly the 95% boundary (lp started 500 ms late in a 10 s window)', () => {
    const iterations = simulateBackToBackLp(9_500, () => 100 * MS).map(([s, e]) => [s + 500 * MS, e + 500 * MS] as [number, number]);
    const lp = okOutcome(makeWorkerResult({ scenario, role: 'lp', iterations }));
    const [check] = checkOverlap(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp, lp])])));
    expect(check).toMatchObject({ status: 'pass', measured: { coveragePercent: 95 } });
  });
});

describe('sample-count (LoadGen early stopping: P99 at 95% needs 473)', () => {
  const runWith = (durationMs: number, trials: number) => {
    const scenario = makeScenario({ durationMs, trials, arms: ['hp-alone'] });
    const requests = simulateOpenLoopHp({ rateHz: 10, durationMs, serviceNs: (i) => (1 + (i % 10)) * MS });
    const records = Array.from({ length: trials }, (_, t) => makeArmTrial(scenario, 'hp-alone', t, [okOutcome(makeWorkerResult({ scenario, role: 'hp', requests }))]));
    return checkSampleCount(contextOf(makeRunRecord(scenario, records)));
  };

  it('300 requests (3 x 10 s at 10 req/s) fail with how many more and how long', () => {
    const [check] = runWith(10_000, 3);
    expect(check).toMatchObject({ status: 'fail', arm: 'hp-alone', measured: { requests: 300, required: 473, trials: 3 } });
    expect(check!.recommendation).toContain('Run at least 173 more requests (about 17.3 more seconds at 10 req/s)');
    expect(check!.recommendation).toContain('durationMs >= 15767 with 3 trial(s)');
  });

  it('600 requests pass, with the early-stopping P99 bound (the maximum: 10 ms)', () => {
    const [check] = runWith(60_000, 1);
    expect(check).toMatchObject({ status: 'pass', measured: { requests: 600, required: 473, earlyStoppingP99Ms: 10 } });
  });
});
