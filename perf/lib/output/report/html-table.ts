// One way to write an HTML table: plain strings are escaped, trusted markup
// must be marked as such ({ html }), so nothing unescaped slips through.

import { escapeHtml } from './html-escape.ts';

export type HtmlCell = string | number | { html: string; className?: string; title?: string };

export function renderHtmlTable(headers: HtmlCell[], rows: HtmlCell[][], options: { className?: string } = {}): string {
  const head = headers.map((h) => renderCell('th', h)).join('');
  const body = rows.map((row) => `<tr>${row.map((c, i) => renderCell(i === 0 ? 'th' : 'td', c, i === 0)).join('')}</tr>`).join('\n');
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  return `<div class="table-wrap"><table${cls}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A cell holding markup the caller built from escaped parts. */
export function htmlCell(html: string, className?: string, title?: string): HtmlCell {
  return { html, ...(className ? { className } : {}), ...(title ? { title } : {}) };
}

function renderCell(tag: 'th' | 'td', cell: HtmlCell, rowHeader = false): string {
  const scope = tag === 'th' ? (rowHeader ? ' scope="row"' : ' scope="col"') : '';
  if (typeof cell === 'string' || typeof cell === 'number') return `<${tag}${scope}>${escapeHtml(cell)}</${tag}>`;
  const cls = cell.className ? ` class="${escapeHtml(cell.className)}"` : '';
  const title = cell.title ? ` title="${escapeHtml(cell.title)}"` : '';
  return `<${tag}${scope}${cls}${title}>${cell.html}</${tag}>`;
}

/** A status as a coloured pill: `<span class="pill pill-fail">fail</span>`. */
export function renderStatusPill(status: string): string {
  const safe = escapeHtml(status);
  return `<span class="pill pill-${safe}">${safe}</span>`;
}
