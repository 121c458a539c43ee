// Opens the synthetic run's report.html in headless Chromium once and checks that
// every plot was drawn with the data it embeds; keeps a screenshot under
// test-artifacts/ to look at. Skips locally without Chromium; fails in CI.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../perf/lib/output/report/render-html-report.ts';
import { buildRatioPlotData } from '../../../perf/lib/output/report/ratio-data.ts';
import { buildSpectrumPlotData } from '../../../perf/lib/output/report/spectrum-data.ts';
import { buildThroughputPlotData } from '../../../perf/lib/output/report/throughput-data.ts';
import { buildTimelinePlotData } from '../../../perf/lib/output/report/timeline-data.ts';
import { SYNTHETIC_GENERATED_AT } from '../../fixtures/synthetic-run/build-synthetic-runs.ts';
import { findChromium, openInChromium } from './find-chromium.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

const ARTIFACTS = new URL('../../../test-artifacts/report-browser/', import.meta.url).pathname;
const REPORT = join(ARTIFACTS, 'report.html');
const SCREENSHOT = join(ARTIFACTS, 'report.png');
const chromium = findChromium();
const MISSING = 'chromium not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';

let profile = '';
/** The page's DOM after Chromium ran its scripts, or why it could not be had. */
let opened: { dom: string } | { error: unknown } | null = null;
beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const html = renderHtmlReport({ runs: getSyntheticRuns(), generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' });
  await writeFile(REPORT, html);
  profile = await mkdtemp(join(tmpdir(), 'report-chromium-'));
  if (chromium === null) return;
  await rm(SCREENSHOT, { force: true });
  opened = await openInChromium(chromium, profile, { htmlPath: REPORT, screenshotPath: SCREENSHOT, windowSize: '1440,5200' })
    .then((dom) => ({ dom }), (error: unknown) => ({ error }));
}, 120_000);
afterAll(async () => {
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** The opened page's DOM; skips locally without Chromium, fails in CI or when Chromium failed. */
function requireOpenedDom(skip: (note: string) => never): string {
  if (opened === null) {
    if (process.env.CI) throw new Error(`${MISSING}: CI must run the browser test`);
    return skip(MISSING);
  }
  if ('error' in opened) throw opened.error;
  return opened.dom;
}

/** What each plot should show: the number of points its data holds, in document order. */
function expectedPointsInOrder(): number[] {
  return getSyntheticRuns().flatMap(({ record, evaluation, baseline }) => [
    buildRatioPlotData(evaluation, baseline)!.rows.reduce((n, r) => n + 1 + (r.trials?.points.length ?? 0), 0),
    buildSpectrumPlotData(evaluation, baseline)!.series.reduce((n, s) => n + s.points.length, 0),
    buildThroughputPlotData(evaluation, baseline)!.bars.reduce((n, b) => n + 1 + b.trialIterPerSec.length + (b.storedIterPerSec?.length ?? 0), 0),
    ...buildTimelinePlotData(record, evaluation).map((p) => p.trials[0]!.points.length),
  ]);
}

describe('report.html in headless Chromium', () => {
  it('draws every plot with all of its data', (context) => {
    const dom = requireOpenedDom(context.skip);
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

  it('takes a screenshot to look at (test-artifacts/report-browser/report.png)', async (context) => {
    requireOpenedDom(context.skip);
    const png = await readFile(SCREENSHOT);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // A blank page compresses to a few KB; a page of plots and tables does not.
    expect(png.length).toBeGreaterThan(100_000);
  });
});
