import { describe, expect, it } from 'vitest';
import { judgeHpP99Improvement } from '../../../perf/lib/evaluate/verdicts/hp-p99-improvement.ts';
import { type ArmBehaviour, CALIBRATION_ARMS, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { assembleBaseline } from '../../../perf/lib/store/baselines/from-runs.ts';
import { recommendMoreData } from '../../../perf/lib/evaluate/verdicts/decide.ts';
import { baselineFromRun, verdictContextOf } from './verdict-fixture.ts';

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

  describe('with a stored baseline of several runs that can judge the run: the t part\'s spread is pooled, each stored run around its own mean', () => {
    // xsched about 30% better, trial-to-trial noise 8% per arm: 3 trials alone leave 2 degrees of freedom (t 4.30).
    const run = (seed: number, xschedMs = 7) =>
      buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials: 3 }, arms: { ...CALIBRATION_ARMS, baseline: { hpMedianMs: 10, hpTrialSigma: 0.08 }, xsched: { hpMedianMs: xschedMs, hpTrialSigma: 0.08 } } });
    const stored = (levels: number[]) =>
      assembleBaseline(
        baselineFromRun(run(100)),
        levels.map((xschedMs, i) => ({ run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20) + i * 3.6e6).toISOString(), machine: `GPU-${i}` }, arms: baselineFromRun(run(100 + i, xschedMs)).arms })),
      );

    it('narrows the interval; the centre and the bootstrap stay this run\'s; the method and measured fields say so', () => {
      const record = run(7);
      const alone = judgeHpP99Improvement(verdictContextOf(record));
      const pooled = judgeHpP99Improvement(verdictContextOf(record, stored([7, 6, 8])));
      expect(pooled.measured.improvementFraction).toBe(alone.measured.improvementFraction);
      expect([alone.measured.pooledStoredTrials, pooled.measured.pooledStoredTrials]).toEqual([undefined, 9]);
      expect(pooled.interval!.high - pooled.interval!.low).toBeLessThan(alone.interval!.high - alone.interval!.low);
      expect(pooled.interval!.method).toMatch(/spread pooled with the 9 paired trials of the stored baseline \(3 runs .* on 3 machines\), each of its 3 runs around its own mean \(8 degrees of freedom\)/);
      expect(pooled.interval!.method).toMatch(/^envelope of \[two-stage bootstrap/);
    });

    it('undecided: the advice counts the degrees of freedom the stored runs lend', () => {
      // About 24% better against 20% needed.
      const verdict = judgeHpP99Improvement(verdictContextOf(run(7, 7.6), stored([7.6, 7.6, 7.6])));
      expect(verdict.status).toBe('inconclusive');
      const advice = (extraDegreesOfFreedom: number) =>
        recommendMoreData({ estimate: verdict.measured.improvementFraction!, low: verdict.interval!.low, high: verdict.interval!.high, threshold: 0.2, trials: 3, confidence: 0.95, extraDegreesOfFreedom, direction: 'at-least' });
      expect(verdict.recommendation).toBe(advice(6));
      expect([advice(0), advice(9)]).not.toContain(advice(6));
    });
  });
});
