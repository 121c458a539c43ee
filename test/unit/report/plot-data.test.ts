import { describe, expect, it } from 'vitest';
import { buildSpectrumPlotData } from '../../../perf/lib/output/report/spectrum-data.ts';
import { buildThroughputPlotData } from '../../../perf/lib/output/report/throughput-data.ts';
import { buildTimelinePlotData, MAX_SCATTER_POINTS_PER_ARM } from '../../../perf/lib/output/report/timeline-data.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

describe('plot data from the synthetic run', () => {
  it('timeline: every hp request when few, at most 5000 per arm-trial when many, y axis shared per trial', () => {
    const [intensive, dense] = getSyntheticRuns();
    const sparse = buildTimelinePlotData(intensive!.record, intensive!.evaluation);
    // hp arms only: hp-alone, baseline, xsched (lp-alone has no hp, stream-priority was skipped).
    expect(sparse.map((p) => p.arm)).toEqual(['hp-alone', 'baseline', 'xsched']);
    const first = sparse[0]!.trials[0]!;
    expect(first.windowSec).toBe(30);
    expect(first.totalRequests).toBe(600); // 20 req/s x 30 s
    expect(first.points).toHaveLength(600);
    const yMax = new Set(sparse.map((p) => p.trials[0]!.yMaxMs));
    expect(yMax.size).toBe(1);

    const many = buildTimelinePlotData(dense!.record, dense!.evaluation);
    const denseTrial = many[0]!.trials[0]!;
    expect(denseTrial.totalRequests).toBe(6000); // 200 req/s x 30 s
    expect(denseTrial.points.length).toBeLessThanOrEqual(MAX_SCATTER_POINTS_PER_ARM);
    expect(denseTrial.points.length).toBeGreaterThan(MAX_SCATTER_POINTS_PER_ARM * 0.9);
  });

  it('timeline: few lp iterations become bands, many become a binned rate', () => {
    const [intensive, dense] = getSyntheticRuns();
    const baselineIntensive = buildTimelinePlotData(intensive!.record, intensive!.evaluation).find((p) => p.arm === 'baseline')!;
    const lpFew = baselineIntensive.trials[0]!.lp!;
    expect(lpFew.bands).toHaveLength(lpFew.iterations); // about 30 s / 136 ms = ~220
    expect(lpFew.rate).toBeNull();
    const baselineDense = buildTimelinePlotData(dense!.record, dense!.evaluation).find((p) => p.arm === 'baseline')!;
    const lpMany = baselineDense.trials[0]!.lp!;
    expect(lpMany.bands).toBeNull();
    expect(lpMany.rate!.iterPerSec).toHaveLength(200);
    // The binned rate averages to the iterations finished in the window / window.
    const meanRate = lpMany.rate!.iterPerSec.reduce((s, v) => s + v, 0) / 200;
    expect(meanRate / ((lpMany.iterations - 1) / 30)).toBeCloseTo(1, 1);
    // The crashed lp worker of baseline trial 2 leaves no lp marks there.
    expect(baselineDense.trials[1]!.lp).toBeNull();
  });

  it('spectrum: one line per hp arm plus a dashed stored-baseline line where the baseline has a histogram', () => {
    const [intensive, dense] = getSyntheticRuns();
    const withStored = buildSpectrumPlotData(intensive!.evaluation, intensive!.baseline)!;
    expect(withStored.series.map((s) => [s.label, s.dashed])).toEqual([
      ['hp-alone', false], ['hp-alone, stored baseline', true], ['baseline', false], ['baseline, stored baseline', true],
      ['xsched', false], ['xsched, stored baseline', true],
    ]);
    expect(buildSpectrumPlotData(dense!.evaluation, null)!.series.every((s) => !s.dashed)).toBe(true);
  });

  it('spectrum: each measured line carries its trials\' own exact percentiles, the stored lines none', () => {
    const [intensive] = getSyntheticRuns();
    const data = buildSpectrumPlotData(intensive!.evaluation, intensive!.baseline)!;
    const xsched = intensive!.evaluation.arms.find((a) => a.arm === 'xsched')!;
    const line = data.series.find((s) => s.label === 'xsched')!;
    expect(line.trials!.map((t) => t.trial)).toEqual(xsched.trials.filter((t) => t.hp && t.hp.completed > 0).map((t) => t.trial));
    const first = xsched.trials[0]!.hp!;
    expect(line.trials![0]!.points.find(([p]) => p === 99)).toEqual([99, first.latencyMs.p99]);
    // A percentile the trial's requests cannot resolve (P99.9 needs 1000) is left out.
    expect(line.trials![0]!.points.some(([p]) => p === 99.9)).toBe(first.completed >= 1000);
    expect(data.series.filter((s) => s.dashed).every((s) => s.trials === undefined)).toBe(true);
  });

  it('throughput: mean bar, trial points and stored trials per lp arm', () => {
    const [intensive] = getSyntheticRuns();
    const data = buildThroughputPlotData(intensive!.evaluation, intensive!.baseline)!;
    expect(data.bars.map((b) => b.arm)).toEqual(['lp-alone', 'baseline', 'xsched']);
    const xsched = data.bars.find((b) => b.arm === 'xsched')!;
    expect(xsched.trialIterPerSec).toHaveLength(3);
    expect(xsched.storedIterPerSec).toHaveLength(3);
    const mean = xsched.trialIterPerSec.reduce((s, v) => s + v, 0) / 3;
    expect(xsched.meanIterPerSec).toBeCloseTo(mean, 9);
  });
});
