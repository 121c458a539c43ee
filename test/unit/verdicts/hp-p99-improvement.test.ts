import { describe, expect, it } from 'vitest';
import { judgeHpP99Improvement } from '../../../perf/lib/evaluate/verdicts/hp-p99-improvement.ts';
import { type ArmBehaviour, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { verdictContextOf } from './verdict-fixture.ts';

// 3 trials x 60 s at 10 req/s = 600 requests per trial and arm; threshold: improvement >= 20%.
function judge(baseline: ArmBehaviour, xsched: ArmBehaviour, seed = 1) {
  const record = buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials: 3 }, arms: { baseline, xsched } });
  return judgeHpP99Improvement(verdictContextOf(record));
}

describe('hp P99 improvement verdict', () => {
  it('clear pass: xsched median 4 ms vs baseline 10 ms (same spread) -> improvement ~60%, interval above 20%', () => {
    const verdict = judge({ hpMedianMs: 10, hpTrialSigma: 0.03 }, { hpMedianMs: 4, hpTrialSigma: 0.03 });
    expect(verdict.status).toBe('pass');
    expect(verdict.measured.improvementFraction!).toBeGreaterThan(0.5);
    expect(verdict.measured.improvementFraction!).toBeLessThan(0.7);
    expect(verdict.interval!.low).toBeGreaterThan(0.2);
    expect(verdict.threshold).toEqual({ hpP99ImprovementMinFraction: 0.2 });
    expect(verdict.rule).toBe('xsched hp P99 <= 0.8 x baseline hp P99 (improvement >= 20%)');
  });

  it('clear fail: xsched no better than baseline -> improvement ~0%, whole interval below 20%', () => {
    const verdict = judge({ hpMedianMs: 10, hpTrialSigma: 0.03 }, { hpMedianMs: 10, hpTrialSigma: 0.03 });
    expect(verdict.status).toBe('fail');
    expect(verdict.interval!.high).toBeLessThan(0.2);
    expect(verdict.recommendation).toMatch(/XSCHED_AUTO_XQUEUE_THRESHOLD/);
  });

  it('inconclusive at the border: true improvement exactly 20% (8 ms vs 10 ms) with run-to-run noise', () => {
    const verdict = judge({ hpMedianMs: 10, hpTrialSigma: 0.05 }, { hpMedianMs: 8, hpTrialSigma: 0.05 });
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.interval!.low).toBeLessThan(0.2);
    expect(verdict.interval!.high).toBeGreaterThan(0.2);
    expect(verdict.recommendation).toMatch(/trial|threshold/);
  });

  it('is deterministic: the same record gives the same interval', () => {
    const a = judge({ hpMedianMs: 10 }, { hpMedianMs: 8 }, 7);
    const b = judge({ hpMedianMs: 10 }, { hpMedianMs: 8 }, 7);
    expect(a).toEqual(b);
  });

  it('skip with the reason when the baseline arm has no hp data', () => {
    const verdict = judge({ skipped: 'operator asked for xsched only' }, { hpMedianMs: 4 });
    expect(verdict.status).toBe('skip');
    expect(verdict.message).toContain('arm baseline was skipped: operator asked for xsched only');
  });
});
