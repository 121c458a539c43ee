// The "xsched vs best reference" verdict on synthetic runs: it picks the proven reference arm
// with the lowest hp P99, leaves unproven ones out, and skips with a reason when none is left.

import { describe, expect, it } from 'vitest';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { judgeXschedVsReference } from '../../../perf/lib/evaluate/verdicts/xsched-vs-reference.ts';
import { type ArmBehaviour, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { verdictContextOf } from './verdict-fixture.ts';

function judge(arms: Partial<Record<ArmName, ArmBehaviour>>, unproven: ArmName[] = []) {
  const record = buildSyntheticRun({ seed: 3, scenario: { durationMs: 60_000, trials: 3 }, arms: { baseline: { hpMedianMs: 10 }, ...arms } });
  const unprovenArms = new Map(unproven.map((arm) => [arm, `its mechanism was not shown in force in arm ${arm}`]));
  return judgeXschedVsReference({ ...verdictContextOf(record), unprovenArms });
}

describe('xsched vs best reference verdict', () => {
  it('passes when xsched beats the best proven reference, naming it and the lp cost', () => {
    const verdict = judge({
      xsched: { hpMedianMs: 3, hpTrialSigma: 0.03, lpIterationMs: 50 },
      'mps-lp70': { hpMedianMs: 6, hpTrialSigma: 0.03, lpIterationMs: 40 },
      'mps-lp30': { hpMedianMs: 5, hpTrialSigma: 0.03, lpIterationMs: 100 },
    });
    expect(verdict.status).toBe('pass');
    expect(verdict.message).toMatch(/\(mps-lp30, the best proven reference\)/);
    expect(verdict.message).toMatch(/lp [\d.]+ vs [\d.]+ iter\/s \(xsched\/mps-lp30: [\d.]+x\)/);
    expect(verdict.message).toMatch(/Other proven references: mps-lp70/);
    expect(verdict.interval!.low).toBeGreaterThan(0);
    expect(verdict.measured.xschedLpIterPerSec! / verdict.measured.referenceLpIterPerSec!).toBeCloseTo(2, 0);
  });

  it('fails when the best reference gives hp the lower tail, and leaves an unproven better one out', () => {
    const arms = { xsched: { hpMedianMs: 6, hpTrialSigma: 0.03 }, 'mps-lp50': { hpMedianMs: 3, hpTrialSigma: 0.03 }, 'mps-lp90': { hpMedianMs: 1, hpTrialSigma: 0.03 } };
    const verdict = judge(arms, ['mps-lp90']);
    expect(verdict.status).toBe('fail');
    expect(verdict.message).toMatch(/\(mps-lp50, the best proven reference\)/);
    expect(verdict.interval!.high).toBeLessThan(0);
    expect(verdict.message).toMatch(/lp throughput not compared \(no paired lp trials\)/);
    expect(verdict.measured.referenceLpIterPerSec).toBeNull();
  });

  it('skips, with every reason, when no reference arm is proven', () => {
    const verdict = judge({ xsched: { hpMedianMs: 3 }, 'mps-lp70': { hpMedianMs: 6 } }, ['mps-lp70']);
    expect(verdict.status).toBe('skip');
    expect(verdict.message).toBe('Not judged: no proven reference arm with hp data (its mechanism was not shown in force in arm mps-lp70).');
    expect(verdict.recommendation).toMatch(/PERF_REFERENCE_ARMS/);
  });
});
