import { describe, expect, it } from 'vitest';
import type { BaselineFile, BaselineWorkload } from '../../../perf/lib/documents/types/baseline.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { judgeBaselineRegression, judgeRegressionValues } from '../../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { CALIBRATION_ARMS, type SyntheticRunSpec, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { baselineFromRun, verdictContextOf } from './verdict-fixture.ts';

// hp: 600 requests per trial with 5% run-to-run noise; lp: 2% run-to-run noise.
function spec(seed: number, hpScale = 1, lpScale = 1, regressionTolerance = 0.1): SyntheticRunSpec {
  return {
    seed,
    scenario: {
      durationMs: 60_000,
      trials: 3,
      thresholds: {
        hpAchievedRateMinFraction: 0.95,
        hpP99ImprovementMinFraction: 0.2,
        lpThroughputLossMaxFraction: 0.1,
        regressionP99Tolerance: regressionTolerance,
        regressionLpTolerance: regressionTolerance,
      },
    },
    arms: {
      ...CALIBRATION_ARMS,
      baseline: { hpMedianMs: 10 * hpScale, hpTrialSigma: 0.05, lpIterationMs: 50 * lpScale, lpTrialSigma: 0.02 },
      xsched: { hpMedianMs: 5 * hpScale, hpTrialSigma: 0.05, lpIterationMs: 52 * lpScale, lpTrialSigma: 0.02 },
    },
  };
}

describe('regression against the stored baseline: missing or mismatched baselines', () => {
  const record = buildSyntheticRun(spec(1));

  it('no stored baseline: one skip verdict naming the key and how to create it', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(record, null));
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ id: 'regression', status: 'skip' });
    expect(verdicts[0]!.message).toContain('No stored baseline for scenario=fixture platform=cuda gpu="Fixture GPU" arch=sm_90 sharing=time-sliced');
    expect(verdicts[0]!.recommendation).toContain('npm run perf:update-baselines');
  });

  it('a baseline stored for another GPU is not compared', () => {
    const other: BaselineFile = { ...baselineFromRun(record), key: { ...baselineFromRun(record).key, gpuName: 'AMD Instinct MI210', arch: 'gfx90a' } };
    const [verdict] = judgeBaselineRegression(verdictContextOf(record, other));
    expect(verdict!.status).toBe('skip');
    expect(verdict!.message).toContain('gfx90a');
  });

  it('a stored baseline without the xsched arm skips those verdicts, naming arms.xsched', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(record, baselineFromRun(record, ['baseline'])));
    const xsched = verdicts.filter((v) => v.id.startsWith('regression.xsched'));
    expect(xsched.map((v) => v.status)).toEqual(['skip', 'skip']);
    expect(xsched[0]!.message).toContain('no arms.xsched entry');
  });

  it('one trial on both sides: not judged, the alone arms cannot calibrate one trial; the advice asks for 2 or more', () => {
    const oneTrial = buildSyntheticRun({ ...spec(2), scenario: { ...spec(2).scenario, trials: 1 } });
    const verdicts = judgeBaselineRegression(verdictContextOf(oneTrial, baselineFromRun(oneTrial)));
    expect(verdicts.map((v) => v.status)).toEqual(['skip', 'skip', 'skip', 'skip']);
    expect(verdicts[0]!.message).toMatch(/^\[uncalibrated\] Not judged: .* but this run has 1 hp-alone trial, the stored baseline has 1 hp-alone P99 value, this run has 1 lp-alone trial, the stored baseline has 1 lp-alone throughput value\. Unjudged: /);
    // The decision itself could not decide either (no within-run noise).
    expect(verdicts[0]!.message).toContain('Unjudged: Inconclusive: baseline hp P99');
    expect(verdicts[0]!.recommendation).toMatch(/hp-alone and lp-alone arms .* at least 2 trials/);
  });

  it('one trial now against three stored: the decision is taken from the stored trials, but unjudged without calibration', () => {
    const oneTrial = buildSyntheticRun({ ...spec(2), scenario: { ...spec(2).scenario, trials: 1 } });
    const verdicts = judgeBaselineRegression(verdictContextOf(oneTrial, baselineFromRun(record)));
    expect(verdicts.map((v) => v.status)).toEqual(['skip', 'skip', 'skip', 'skip']);
    expect(verdicts[0]!.message).toMatch(/but this run has 1 hp-alone trial, this run has 1 lp-alone trial\. Unjudged: No regression: .*\(1 trials\) vs/);
  });
});

describe('regression against the stored baseline: the workload it was measured with', () => {
  const record = buildSyntheticRun(spec(6));
  const storedWith = (edit: (workload: BaselineWorkload) => void): BaselineFile => {
    const stored = baselineFromRun(record);
    edit(stored.workload!);
    return stored;
  };

  it('a baseline from 30 s windows is not compared with a 60 s run: one skip naming the field, stored -> this run', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(record, storedWith((w) => (w.durationMs = 30_000))));
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ id: 'regression', status: 'skip' });
    expect(verdicts[0]!.message).toBe(
      `Not compared: the stored baseline (run ${record.runId}) was measured with another workload: durationMs 30000 -> 60000 (stored -> this run).`,
    );
    expect(verdicts[0]!.recommendation).toBe(
      'For a comparable run with the stored workload, run with PERF_DURATION_S=30. ' +
        'Or store a baseline for this workload with npm run perf:update-baselines (it replaces the stored one).',
    );
  });

  it('another hp rate is not compared either, and every differing field is listed', () => {
    const [rateOnly] = judgeBaselineRegression(verdictContextOf(record, storedWith((w) => (w.hp.rateHz = 20))));
    expect(rateOnly).toMatchObject({ id: 'regression', status: 'skip' });
    expect(rateOnly!.message).toContain('another workload: hp.rateHz 20 -> 10 (stored -> this run)');
    expect(rateOnly!.recommendation).toContain('run with PERF_HP_RATE_HZ=20.');

    const stored = storedWith((w) => Object.assign(w, { hp: { ...w.hp, arrival: 'poisson', model: 'resnet50' }, durationMs: 30_000 }));
    const [several] = judgeBaselineRegression(verdictContextOf(record, stored));
    expect(several!.message).toContain('hp.model "resnet50" -> "resnet18", hp.arrival "poisson" -> "uniform", durationMs 30000 -> 60000');
    expect(several!.recommendation).toContain('run with PERF_HP_ARRIVAL=poisson PERF_DURATION_S=30; hp.model can only come from the scenario catalogue.');
  });

  it('the same workload is compared, with no note', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(record, baselineFromRun(record)));
    expect(verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    for (const v of verdicts) expect(v.message).not.toContain('workload');
    // Its rates are the model's, and say so: measured ones differ where trials stall (docs/statistics.md 6).
    for (const v of verdicts) expect(v.message).toMatch(/\(by its model, an unchanged configuration fails [\d.]+% of the time, a [+-]\d+(\.\d+)?% change [\d.]+%; /);
  });

  it('an older baseline without a workload is compared, each message noting the assumption', () => {
    const { workload: _dropped, ...older } = baselineFromRun(record);
    const verdicts = judgeBaselineRegression(verdictContextOf(record, older));
    expect(verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    for (const v of verdicts) {
      expect(v.message).toMatch(/^No regression: .* Note: the stored baseline does not record its workload \(an older file\), so this assumes it was measured with the same window, rates and batches\.$/);
    }
  });
});

describe('regression against the stored baseline: the XSched settings of the xsched arm', () => {
  // The synthetic run records no XSched evidence; give its xsched arm-trials the environment
  // the arm would have set, with this lp threshold.
  const withLpThreshold = (record: RunRecord, threshold: number): RunRecord => ({
    ...record,
    trials: record.trials.map((t) => {
      if (t.arm !== 'xsched') return t;
      const env = (priority: number, thresholdValue: number) => ({
        XSCHED_AUTO_XQUEUE_PRIORITY: String(priority),
        XSCHED_AUTO_XQUEUE_LEVEL: '1',
        XSCHED_AUTO_XQUEUE_THRESHOLD: String(thresholdValue),
        XSCHED_AUTO_XQUEUE_BATCH_SIZE: '1',
      });
      const evidence = { root: '/opt/xsched', policy: 'HPF', port: 50000, serverLogPath: 'x.log', xqueues: null, connectedPids: [], queueCreatedPids: [], prioritiesSet: [], globalSchedulerSeen: {} };
      return { ...t, xsched: { ...evidence, env: { hp: env(1, 16), lp: env(0, threshold) } } };
    }),
  });
  const stored = { ...baselineFromRun(buildSyntheticRun(spec(8))), xschedSettings: { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 1 }, lp: { priority: 0, threshold: 4, batchSize: 1 } } };

  it('another lp threshold: the xsched verdicts are not compared and say which setting restores the stored one; baseline still is', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(withLpThreshold(buildSyntheticRun(spec(9)), 1), stored));
    const byId = Object.fromEntries(verdicts.map((v) => [v.id, v]));
    expect(byId['regression.xsched.hp-p99']).toMatchObject({ status: 'skip', recommendation: expect.stringContaining('set PERF_XSCHED_THRESHOLD_LP=4') });
    expect(byId['regression.xsched.lp-throughput']!.message).toBe(
      `Not compared: the stored xsched arm (run ${stored.runId}) ran XSched with other settings: lp.threshold 4 -> 1 (stored -> this run).`,
    );
    expect(byId['regression.baseline.hp-p99']!.status).not.toBe('skip');
    expect(byId['regression.baseline.lp-throughput']!.status).not.toBe('skip');
  });

  it('the same settings: the xsched arm is compared', () => {
    const verdicts = judgeBaselineRegression(verdictContextOf(withLpThreshold(buildSyntheticRun(spec(9)), 4), stored));
    expect(verdicts.filter((v) => v.id.startsWith('regression.xsched')).map((v) => v.status)).not.toContain('skip');
  });
});

describe('regression against the stored baseline: statistical behaviour', () => {
  it('the same run against itself: no regression, ratio 1', () => {
    const record = buildSyntheticRun(spec(3));
    const verdicts = judgeBaselineRegression(verdictContextOf(record, baselineFromRun(record)));
    expect(verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    for (const v of verdicts) expect(v.measured.ratio).toBeCloseTo(1, 12);
  });

  it('A/A: pairs drawn from the same distribution raise a false alarm in at most ~alpha of decisions', () => {
    // Tolerance 0 is the strictest setting: any interval wholly above 1 (P99) or below 1 (lp) fails.
    // A two-sided 95% interval misses on that one side in about 2.5% of cases; alpha = 5%.
    const pairs = 60;
    let decisions = 0;
    let falseAlarms = 0;
    for (let k = 0; k < pairs; k++) {
      const stored = baselineFromRun(buildSyntheticRun(spec(1000 + 2 * k, 1, 1, 0)));
      const current = buildSyntheticRun(spec(1001 + 2 * k, 1, 1, 0));
      for (const verdict of judgeBaselineRegression(verdictContextOf(current, stored))) {
        decisions++;
        if (verdict.status === 'fail') falseAlarms++;
      }
    }
    expect(decisions).toBe(pairs * 4);
    expect(falseAlarms / decisions).toBeLessThanOrEqual(0.05);
  });

  it('an injected 50% hp slowdown is detected as a P99 regression (tolerance 10%) in nearly every pair', () => {
    const pairs = 20;
    let detected = 0;
    // The synthetic runs share one level (no between-run noise); stored with the baseline, the
    // baseline arm's default log-SD holds for both arms. At the xsched arm's recorded default
    // (quick time-sliced, between-run-noise.ts) +50% is below what 3 trials can detect.
    const quiet = { hpP99: 0.035, lpIterPerSec: 0.005 };
    for (let k = 0; k < pairs; k++) {
      const stored = { ...baselineFromRun(buildSyntheticRun(spec(3000 + 2 * k))), betweenRunLogSd: { baseline: quiet, xsched: quiet } };
      const current = buildSyntheticRun(spec(3001 + 2 * k, 1.5, 1));
      const verdicts = judgeBaselineRegression(verdictContextOf(current, stored));
      const p99 = verdicts.filter((v) => v.id.endsWith('hp-p99'));
      if (p99.every((v) => v.status === 'fail')) detected++;
      // lp was not changed: it must not be called a regression.
      expect(verdicts.filter((v) => v.id.endsWith('lp-throughput')).some((v) => v.status === 'fail')).toBe(false);
    }
    expect(detected / pairs).toBeGreaterThanOrEqual(0.9);
  });

  it('an injected 25% lp slowdown (throughput -20%) is an lp regression with its recommendation', () => {
    const stored = baselineFromRun(buildSyntheticRun(spec(5000)));
    const current = buildSyntheticRun(spec(5001, 1, 1.25));
    const lp = judgeBaselineRegression(verdictContextOf(current, stored)).filter((v) => v.id.endsWith('lp-throughput'));
    expect(lp.map((v) => v.status)).toEqual(['fail', 'fail']);
    expect(lp[0]!.message).toMatch(/^REGRESSION: baseline lp throughput/);
    expect(lp[0]!.interval!.high).toBeLessThan(0.9);
    expect(lp[0]!.recommendation).toContain('npm run perf:update-baselines');
  });
});

describe('regression against the stored baseline: hp requests that never completed', () => {
  it('a trial whose P99 falls among never-started requests (Infinity) is a regression, saying why', () => {
    const verdict = judgeRegressionValues({
      arm: 'xsched',
      metric: { name: 'hp-p99', label: 'hp P99', unit: 'ms' },
      rule: 'test rule',
      tolerance: 0.1,
      current: [22, Infinity, 23],
      stored: [22, 22.5, 23],
      betweenRun: { logSd: 0.035, source: 'test', estimateFromRuns: false },
      falseFailRate: 0.05,
    });
    expect(verdict.status).toBe('fail');
    expect(verdict.message).toContain('unbounded in 1 of 3 trial(s)');
  });
});

describe('regression against a stored baseline of several runs', () => {
  /** A test stand-in for perf:update-baselines --combine: the runs' baselines concatenated, each trial tagged with its run. */
  function combined(records: RunRecord[]): BaselineFile {
    const files = records.map((r) => baselineFromRun(r));
    const arms: BaselineFile['arms'] = {};
    files.forEach((file, run) => {
      for (const [name, arm] of Object.entries(file.arms)) {
        const into = (arms[name as keyof typeof arms] ??= { hpP99Ms: [], hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec: [], hpHistogram: null, trialRuns: [] });
        into.hpP99Ms.push(...arm!.hpP99Ms);
        into.hpP50Ms.push(...arm!.hpP50Ms);
        into.hpAchievedRateHz.push(...arm!.hpAchievedRateHz);
        into.lpIterPerSec.push(...arm!.lpIterPerSec);
        into.trialRuns!.push(...Array.from({ length: Math.max(arm!.hpP99Ms.length, arm!.lpIterPerSec.length) }, () => run));
      }
    });
    const runs = files.map((f, i) => ({ runId: f.runId, startedAt: `2026-11-30T0${i}:00:00Z`, machine: `GPU-${i}` }));
    return { ...files[0]!, runId: runs.map((r) => r.runId).join(','), runs, arms };
  }

  it('estimates the between-run noise from its runs and says so in every judged verdict', () => {
    const stored = combined([1, 2, 3, 4].map((seed) => buildSyntheticRun(spec(seed))));
    const verdicts = judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(5)), stored));
    expect(verdicts).toHaveLength(4);
    for (const v of verdicts) {
      expect(v.status).toBe('pass');
      expect(v.message).toContain('(12 trials of 4 runs)');
      expect(v.message).toContain("estimated from the baseline's 4 runs on 4 machines over 3.0 h");
      expect(v.measured.storedRuns).toBe(4);
      // hp P99 on the runs' floors (trial-floor.ts), lp throughput on their trials.
      expect(v.interval?.method).toContain(v.id.endsWith('hp-p99') ? 'floors of 3 trial P99s: this run vs 4 stored runs' : 'in 4 stored runs');
      expect(v.measured.floorOfTrials).toBe(v.id.endsWith('hp-p99') ? 3 : undefined);
    }
  });

  it('an injected 50% hp slowdown still fails', () => {
    const stored = combined([1, 2, 3, 4].map((seed) => buildSyntheticRun(spec(seed))));
    const verdicts = judgeBaselineRegression(verdictContextOf(buildSyntheticRun(spec(5, 1.5)), stored));
    expect(verdicts.find((v) => v.id === 'regression.xsched.hp-p99')?.status).toBe('fail');
    expect(verdicts.find((v) => v.id === 'regression.baseline.hp-p99')?.status).toBe('fail');
  });
});
