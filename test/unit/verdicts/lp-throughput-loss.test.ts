import { describe, expect, it } from 'vitest';
import { judgeLpThroughputLoss } from '../../../perf/lib/evaluate/verdicts/lp-throughput-loss.ts';
import { type ArmBehaviour, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { verdictContextOf } from './verdict-fixture.ts';

// 3 trials x 60 s; allowed loss <= 10%.
function judge(baseline: ArmBehaviour, xsched: ArmBehaviour, seed = 1, trials = 3) {
  const record = buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials }, arms: { baseline, xsched } });
  return judgeLpThroughputLoss(verdictContextOf(record));
}

describe('lp throughput loss verdict', () => {
  it('clear pass: iteration 52.5 vs 50 ms -> loss ~4.8%, interval below 10%', () => {
    const verdict = judge({ lpIterationMs: 50, lpTrialSigma: 0.005 }, { lpIterationMs: 52.5, lpTrialSigma: 0.005 });
    expect(verdict.status).toBe('pass');
    expect(verdict.measured.lossFraction!).toBeCloseTo(1 - 50 / 52.5, 1);
    expect(verdict.interval!.high).toBeLessThan(0.1);
  });

  it('clear fail: iteration 80 vs 50 ms -> loss ~37.5%, interval above 10%', () => {
    const verdict = judge({ lpIterationMs: 50, lpTrialSigma: 0.005 }, { lpIterationMs: 80, lpTrialSigma: 0.005 });
    expect(verdict.status).toBe('fail');
    expect(verdict.interval!.low).toBeGreaterThan(0.1);
    expect(verdict.recommendation).toMatch(/lpThroughputLossMaxFraction/);
  });

  it('inconclusive at the border: true loss 10% (55.56 vs 50 ms) with 3% run-to-run noise', () => {
    const verdict = judge({ lpIterationMs: 50, lpTrialSigma: 0.03 }, { lpIterationMs: 50 / 0.9, lpTrialSigma: 0.03 });
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.interval!.low).toBeLessThan(0.1);
    expect(verdict.interval!.high).toBeGreaterThan(0.1);
  });

  it('one trial: falls back to the within-trial interval and says run-to-run noise is not measured', () => {
    const verdict = judge({ lpIterationMs: 50 }, { lpIterationMs: 52.5 }, 1, 1);
    expect(verdict.interval!.method).toMatch(/run-to-run noise not measured/);
  });
});
