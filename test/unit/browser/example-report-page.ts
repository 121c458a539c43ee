// The committed example (examples/h200-intensive-mps/) as a reader sees it: its report at
// 1400 px (opened by pages-in-chromium.test.ts). Asserts the headline text, that every plot's
// marks spread over the plot (not a flat line at 0), and that no table is wider than the
// page. A small measuring script, added to this test's copy of the report only, writes the
// layout into the DOM the test reads.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord, ScenarioEvaluation } from '../../../perf/lib/documents/types/index.ts';
import { renderHtmlReport } from '../../../perf/lib/output/report/render-html-report.ts';
import type { OpenPage } from './open-page.ts';

const EXAMPLE = new URL('../../../examples/h200-intensive-mps/', import.meta.url);
const ARTIFACTS = new URL('../../../test-artifacts/example-report-browser/', import.meta.url).pathname;
const REPORT = join(ARTIFACTS, 'report.html');
const WIDTH_PX = 1400;

/** Runs after the report's own plot script: the union box of each plot's marks, and tables wider than their box. */
const MEASURE = `<script>(function () {
  var out = { plots: [], overflowing: [], pageWidth: document.documentElement.scrollWidth };
  document.querySelectorAll('[data-plot]').forEach(function (el) {
    var marks = el.querySelectorAll('[data-series="measured"], [data-series="requests"], [data-point]');
    var box = null;
    marks.forEach(function (m) {
      var r = m.getBoundingClientRect();
      box = box ? { l: Math.min(box.l, r.left), r: Math.max(box.r, r.right), t: Math.min(box.t, r.top), b: Math.max(box.b, r.bottom) } : { l: r.left, r: r.right, t: r.top, b: r.bottom };
    });
    var lineHeights = [];
    el.querySelectorAll('[data-series="measured"]').forEach(function (m) { lineHeights.push(m.getBoundingClientRect().height); });
    out.plots.push({ id: el.id, kind: el.getAttribute('data-plot'), marks: marks.length, width: box ? box.r - box.l : 0, height: box ? box.b - box.t : 0, lineHeights: lineHeights });
  });
  document.querySelectorAll('table').forEach(function (t) {
    var holder = t.parentElement;
    if (t.scrollWidth > holder.clientWidth + 1) out.overflowing.push((t.className || 'table') + ' ' + t.scrollWidth + '>' + holder.clientWidth);
  });
  var pre = document.createElement('pre');
  pre.id = 'layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();</script>`;

interface Layout {
  plots: Array<{ id: string; kind: string; marks: number; width: number; height: number; lineHeights: number[] }>;
  overflowing: string[];
  pageWidth: number;
}

/** The DOM as laid out, and the measuring script's layout read back from it. */
function readLayout(dom: string): { dom: string; layout: Layout } {
  const json = dom.match(/<pre id="layout">([^<]*)<\/pre>/)?.[1];
  expect(json, 'the measuring script ran').toBeDefined();
  return { dom, layout: JSON.parse(json!.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')) as Layout };
}

export function describeExampleReportPage(openPage: OpenPage): void {
  describe('the example report in headless Chromium at 1400 px', () => {
    let html = '';
    const openAt1400 = async (skip: (note: string) => never) => readLayout(await openPage({ htmlPath: REPORT, widthPx: WIDTH_PX, heightPx: 2000 }, skip));
    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      const record = JSON.parse(await readFile(new URL('run.json', EXAMPLE), 'utf8')) as RunRecord;
      const evaluation = JSON.parse(await readFile(new URL('evaluation.json', EXAMPLE), 'utf8')) as ScenarioEvaluation;
      html = renderHtmlReport({ runs: [{ record, evaluation, baseline: null }], generatedAt: record.createdAt, suiteVersion: record.suiteVersion });
      await writeFile(REPORT, html.replace('</body>', `${MEASURE}</body>`));
    });

    it('opens with the headline: the effect with its interval, the lp cost, hp alone, no stored baseline', { timeout: 120_000 }, async (context) => {
      const { dom } = await openAt1400(context.skip);
      expect(dom).toContain('<dt>effect</dt><dd>hp P99 (trials pooled) 22.5 ms (xsched) vs 54.7 ms (baseline arm): -58.9%, 95% interval -63.2% to -53.3% [pass]</dd>');
      expect(dom).toContain('<dt>lp cost</dt><dd>lp loss vs baseline arm 1.1%, 95% interval 0.9% to 1.2%');
      expect(dom).toContain('<dt>hp alone</dt><dd>hp P99 (trials pooled) 0.49 ms over 1800 requests</dd>');
      expect(dom).toContain('<dt>stored baseline</dt><dd>none for this scenario and hardware');
    });

    it('draws every plot with marks spread in both axes, on a log latency axis, and fits tables in the page', { timeout: 120_000 }, async (context) => {
      const { layout } = await openAt1400(context.skip);
      expect(layout.plots.map((p) => p.kind)).toEqual(['ratio', 'spectrum', 'throughput', 'timeline', 'timeline', 'timeline']);
      for (const plot of layout.plots) {
        expect(plot.marks, `${plot.id} has marks`).toBeGreaterThan(0);
        // hp alone at 0.5 ms and the baseline at 55 ms: on a linear axis hp alone would be a flat line at 0.
        expect(plot.width, `${plot.id} marks span in x`).toBeGreaterThan(40);
        expect(plot.height, `${plot.id} marks span in y`).toBeGreaterThan(plot.kind === 'timeline' ? 5 : 20);
      }
      const spectrum = layout.plots.find((p) => p.kind === 'spectrum')!;
      expect(spectrum.height).toBeGreaterThan(150);
      // Each arm's own line rises visibly: hp alone (0.43 to 0.52 ms) is under 1 px tall on a linear 0-100 ms axis.
      expect(spectrum.lineHeights).toHaveLength(3);
      for (const height of spectrum.lineHeights) expect(height).toBeGreaterThan(4);
      expect(html).toMatch(/<input type="checkbox" data-log-y-group="s0-log" checked>/);
      expect(layout.overflowing).toEqual([]);
      expect(layout.pageWidth).toBeLessThanOrEqual(WIDTH_PX);
    });
  });
}
