import { describe, expect, it } from 'vitest';
import { buildTrendSeries } from '../../../perf/lib/evaluate/history/trend-series.ts';
import { renderTrendHtml, renderTrendMarkdown } from '../../../perf/lib/output/history/index.ts';
import { baselineFromEntries, parseBaselineFrom } from '../../../perf/lib/store/history/baseline-from-history.ts';
import { join } from 'node:path';
import { openHistoryStore } from '../../../perf/lib/store/history/open-history-store.ts';
import { readRunBaseline } from '../../../perf/lib/store/history/read-run-baseline.ts';
import { SYNTHETIC_KEY, syntheticEntry } from '../../fixtures/history/synthetic-entries.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

// xsched hp P99 1.00 ms for 10 runs, then 1.18 ms for 5: a rise of 18% at run 10.
const entries = Array.from({ length: 15 }, (_, index) => {
  const p99 = (index >= 10 ? 1.18 : 1.0) * (1 + ((index * 7) % 5) * 0.004);
  return syntheticEntry({ index, arms: { baseline: { hpP99Ms: [2.7, 2.7, 2.7], lpIterPerSec: [300, 300, 300] }, xsched: { hpP99Ms: [p99, p99, p99], lpIterPerSec: [286, 286, 286] } } });
});

describe('trend series and summaries', () => {
  it('finds the rise at the right commit and says how many later runs confirm it', () => {
    const series = buildTrendSeries(entries);
    const xsched = series.find((s) => s.arm === 'xsched' && s.metric === 'hpP99Ms')!;
    expect(xsched.points.map((p) => p.commit)).toEqual(entries.map((e) => e.run.commit));
    expect(xsched.changes).toHaveLength(1);
    expect(xsched.changes[0]).toMatchObject({ index: 10, commit: 'c0000010', confirmedBy: 4 });
    expect(xsched.changes[0]!.relativeChange).toBeCloseTo(0.18, 2);
    expect(series.find((s) => s.arm === 'baseline' && s.metric === 'hpP99Ms')!.changes).toEqual([]);
    const markdown = renderTrendMarkdown(series, { significance: 0.01, runs: entries.length });
    expect(markdown).toMatch(/- xsched hp P99 rose 18% at c000001, confirmed by 4 later runs/);
    const html = renderTrendHtml(series, { generatedAt: 'now', location: 'x', runs: 15, significance: 0.01 });
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
    expect(html.match(/<svg class="trend-plot"/g)).toHaveLength(series.length);
  });

  it('leaves invalid runs out of the series', () => {
    const withInvalid = [...entries, syntheticEntry({ index: 20, status: 'invalid' })];
    const series = buildTrendSeries(withInvalid);
    expect(series.every((s) => s.points.length === 15)).toBe(true);
  });
});

describe('baselines from history', () => {
  it('concatenates the per-trial values of the runs, per arm', () => {
    const baseline = baselineFromEntries(SYNTHETIC_KEY, entries.slice(-3));
    expect(baseline?.arms.xsched?.hpP99Ms).toHaveLength(9);
    expect(baseline?.runId).toBe(`history:${entries.slice(-3).map((e) => e.run.runId).join(',')}`);
    expect(baseline).toMatchObject({ schema: 'xsched-perf.baseline', schemaVersion: 1, key: SYNTHETIC_KEY, thresholds: {} });
    expect(baselineFromEntries(SYNTHETIC_KEY, [])).toBeNull();
  });

  it('reads PERF_BASELINE_FROM, quoting a bad value', () => {
    expect(parseBaselineFrom(undefined)).toEqual({ from: 'file' });
    expect(parseBaselineFrom('history:5')).toEqual({ from: 'history', runs: 5 });
    expect(() => parseBaselineFrom('history:1')).toThrow(/PERF_BASELINE_FROM="history:1": use "file" or history:K/);
  });

  it('is what a run is judged against under PERF_BASELINE_FROM=history:K: main-branch accepted runs only', async () => {
    const dir = makeTempDir('history-baseline-');
    const file = join(dir, 'h.sqlite');
    const store = await openHistoryStore({ backend: 'sqlite', file });
    await store.record([...entries.slice(0, 4), syntheticEntry({ index: 30, branch: 'feature' }), syntheticEntry({ index: 31, status: 'invalid' })]);
    await store.close();
    const env = { PERF_BASELINE_FROM: 'history:3', PERF_HISTORY_URL: `sqlite:${file}` };
    const baseline = await readRunBaseline({ baselinesDir: join(dir, 'none'), resultsDir: dir }, SYNTHETIC_KEY, env);
    expect(baseline?.runId).toBe(`history:${entries.slice(1, 4).map((e) => e.run.runId).join(',')}`);
    expect(baseline?.arms.baseline?.lpIterPerSec).toHaveLength(9);
    expect(await readRunBaseline({ baselinesDir: join(dir, 'none'), resultsDir: dir }, SYNTHETIC_KEY, {})).toBeNull();
  });
});
