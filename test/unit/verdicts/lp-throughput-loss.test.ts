import { describe, expect, it } from 'vitest';
import { recommendMoreData } from '../../../perf/lib/evaluate/verdicts/decide.ts';
import { judgeLpThroughputLoss } from '../../../perf/lib/evaluate/verdicts/lp-throughput-loss.ts';
import { assembleBaseline } from '../../../perf/lib/store/baselines/from-runs.ts';
import { type ArmBehaviour, CALIBRATION_ARMS, buildSyntheticRun } from '../evaluate/fixtures/synthetic-run.ts';
import { baselineFromRun, verdictContextOf } from './verdict-fixture.ts';

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

  describe('with a stored baseline that can judge the run: the spread is pooled with its paired trials', () => {
    // Loss about 4.8% with 2% trial-to-trial noise per arm: 3 trials alone leave 2 degrees of freedom (t 4.30).
    const run = (seed: number, durationMs = 60_000) =>
      buildSyntheticRun({ seed, scenario: { durationMs, trials: 3 }, arms: { ...CALIBRATION_ARMS, baseline: { lpIterationMs: 50, lpTrialSigma: 0.02 }, xsched: { lpIterationMs: 52.5, lpTrialSigma: 0.02 } } });

    it('a run undecided on its own spread is decided with 4 degrees of freedom; the centre stays its own', () => {
      const record = run(7);
      const alone = judgeLpThroughputLoss(verdictContextOf(record));
      // Every synthetic run is called fixture-run: the stored one is renamed, as the run judged is never pooled with itself.
      const stored = { ...baselineFromRun(run(8)), runId: 'stored-run' };
      const pooled = judgeLpThroughputLoss(verdictContextOf(record, stored));
      expect(alone.status).toBe('inconclusive');
      expect(pooled.status).toBe('pass');
      expect(pooled.measured.lossFraction).toBe(alone.measured.lossFraction);
      expect([alone.measured.pooledStoredTrials, pooled.measured.pooledStoredTrials]).toEqual([undefined, 3]);
      expect(pooled.interval!.method).toBe(`paired t over 3 trial log-ratios, spread pooled with the 3 paired trials of the stored baseline (run ${stored.runId}) (4 degrees of freedom)`);
      expect(pooled.message).toContain('spread pooled');
    });

    it('not pooled with a baseline of another workload (it cannot judge the run)', () => {
      const record = run(7);
      const verdict = judgeLpThroughputLoss(verdictContextOf(record, baselineFromRun(run(8, 30_000))));
      expect(verdict.interval!.method).toBe('paired t over 3 trial log-ratios');
    });

    it('not pooled when the alone arms moved against the stored ones (the machine changed)', () => {
      const arms = (hpAloneMs: number) => ({
        'hp-alone': { hpMedianMs: hpAloneMs, hpSigma: 0.05 },
        'lp-alone': { lpIterationMs: 45 },
        baseline: { lpIterationMs: 50, lpTrialSigma: 0.02 },
        xsched: { lpIterationMs: 52.5, lpTrialSigma: 0.02 },
      });
      const record = buildSyntheticRun({ seed: 7, scenario: { durationMs: 60_000, trials: 3 }, arms: arms(2) });
      const stored = baselineFromRun(buildSyntheticRun({ seed: 8, scenario: { durationMs: 60_000, trials: 3 }, arms: arms(4) }), ['hp-alone', 'lp-alone', 'baseline', 'xsched']);
      const verdict = judgeLpThroughputLoss(verdictContextOf(record, stored));
      expect(verdict.interval!.method).toBe('paired t over 3 trial log-ratios');
    });
  });

  describe('with a stored baseline of several runs: each stored run around its own mean', () => {
    // XSched's lp cost differs from machine to machine (docs/statistics.md 3.3: 4.6% to 14% on
    // quick); within a run the trials spread about 1%. The synthetic runs name GPU-fixture-0.
    const run = (seed: number, xschedIterationMs: number) =>
      buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials: 3 }, arms: { ...CALIBRATION_ARMS, baseline: { lpIterationMs: 50, lpTrialSigma: 0.01 }, xsched: { lpIterationMs: xschedIterationMs, lpTrialSigma: 0.01 } } });
    const stored = (machines: Array<[machine: string, xschedIterationMs: number]>) =>
      assembleBaseline(
        baselineFromRun(run(100, 52.5)),
        machines.map(([machine, ms], i) => ({ run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20) + i * 3.6e6).toISOString(), machine }, arms: baselineFromRun(run(100 + i, ms)).arms })),
      );
    const record = run(7, 52.5);

    it('the runs\' levels are not trial noise: 2 + 3 x 2 degrees of freedom, about the same interval whatever loss each stored run had', () => {
      const verdict = judgeLpThroughputLoss(verdictContextOf(record, stored([['GPU-a', 52.5], ['GPU-b', 56], ['GPU-c', 59]])));
      expect(verdict.status).toBe('pass');
      expect(verdict.measured.pooledStoredTrials).toBe(9);
      expect(verdict.interval!.method).toMatch(/spread pooled with the 9 paired trials of the stored baseline \(3 runs \(run-0 \.\. run-2\) on 3 machines\), each of its 3 runs around its own mean \(8 degrees of freedom\)$/);
      // The same seeds give nearly the same trial-to-trial noise: only the stored runs' levels differ.
      // Around one mean, levels 12% apart (ln(59 / 52.5)) would widen it several times over.
      const alike = judgeLpThroughputLoss(verdictContextOf(record, stored([['GPU-a', 52.5], ['GPU-b', 52.5], ['GPU-c', 52.5]])));
      const width = (v: typeof verdict) => v.interval!.high - v.interval!.low;
      expect(Math.abs(width(verdict) - width(alike))).toBeLessThan(0.1 * width(alike));
    });

    it('leaves out a stored run whose arms kept different numbers of values (the pairs could be shifted) and the run being judged', () => {
      const withHp = (seed: number, xschedIterationMs: number) =>
        buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials: 3 }, arms: { ...CALIBRATION_ARMS, baseline: { hpMedianMs: 10, lpIterationMs: 50, lpTrialSigma: 0.01 }, xsched: { hpMedianMs: 5, lpIterationMs: xschedIterationMs, lpTrialSigma: 0.01 } } });
      const baseline = assembleBaseline(
        baselineFromRun(withHp(100, 52.5)),
        [52.5, 56, 59].map((ms, i) => ({ run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20) + i * 3.6e6).toISOString(), machine: `GPU-${i}` }, arms: baselineFromRun(withHp(100 + i, ms)).arms })),
      );
      const xsched = baseline.arms.xsched!;
      // Run 2 lost its last trial's hp P99 in the xsched arm (2 hp values, 3 lp); run 1 is named as the run judged.
      const judged = withHp(7, 52.5);
      const lostHp = { ...baseline, runs: baseline.runs!.map((r, i) => (i === 1 ? { ...r, runId: judged.runId } : r)), arms: { ...baseline.arms, xsched: { ...xsched, hpP99Ms: xsched.hpP99Ms.slice(0, -1) } } };
      expect(judgeLpThroughputLoss(verdictContextOf(judged, baseline)).measured.pooledStoredTrials).toBe(9);
      expect(judgeLpThroughputLoss(verdictContextOf(judged, lostHp)).measured.pooledStoredTrials).toBe(3);
    });

    it("the drift check compares with the same runs: hp-alone at its own machine's level, half the other machines', still pools", () => {
      const withAlone = (seed: number, hpAloneMs: number) =>
        buildSyntheticRun({ seed, scenario: { durationMs: 60_000, trials: 3 }, arms: { ...CALIBRATION_ARMS, 'hp-alone': { hpMedianMs: hpAloneMs, hpSigma: 0.05 }, baseline: { lpIterationMs: 50, lpTrialSigma: 0.01 }, xsched: { lpIterationMs: 52.5, lpTrialSigma: 0.01 } } });
      const arms = ['hp-alone', 'lp-alone', 'baseline', 'xsched'] as const;
      const machines: Array<[string, number]> = [...Array.from({ length: 6 }, (): [string, number] => ['GPU-fixture-0', 2]), ...Array.from({ length: 12 }, (_, i): [string, number] => [i % 2 === 0 ? 'GPU-b' : 'GPU-c', 4])];
      const baseline = assembleBaseline(
        baselineFromRun(withAlone(100, 2), [...arms]),
        machines.map(([machine, hpAloneMs], i) => ({ run: { runId: `run-${i}`, startedAt: new Date(Date.UTC(2026, 10, 20) + i * 3.6e6).toISOString(), machine }, arms: baselineFromRun(withAlone(100 + i, hpAloneMs), [...arms]).arms })),
      );
      // Against all 18 runs hp-alone reads about x0.63: the machine would look changed and nothing be pooled.
      const verdict = judgeLpThroughputLoss(verdictContextOf(withAlone(7, 2), baseline));
      expect(verdict.interval!.method).toMatch(/this machine's own 6 of the stored baseline's 18 runs \(GPU-fixture-0\)/);
    });

    it('undecided: the advice counts the degrees of freedom the stored runs lend (3 runs of 3 trials: 6)', () => {
      const nearThreshold = run(7, 50 / 0.9);
      const verdict = judgeLpThroughputLoss(verdictContextOf(nearThreshold, stored([['GPU-a', 52.5], ['GPU-b', 56], ['GPU-c', 59]])));
      expect(verdict.status).toBe('inconclusive');
      const advice = (extraDegreesOfFreedom: number) =>
        recommendMoreData({ estimate: verdict.measured.lossFraction!, low: verdict.interval!.low, high: verdict.interval!.high, threshold: 0.1, trials: 3, confidence: 0.95, extraDegreesOfFreedom, direction: 'at-most' });
      expect(verdict.recommendation).toBe(advice(6));
      expect([advice(0), advice(9)]).not.toContain(advice(6));
    });

    it('on a machine with 6 or more runs in it, pooled with that machine\'s runs alone, as the regression verdicts judge', () => {
      const mine: Array<[string, number]> = Array.from({ length: 6 }, () => ['GPU-fixture-0', 52.5]);
      const verdict = judgeLpThroughputLoss(verdictContextOf(record, stored([...mine, ['GPU-b', 56], ['GPU-c', 59]])));
      expect(verdict.measured.pooledStoredTrials).toBe(18);
      expect(verdict.interval!.method).toMatch(/the 18 paired trials of this machine's own 6 of the stored baseline's 8 runs \(GPU-fixture-0\), each of its 6 runs around its own mean \(14 degrees of freedom\)$/);
    });
  });

  it('one trial: falls back to the within-trial interval and says run-to-run noise is not measured', () => {
    const verdict = judge({ lpIterationMs: 50 }, { lpIterationMs: 52.5 }, 1, 1);
    expect(verdict.interval!.method).toMatch(/run-to-run noise not measured/);
  });
});
