// The trend page: a self-contained HTML file (inline CSS and SVG, no script, no CDN), one
// card per scenario x hardware key x arm x metric, like report.html's scenario cards.

import type { TrendSeries } from '../../evaluate/history/trend-series.ts';
import { escapeHtml } from '../report/html-escape.ts';
import { REPORT_CSS } from '../report/html-styles.ts';
import { describeKey, formatMetricValue, metricLabel, shortCommit } from './metric-labels.ts';
import { renderTrendSvg } from './trend-svg.ts';

function renderCard(series: TrendSeries): string {
  const changes = series.changes.map(
    (c) =>
      `<li>${escapeHtml(`${c.relativeChange >= 0 ? 'rose' : 'fell'} ${Math.abs(c.relativeChange * 100).toFixed(1)}% at ${shortCommit(c.commit)} (run ${c.runId}): ${formatMetricValue(series.metric, c.meanBefore)} -> ${formatMetricValue(series.metric, c.meanAfter)}, confirmed by ${c.confirmedBy} later runs, p = ${c.pValue.toFixed(3)}`)}</li>`,
  );
  return `<section class="scenario trend" data-metric="${escapeHtml(series.metric)}" data-arm="${escapeHtml(series.arm)}">
<h3>${escapeHtml(`${series.arm} ${metricLabel(series.metric)}`)} <span class="muted">${escapeHtml(describeKey(series.key))}</span></h3>
${renderTrendSvg(series)}
<p class="note">Line: each accepted run's value; band: its interval; dashed red: the threshold; amber: change points.</p>
${changes.length > 0 ? `<ul class="changes">${changes.join('')}</ul>` : '<p class="note">No change point.</p>'}
</section>`;
}

export function renderTrendHtml(series: readonly TrendSeries[], options: { generatedAt: string; location: string; runs: number; significance: number }): string {
  const body = series.length > 0 ? series.map(renderCard).join('\n') : '<p>No accepted runs in the history store yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xsched-perf history</title><style>${REPORT_CSS}</style></head>
<body><main>
<div class="page-head"><div><h1>xsched-perf history</h1>
<div class="meta">${escapeHtml(`${options.runs} runs from ${options.location}; generated ${options.generatedAt}; change points: E-divisive means, t-test at ${options.significance} corrected for windows and splits (Bonferroni) and seeded permutation test at p < ${options.significance} (docs/history.md)`)}</div></div></div>
${body}
</main></body></html>
`;
}
