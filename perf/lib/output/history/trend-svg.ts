// One trend series as inline SVG: values in commit order as a line, each run's interval as a
// band, the threshold as a dashed line, change points as vertical markers. Drawn here, not in
// the browser, so the page needs no script and no network (like report.html's plots).

import type { TrendSeries } from '../../evaluate/history/trend-series.ts';
import { escapeHtml } from '../report/html-escape.ts';
import { formatMetricValue, shortCommit } from './metric-labels.ts';

const WIDTH = 900;
const HEIGHT = 220;
const PAD = { left: 84, right: 12, top: 12, bottom: 28 };
/** Above this many runs the per-run dots (with their hover text) are left out to keep the page small. */
const MAX_DOTS = 400;

export function renderTrendSvg(series: TrendSeries): string {
  const { points } = series;
  const ys = points.flatMap((p) => [p.value, p.low ?? p.value, p.high ?? p.value, ...(p.threshold === null ? [] : [p.threshold])]);
  let min = Math.min(...ys);
  let max = Math.max(...ys);
  if (max - min < 1e-12) [min, max] = [min - Math.abs(min) * 0.05 - 1e-9, max + Math.abs(max) * 0.05 + 1e-9];
  const span = max - min;
  min -= span * 0.05;
  max += span * 0.05;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * plotH;
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  const band = points.filter((p) => p.low !== null && p.high !== null);
  if (band.length === points.length && points.length > 1) {
    const upper = points.map((p, i) => `${f(x(i))},${f(y(p.high!))}`);
    const lower = points.map((p, i) => `${f(x(i))},${f(y(p.low!))}`).reverse();
    parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="#4c78a8" fill-opacity="0.18" stroke="none"/>`);
  }
  const threshold = points.find((p) => p.threshold !== null)?.threshold ?? null;
  if (threshold !== null) parts.push(`<line class="threshold" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${f(y(threshold))}" y2="${f(y(threshold))}" stroke="#c62832" stroke-dasharray="6 4"/>`);
  parts.push(`<polyline class="series" fill="none" stroke="#1d4f91" stroke-width="1.5" points="${points.map((p, i) => `${f(x(i))},${f(y(p.value))}`).join(' ')}"/>`);
  if (points.length <= MAX_DOTS) {
    points.forEach((p, i) => {
      const interval = p.low !== null && p.high !== null ? ` [${formatMetricValue(series.metric, p.low)}, ${formatMetricValue(series.metric, p.high)}]` : '';
      parts.push(`<circle class="run" cx="${f(x(i))}" cy="${f(y(p.value))}" r="3" fill="#1d4f91"><title>${escapeHtml(`${shortCommit(p.commit)} ${p.runId}: ${formatMetricValue(series.metric, p.value)}${interval}`)}</title></circle>`);
    });
  }
  for (const c of series.changes) {
    const cx = f(x(c.index - 0.5));
    parts.push(`<line class="change" x1="${cx}" x2="${cx}" y1="${PAD.top}" y2="${HEIGHT - PAD.bottom}" stroke="#a36b00" stroke-width="2"><title>${escapeHtml(`change at ${shortCommit(c.commit)}: ${(c.relativeChange * 100).toFixed(1)}%, p = ${c.pValue.toFixed(3)}`)}</title></line>`);
  }
  const axis = [
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${HEIGHT - PAD.bottom}" stroke="#5b6673"/>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end" font-size="11">${escapeHtml(formatMetricValue(series.metric, max))}</text>`,
    `<text x="${PAD.left - 6}" y="${HEIGHT - PAD.bottom}" text-anchor="end" font-size="11">${escapeHtml(formatMetricValue(series.metric, min))}</text>`,
    `<text x="${PAD.left}" y="${HEIGHT - 8}" font-size="11">${escapeHtml(shortCommit(points[0]!.commit))}</text>`,
    `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end" font-size="11">${escapeHtml(`${shortCommit(points[points.length - 1]!.commit)} (${points.length} runs, commit order)`)}</text>`,
  ];
  return `<svg class="trend-plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg">${axis.join('')}${parts.join('')}</svg>`;
}
