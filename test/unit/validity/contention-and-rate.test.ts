import { describe, expect, it } from 'vitest';
import { checkContention } from '../../../perf/lib/evaluate/validity/contention.ts';
import { checkHpAloneRate } from '../../../perf/lib/evaluate/validity/hp-alone-rate.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { contextOf } from './check-context-helper.ts';

describe('contention', () => {
  it('passes when baseline hp P99 and lp throughput are clearly worse than alone', () => {
    const [check] = checkContention(contextOf(buildSyntheticRun(healthyRunSpec())));
    expect(check!.status).toBe('pass');
    expect(check!.measured.hpP99RatioLow as number).toBeGreaterThan(2);
    expect(check!.measured.lpThroughputRatioHigh as number).toBeLessThan(1);
  });

  it('warns LOUDLY when neither changed beyond noise (same distributions alone and together)', () => {
    const record = buildSyntheticRun({
      seed: 3,
      scenario: { durationMs: 60_000, trials: 3 },
      arms: {
        'hp-alone': { hpMedianMs: 3, hpTrialSigma: 0.05 },
        'lp-alone': { lpIterationMs: 50, lpTrialSigma: 0.02 },
        baseline: { hpMedianMs: 3, hpTrialSigma: 0.05, lpIterationMs: 50, lpTrialSigma: 0.02 },
      },
    });
    const [check] = checkContention(contextOf(record));
    expect(check!.status).toBe('warn');
    expect(check!.message).toContain('DID NOT TEST WHAT IT CLAIMS');
    expect(check!.measured.hpP99RatioLow as number).toBeLessThanOrEqual(1);
  });

  it('skips without the alone arms', () => {
    const spec = healthyRunSpec();
    delete spec.arms['lp-alone'];
    expect(checkContention(contextOf(buildSyntheticRun(spec)))[0]!.status).toBe('skip');
  });
});

describe('hp-alone-rate', () => {
  it('passes when hp alone keeps its 10 req/s schedule', () => {
    const [check] = checkHpAloneRate(contextOf(buildSyntheticRun(healthyRunSpec())));
    expect(check).toMatchObject({ status: 'pass', measured: { targetRateHz: 10 } });
    expect(check!.measured.achievedRateHz as number).toBeCloseTo(10, 6);
  });

  it('warns when a 150 ms service time cannot sustain 10 req/s even alone (about 6.7 req/s)', () => {
    const record = buildSyntheticRun({ seed: 1, scenario: { durationMs: 60_000, trials: 1 }, arms: { 'hp-alone': { hpMedianMs: 150, hpSigma: 0.01 } } });
    const [check] = checkHpAloneRate(contextOf(record));
    expect(check!.status).toBe('warn');
    expect(check!.measured.achievedRateHz as number).toBeGreaterThan(6);
    expect(check!.measured.achievedRateHz as number).toBeLessThan(7);
  });
});
