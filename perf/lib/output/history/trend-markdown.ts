// The trend summary as Markdown, for a CI job summary: one line per change point, then one
// row per series with its latest value.

import type { TrendSeries } from '../../evaluate/history/trend-series.ts';
import { escapeMarkdownCell, renderMarkdownTable } from '../report/markdown-escape.ts';
import { describeKey, formatMetricValue, metricLabel, shortCommit } from './metric-labels.ts';

export function renderTrendMarkdown(series: readonly TrendSeries[], options: { significance: number; runs: number }): string {
  const lines = [`## xsched-perf history: ${options.runs} runs, ${series.length} series`, ''];
  const changes = series.flatMap((s) => s.changes.map((c) => ({ s, c })));
  if (changes.length === 0) lines.push(`No change points (E-divisive means; t-test at ${options.significance} corrected for windows and splits, permutation test at p < ${options.significance}).`);
  for (const { s, c } of changes) {
    const verb = c.relativeChange >= 0 ? 'rose' : 'fell';
    lines.push(
      `- ${s.arm} ${metricLabel(s.metric)} ${verb} ${Math.abs(c.relativeChange * 100).toFixed(0)}% at ${shortCommit(c.commit)}, confirmed by ${c.confirmedBy} later run${c.confirmedBy === 1 ? '' : 's'} ` +
        `(${formatMetricValue(s.metric, c.meanBefore)} -> ${formatMetricValue(s.metric, c.meanAfter)}; ${escapeMarkdownCell(describeKey(s.key))}; p = ${c.pValue.toFixed(3)}; run ${c.runId})`,
    );
  }
  lines.push('');
  const rows = series.map((s) => {
    const last = s.points[s.points.length - 1]!;
    return [describeKey(s.key), s.arm, metricLabel(s.metric), String(s.points.length), formatMetricValue(s.metric, last.value), shortCommit(last.commit), String(s.changes.length)];
  });
  lines.push(renderMarkdownTable(['key', 'arm', 'metric', 'runs', 'latest', 'at', 'change points'], rows));
  return `${lines.join('\n')}\n`;
}
