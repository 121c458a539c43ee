// The synthetic runs' report.html at 1400 px (opened by pages-in-chromium.test.ts): every plot
// drawn with the data it embeds, where the ratio chart's trial rings landed, and a screenshot
// under test-artifacts/ to look at.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../perf/lib/output/report/render-html-report.ts';
import { buildRatioPlotData } from '../../../perf/lib/output/report/ratio-data.ts';
import { buildSpectrumPlotData } from '../../../perf/lib/output/report/spectrum-data.ts';
import { buildThroughputPlotData } from '../../../perf/lib/output/report/throughput-data.ts';
import { buildTimelinePlotData } from '../../../perf/lib/output/report/timeline-data.ts';
import { SYNTHETIC_GENERATED_AT } from '../../fixtures/synthetic-run/build-synthetic-runs.ts';
import { getSyntheticRuns } from '../report/synthetic-runs-cache.ts';
import type { OpenPage } from './open-page.ts';

const ARTIFACTS = new URL('../../../test-artifacts/report-browser/', import.meta.url).pathname;
const REPORT = join(ARTIFACTS, 'report.html');
const SCREENSHOT = join(ARTIFACTS, 'report.png');

/**
 * Runs after the report's plot script, in this test's copy only: writes onto each ratio
 * plot, as data-measured, every trial ring's box on the page and the box of its row's
 * interval whisker and of the plot. An attribute, so the screenshot stays the report's.
 */
const MEASURE_RINGS = `<script>(function () {
  function box(el) { var r = el.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom }; }
  document.querySelectorAll('[data-plot="ratio"]').forEach(function (plot) {
    var rings = [];
    plot.querySelectorAll('[data-trial-point]').forEach(function (ring) {
      var row = ring.getAttribute('data-trial-point');
      var interval = plot.querySelector('[data-interval="' + row + '"]');
      rings.push({ ring: box(ring), interval: interval ? box(interval) : null });
    });
    var svg = plot.querySelector('svg');
    plot.setAttribute('data-measured', JSON.stringify({ plot: svg ? box(svg) : null, rings: rings }));
  });
})();</script>`;

/** What each plot should show: the number of points its data holds, in document order. */
function expectedPointsInOrder(): number[] {
  return getSyntheticRuns().flatMap(({ record, evaluation, baseline }) => [
    buildRatioPlotData(evaluation, baseline)!.rows.reduce((n, r) => n + 1 + (r.trials?.points.length ?? 0), 0),
    buildSpectrumPlotData(evaluation, baseline)!.series.reduce((n, s) => n + s.points.length, 0),
    buildThroughputPlotData(evaluation, baseline)!.bars.reduce((n, b) => n + 1 + b.trialIterPerSec.length + (b.storedIterPerSec?.length ?? 0), 0),
    ...buildTimelinePlotData(record, evaluation).map((p) => p.trials[0]!.points.length),
  ]);
}

export function describeSyntheticReportPage(openPage: OpenPage): void {
  describe('report.html in headless Chromium', () => {
    const open = (skip: (note: string) => never) => openPage({ htmlPath: REPORT, widthPx: 1400, heightPx: 5200, screenshotPath: SCREENSHOT }, skip);
    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      const html = renderHtmlReport({ runs: getSyntheticRuns(), generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' });
      await writeFile(REPORT, html.replace('</body>', `${MEASURE_RINGS}</body>`));
      await rm(SCREENSHOT, { force: true });
    });

    it('draws every plot with all of its data', async (context) => {
      const dom = await open(context.skip);
      const plotTags = dom.match(/<div [^>]*data-plot="[^"]*"[^>]*>/g) ?? [];
      const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? null;
      expect(plotTags.map((t) => attr(t, 'data-plot'))).toEqual([
        'ratio', 'spectrum', 'throughput', 'timeline', 'timeline', 'timeline', 'ratio', 'spectrum', 'throughput', 'timeline', 'timeline', 'timeline',
      ]);
      expect(plotTags.map((t) => attr(t, 'data-render-error'))).toEqual(plotTags.map(() => null));
      expect(plotTags.map((t) => Number(attr(t, 'data-rendered-points')))).toEqual(expectedPointsInOrder());
      // The markup in the crashed worker's log stayed text: no element was created from it.
      expect(dom).not.toMatch(/<img[^>]*src="x"/);
      expect(dom).toContain('&lt;script&gt;window.__xss = 1;');
    });

    it('shows each trial of this run as a ring of its own, spread over the ratio chart, clear of the intervals', async (context) => {
      const dom = await open(context.skip);
      interface Box { l: number; r: number; t: number; b: number }
      const measured = [...dom.matchAll(/data-plot="ratio"[^>]*data-measured="([^"]*)"/g)].map(
        ([, json]) => JSON.parse(json!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { plot: Box; rings: Array<{ ring: Box; interval: Box | null }> },
      );
      const expected = getSyntheticRuns().map(({ evaluation, baseline }) => buildRatioPlotData(evaluation, baseline)!.rows.reduce((n, r) => n + (r.trials?.points.length ?? 0), 0));
      // intensive: 4 now / stored rows x 3 trials; dense-hp has no stored baseline, so no rings.
      expect(expected).toEqual([12, 0]);
      expect(measured.map((m) => m.rings.length)).toEqual(expected);
      const { plot, rings } = measured[0]!;
      for (const { ring, interval } of rings) {
        // A ring 7 px across (r 3.5) is drawn at that size: the chart is not shrunk at 1400 px.
        expect(ring.r - ring.l).toBeGreaterThan(6);
        expect([ring.l >= plot.l, ring.r <= plot.r, ring.t >= plot.t, ring.b <= plot.b]).toEqual([true, true, true, true]);
        // Wholly below its row's whisker (end ticks included): the interval stays uncovered.
        expect(ring.t).toBeGreaterThanOrEqual(interval!.b);
      }
      const spanX = Math.max(...rings.map((g) => g.ring.r)) - Math.min(...rings.map((g) => g.ring.l));
      const spanY = Math.max(...rings.map((g) => g.ring.b)) - Math.min(...rings.map((g) => g.ring.t));
      expect(spanX, 'rings spread across the ratio axis').toBeGreaterThan(100);
      expect(spanY, 'rings on four rows').toBeGreaterThan(100);
    });

    it('takes a screenshot to look at (test-artifacts/report-browser/report.png)', async (context) => {
      await open(context.skip);
      const png = await readFile(SCREENSHOT);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // A blank page compresses to a few KB; a page of plots and tables does not.
      expect(png.length).toBeGreaterThan(100_000);
    });
  });
}
