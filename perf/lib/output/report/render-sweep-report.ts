// report.html of a sweep: outcome, the frontier plot (inline SVG), the points table and the
// budget verdicts, in the report's own styles (html-styles.ts).

import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { escapeHtml } from './html-escape.ts';
import { REPORT_CSS } from './html-styles.ts';
import { renderFrontierSvg } from './sweep-frontier-svg.ts';
import { SWEEP_HEADERS, sweepRegressionLines, sweepRows, sweepVerdictLines } from './sweep-tables.ts';

export function renderSweepReport(title: string, evaluation: SweepEvaluation, notes: readonly string[]): string {
  const svg = renderFrontierSvg(evaluation) ?? '<p>No point counts (all unproven or without data): nothing to plot.</p>';
  const head = `<tr>${SWEEP_HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const [regressionHeading, ...regressionLines] = sweepRegressionLines(evaluation);
  const regression = regressionHeading === undefined ? '' : `<h2>${escapeHtml(regressionHeading)}</h2>\n<ul>${regressionLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n`;
  const rows = sweepRows(evaluation).map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${escapeHtml(title)}: ${escapeHtml(evaluation.decision.status.toUpperCase())}</h1>
<p>${escapeHtml(evaluation.decision.reason)}</p>
<h2>Frontier: hp P99 against lp loss</h2>
<figure>${svg}<figcaption>Whiskers: ${escapeHtml('intervals of both quantities')}; hollow: dominated with confidence; line: the frontier; dashed: hp alone.</figcaption></figure>
<h2>Points</h2>
<table>${head}
${rows}</table>
<h2>Budget verdicts</h2>
<ul>${sweepVerdictLines(evaluation).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
${regression}${notes.length > 0 ? `<h2>Notes</h2><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
