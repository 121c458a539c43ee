// Verdicts and validity checks as tables: the rule, the numbers it looked at,
// the interval, why it came out as it did, and what to do about it.

import type { ConfidenceInterval, ValidityCheck, Verdict } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, renderStatusPill, type HtmlCell } from './html-table.ts';
import { formatMeasuredValue } from './number-format.ts';
import { statusRank } from './status-labels.ts';

export function renderVerdictsTable(verdicts: Verdict[]): string {
  if (verdicts.length === 0) return '<p class="muted">No verdicts: the run did not get that far (see the validity checks).</p>';
  const rows = verdicts.map((v) => [
    idWithStatus(v.id, v.status),
    v.rule,
    numbersCell(v.measured),
    numbersCell(v.threshold),
    intervalCell(v.interval),
    v.message,
    adviceCell(v.recommendation),
  ]);
  return renderHtmlTable(['verdict', 'rule', 'measured', 'threshold', 'interval', 'reason', 'recommendation'], rows, { className: 'verdicts' });
}

/** Checks that need attention in full; the passing ones folded away below them. */
export function renderChecksTable(checks: ValidityCheck[]): string {
  if (checks.length === 0) return '<p class="muted">No validity checks were recorded.</p>';
  const ordered = [...checks].sort((a, b) => statusRank(a.status) - statusRank(b.status));
  const attention = ordered.filter((c) => c.status !== 'pass');
  const passing = ordered.filter((c) => c.status === 'pass');
  const parts: string[] = [];
  if (attention.length) parts.push(renderChecks(attention));
  else parts.push(`<p>All ${passing.length} validity checks passed.</p>`);
  if (passing.length) {
    parts.push(`<details><summary>${passing.length} passing check(s)</summary>${renderChecks(passing)}</details>`);
  }
  return parts.join('\n');
}

function renderChecks(checks: ValidityCheck[]): string {
  const rows = checks.map((c) => [
    idWithStatus(c.id, c.status),
    c.title,
    [c.arm ?? 'all arms', c.trial === null ? '' : `trial ${c.trial + 1}`].filter(Boolean).join(', '),
    numbersCell(c.measured),
    c.message,
    adviceCell(c.recommendation),
  ]);
  return renderHtmlTable(['check', 'what', 'where', 'measured', 'message', 'recommendation'], rows, { className: 'checks' });
}

function idWithStatus(id: string, status: string): HtmlCell {
  return htmlCell(`${renderStatusPill(status)}<br><code>${escapeHtml(id)}</code>`);
}

/** One "name = value" per line: the numbers stay readable in a narrow column. */
function numbersCell(record: Record<string, number | string | boolean | null>): HtmlCell {
  const entries = Object.entries(record);
  if (entries.length === 0) return htmlCell('<span class="muted">–</span>');
  const lines = entries.map(([k, v]) => `<span class="k">${escapeHtml(k)}</span> ${escapeHtml(formatMeasuredValue(v))}`);
  return htmlCell(lines.join('<br>'), 'numbers');
}

function intervalCell(interval: ConfidenceInterval | null): HtmlCell {
  if (!interval) return htmlCell('<span class="muted">–</span>');
  const range = `[${formatMeasuredValue(interval.low)}, ${formatMeasuredValue(interval.high)}] at ${formatMeasuredValue(interval.level * 100)}%`;
  return htmlCell(`${escapeHtml(range)}<br><span class="method">${escapeHtml(interval.method)}</span>`);
}

function adviceCell(recommendation: string | null): HtmlCell {
  return recommendation ? htmlCell(escapeHtml(recommendation), 'advice') : htmlCell('<span class="muted">–</span>');
}
