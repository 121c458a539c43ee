// Builds the trend page and summary from a history store: store -> evaluate -> output.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../documents/fs/write-file-atomic.ts';
import { TREND_METRICS, buildTrendSeries, type TrendSeries } from '../evaluate/history/trend-series.ts';
import { renderTrendHtml, renderTrendMarkdown } from '../output/history/index.ts';
import type { HistoryFilter, HistoryStore } from '../store/history/index.ts';

export const TREND_SIGNIFICANCE = 0.01;

export interface TrendOutput {
  series: TrendSeries[];
  htmlPath: string;
  markdownPath: string;
  markdown: string;
  runs: number;
  timingsMs: { query: number; analyse: number; render: number };
}

export async function writeTrendPage(store: HistoryStore, outDir: string, filter: HistoryFilter = {}, now = new Date()): Promise<TrendOutput> {
  const t0 = performance.now();
  // The other metrics' points are never drawn: not reading them halves the rows.
  const entries = await store.query({ ...filter, metrics: TREND_METRICS });
  const t1 = performance.now();
  const series = buildTrendSeries(entries, { significance: TREND_SIGNIFICANCE });
  const t2 = performance.now();
  const options = { runs: entries.length, significance: TREND_SIGNIFICANCE };
  const html = renderTrendHtml(series, { ...options, generatedAt: now.toISOString(), location: store.location });
  const markdown = renderTrendMarkdown(series, options);
  await mkdir(outDir, { recursive: true });
  const htmlPath = join(outDir, 'history.html');
  const markdownPath = join(outDir, 'history.md');
  await writeFileAtomic(htmlPath, html);
  await writeFileAtomic(markdownPath, markdown);
  const t3 = performance.now();
  return { series, htmlPath, markdownPath, markdown, runs: entries.length, timingsMs: { query: t1 - t0, analyse: t2 - t1, render: t3 - t2 } };
}
