// How the arms ran: skipped arms, worker failures with their last log lines,
// partial results, the sharing mode's and XSched's own evidence.

import type { RunRecord } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable } from './html-table.ts';

export function renderWorkerProblems(record: RunRecord): string {
  const rows = record.trials.flatMap((t) => {
    const where = `${t.arm} t${t.trial + 1}`;
    if (t.skipped !== null) return [[where, '–', 'skipped', t.skipped, htmlCell('')]];
    return t.workers.flatMap((w) => {
      if (w.ok) {
        if (!w.result.partial) return [];
        return [[where, w.role, 'partial result', w.result.partialReason ?? 'no reason given', htmlCell(escapeHtml(w.logPath))]];
      }
      const exit = w.failure.signal ? `signal ${w.failure.signal}` : w.failure.exitCode === null ? '' : `exit ${w.failure.exitCode}`;
      const log = w.failure.lastLogLines.length
        ? `<details><summary>last ${w.failure.lastLogLines.length} log lines</summary><pre>${escapeHtml(w.failure.lastLogLines.join('\n'))}</pre></details>`
        : '';
      return [[where, w.role, `${w.failure.kind}${exit ? ` (${exit})` : ''}`, w.failure.message, htmlCell(`<code>${escapeHtml(w.logPath)}</code>${log}`)]];
    });
  });
  if (rows.length === 0) return '<p class="muted">Every arm ran and every worker finished normally.</p>';
  return renderHtmlTable(['arm, trial', 'role', 'what', 'message', 'log'], rows, { className: 'problems' });
}

export function renderXschedEvidence(record: RunRecord): string {
  const rows = record.trials.flatMap((t) => {
    const x = t.xsched;
    if (!x) return [];
    const priorities = x.prioritiesSet.map((p) => `${p.queue} → ${p.priority} (pid ${p.pid ?? '?'})`).join('\n');
    const glb = Object.entries(x.globalSchedulerSeen).map(([role, seen]) => `${role}: ${seen ? 'yes' : 'NO'}`).join(', ');
    return [[
      `${t.arm} t${t.trial + 1}`,
      `${x.policy} on port ${x.port}`,
      x.connectedPids.join(', ') || 'none',
      x.queueCreatedPids.join(', ') || 'none',
      htmlCell(escapeHtml(priorities || 'none').replace(/\n/g, '<br>')),
      glb || 'not checked',
      htmlCell(`<code>${escapeHtml(x.serverLogPath)}</code>`),
    ]];
  });
  if (rows.length === 0) return '';
  const headers = ['arm, trial', 'xserver', 'connected pids', 'queues created by pids', 'priorities set', 'global scheduler seen', 'xserver log'];
  return renderHtmlTable(headers, rows, { className: 'xsched' });
}

export function renderSharingEvidence(record: RunRecord): string {
  const rows = record.trials.flatMap((t) =>
    t.sharing ? [[`${t.arm} t${t.trial + 1}`, t.sharing.requested, htmlCell(describeSharingDetails(t.sharing.details))]] : [],
  );
  if (rows.length === 0) return '';
  return renderHtmlTable(['arm, trial', 'requested', 'observed'], rows, { className: 'sharing' });
}

/**
 * The sharing mode's evidence in a few lines: scalars and pid lists inline, paths and log
 * lines behind an expander (they are long, and what they mean is for the reader to judge:
 * the MPS daemon logs a client's normal exit too).
 */
function describeSharingDetails(details: unknown): string {
  if (details === null || typeof details !== 'object') return `<code>${escapeHtml(JSON.stringify(details))}</code>`;
  const inline: string[] = [];
  const folded: string[] = [];
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    const isLines = Array.isArray(value) && value.some((v) => typeof v === 'string');
    if (isLines) {
      const lines = value as unknown[];
      folded.push(`<details><summary>${escapeHtml(key)}: ${lines.length} log line(s)</summary><pre>${escapeHtml(lines.map(String).join('\n'))}</pre></details>`);
    } else if (typeof value === 'string' && value.includes('/')) {
      folded.push(`<details><summary>${escapeHtml(key)}</summary><code>${escapeHtml(value)}</code></details>`);
    } else {
      const text = Array.isArray(value) ? value.join(', ') || 'none' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      inline.push(`<span class="k">${escapeHtml(key)}</span> ${escapeHtml(text)}`);
    }
  }
  return `${inline.join(' · ')}${folded.join('')}`;
}
