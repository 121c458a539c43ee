// Verdicts and validity checks as tables: the rule, the numbers it looked at,
// the interval, why it came out as it did, and what to do about it.

import type { ValidityCheck, Verdict } from '../types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, renderStatusPill } from './html-table.ts';
import { formatMeasuredRecord, formatMeasuredValue } from './number-format.ts';
import { statusRank } from './status-labels.ts';

export function renderVerdictsTable(verdicts: Verdict[]): string {
  if (verdicts.length === 0) return '<p class="muted">No verdicts: the run did not get that far (see the validity checks).</p>';
  const rows = verdicts.map((v) => [
    htmlCell(`<code>${escapeHtml(v.id)}</code>`),
    htmlCell(renderStatusPill(v.status)),
    v.rule,
    formatMeasuredRecord(v.measured),
    formatMeasuredRecord(v.threshold),
    v.interval
      ? `[${formatMeasuredValue(v.interval.low)}, ${formatMeasuredValue(v.interval.high)}] at ${formatMeasuredValue(v.interval.level * 100)}% (${v.interval.method})`
      : '–',
    v.message,
    htmlCell(v.recommendation ? escapeHtml(v.recommendation) : '<span class="muted">–</span>', v.recommendation ? 'advice' : undefined),
  ]);
  return renderHtmlTable(['verdict', 'status', 'rule', 'measured', 'threshold', 'interval', 'reason', 'recommendation'], rows, { className: 'verdicts' });
}

/** Failing and warning checks first; passing ones after, so problems are on top. */
export function renderChecksTable(checks: ValidityCheck[]): string {
  if (checks.length === 0) return '<p class="muted">No validity checks were recorded.</p>';
  const ordered = [...checks].sort((a, b) => statusRank(a.status) - statusRank(b.status));
  const rows = ordered.map((c) => [
    htmlCell(`<code>${escapeHtml(c.id)}</code>`),
    htmlCell(renderStatusPill(c.status)),
    c.title,
    [c.arm ?? 'all arms', c.trial === null ? '' : `trial ${c.trial + 1}`].filter(Boolean).join(', '),
    formatMeasuredRecord(c.measured),
    c.message,
    htmlCell(c.recommendation ? escapeHtml(c.recommendation) : '<span class="muted">–</span>', c.recommendation ? 'advice' : undefined),
  ]);
  return renderHtmlTable(['check', 'status', 'what', 'where', 'measured', 'message', 'recommendation'], rows, { className: 'checks' });
}
