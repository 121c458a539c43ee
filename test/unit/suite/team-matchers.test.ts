// The matchers teams use for their own rules (perf/lib/suite/matchers/perf-matchers.ts), on
// synthetic runs built from the shared fixture (test/fixtures/run-record/): known medians give
// known answers, and every failure message carries the numbers.
import { describe, expect, it } from 'vitest';
import '../../../perf/setup-matchers.ts';
import { whyRuleNotJudged } from '../../../perf/lib/suite/team-rules.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/index.ts';
import type { FinishedRun } from '../../../perf/lib/suite/finish-run.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';

// 3 trials x 60 s at 10 req/s; xsched hp P99 about 40% of baseline's, lp 5% slower.
const healthy = buildSyntheticRun(healthyRunSpec());
const noEffect = buildSyntheticRun({ ...healthyRunSpec(), arms: { ...healthyRunSpec().arms, xsched: { hpMedianMs: 10, hpTrialSigma: 0.02, lpIterationMs: 80, lpTrialSigma: 0.01 } } });
const noXsched = buildSyntheticRun({ ...healthyRunSpec(), arms: { ...healthyRunSpec().arms, xsched: { skipped: 'XSCHED_ROOT is not set' } } });
// xsched's hp service time (120 ms) exceeds the 100 ms between requests: hp falls behind its schedule.
const behind = buildSyntheticRun({ ...healthyRunSpec(), arms: { ...healthyRunSpec().arms, xsched: { hpMedianMs: 120, hpSigma: 0.01, lpIterationMs: 57.75 } } });
// The lp worker of xsched trial 0 left no outcome: the validity checks make the run invalid.
const invalid: RunRecord = { ...healthy, trials: healthy.trials.map((t) => (t.arm === 'xsched' && t.trial === 0 ? { ...t, workers: t.workers.slice(0, 1) } : t)) };
const finished = (record: RunRecord): FinishedRun => ({ record, evaluation: evaluateRun(record, null), baseline: null, baselineProblem: null, runDir: '', reportPath: '' });
const failureOf = (assertion: () => void): string => {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
};

describe('perf matchers (test double runs: synthetic records)', () => {
  it('toImproveHpP99By passes on a judged pass, for a finished run or its record', () => {
    expect(healthy).toImproveHpP99By(0.5);
    expect(finished(healthy)).toImproveHpP99By(0.5);
    expect(healthy).not.toImproveHpP99By(0.7);
  });

  it('toImproveHpP99By fails with the measured improvement, its interval, the threshold and the trials', () => {
    const message = failureOf(() => expect(noEffect).toImproveHpP99By(0.5));
    expect(message).toMatch(/^expected the run to improve hp P99 by >= 50% under XSched, and it did not:/);
    expect(message).toMatch(/hp P99 [\d.]+ ms \(xsched\) vs [\d.]+ ms \(baseline\): improvement -?[\d.]+%, 95% interval \[-?[\d.]+%, -?[\d.]+%\] over 3 paired trial\(s\), needed >= 50%/);
    expect(message).toMatch(/what to do: XSched did not cut hp tail latency enough/);
  });

  it('.not fails when the rule holds, saying so with the numbers', () => {
    expect(failureOf(() => expect(healthy).not.toImproveHpP99By(0.5))).toMatch(/^expected the run not to improve hp P99 by >= 50% under XSched, and it did:\n\[hp-p99-improvement\] Pass: hp P99/);
  });

  it('toKeepLpThroughputLossBelow: 5% loss passes 10% and fails 1%; 37.5% loss fails 10%', () => {
    expect(healthy).toKeepLpThroughputLossBelow(0.1);
    expect(failureOf(() => expect(healthy).toKeepLpThroughputLossBelow(0.01))).toMatch(/loss [\d.]+%, 95% interval \[[\d.]+%, [\d.]+%\] .* allowed <= 1%/);
    expect(failureOf(() => expect(noEffect).toKeepLpThroughputLossBelow(0.1))).toMatch(/lp [\d.]+ iter\/s \(xsched\) vs [\d.]+ iter\/s \(baseline\) over 3 paired trial\(s\): loss 3\d\.\d%/);
  });

  it("toMeetHpRate: the healthy run meets the scenario's 95%; hp falling behind fails it with the per-trial rates and the bar", () => {
    expect(healthy).toMeetHpRate();
    const message = failureOf(() => expect(behind).toMeetHpRate());
    expect(message).toMatch(/^expected the run to meet the scenario's fraction of the hp target rate under XSched in every trial, and it did not:/);
    expect(message).toMatch(/xsched hp achieved [\d.]+ req\/s over 3 trial\(s\) \(per trial [\d.]+\.\.[\d.]+\) against a bar of 9\.5 req\/s: 3 of 3 trial\(s\) fell below it/);
  });

  it('an unjudged verdict (xsched never ran) fails, never passes, with why', () => {
    expect(failureOf(() => expect(noXsched).toImproveHpP99By(0.1))).toMatch(/and it was not judged:\n\[hp-p99-improvement\] Not judged: arm xsched was skipped: XSCHED_ROOT is not set/);
    expect(whyRuleNotJudged(finished(noXsched))).toBe('arm xsched of scenario fixture was not measured: skipped (XSCHED_ROOT is not set)');
    expect(whyRuleNotJudged(finished(healthy))).toBeNull();
  });

  it('an invalid run is not judged: the matcher fails with the failed checks', () => {
    expect(failureOf(() => expect(invalid).toImproveHpP99By(0.1))).toMatch(/but run fixture-run is invalid, so it cannot be judged:\n\[workers-ok\] The lp worker of arm xsched trial 0 has no recorded outcome/);
    expect(whyRuleNotJudged(finished(invalid))).toBe('the run is invalid (see "run is valid")');
  });

  it('rejects a threshold that is not a fraction, and a subject that is not a run, quoting them', () => {
    expect(() => expect(healthy).toImproveHpP99By(50)).toThrow('toImproveHpP99By(50): expected a fraction >= 0 and < 1 (0.5 = 50%)');
    expect(failureOf(() => expect({ p99: 1 }).toMeetHpRate())).toMatch(/but expected a finished run or a run record \(schema xsched-perf.run\), received an object with keys p99/);
  });
});
