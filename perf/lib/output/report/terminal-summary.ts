// A compact table for the end of a run in a terminal or CI log. Colour only
// when asked (see shouldUseColor): never in a log file, never with NO_COLOR.

import type { OverallStatus } from '../../documents/types/index.ts';
import type { SummaryRun } from './markdown-summary.ts';
import { formatMs, formatRate } from './number-format.ts';
import { QUANTITY } from './quantity-labels.ts';
import { buildScenarioHeadline, headlineLines } from './scenario-headline.ts';
import { statusWord } from './status-labels.ts';
import { validateReportRuns } from './validate-report-runs.ts';
import { isInteractiveTerminal, type TerminalStream } from './terminal-mode.ts';
import { labelArm } from '../../evaluate/unproven-arms.ts';

const STATUS_COLOR: Record<OverallStatus | 'skip' | 'warn', string> = {
  pass: '\x1b[32m',
  fail: '\x1b[31m',
  inconclusive: '\x1b[33m',
  invalid: '\x1b[1;35m',
  untested: '\x1b[1;33m',
  warn: '\x1b[33m',
  skip: '\x1b[2m',
};
const RESET = '\x1b[0m';

/** NO_COLOR (any value, https://no-color.org) wins; otherwise colour only on a terminal (terminal-mode.ts). */
export function shouldUseColor(stream: TerminalStream, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isInteractiveTerminal(stream, env);
}

export function renderTerminalSummary(runs: SummaryRun[], options: { color: boolean }): string {
  validateReportRuns(runs, 'renderTerminalSummary');
  const paint = (status: keyof typeof STATUS_COLOR, text: string) => (options.color ? `${STATUS_COLOR[status]}${text}${RESET}` : text);
  const header = ['scenario', 'status', 'arm', 'hp P50 ms', 'hp P99 ms', 'hp req/s (target)', 'lp iter/s'];
  const legend = `hp P50, hp P99: all trials' requests pooled; ${QUANTITY.lpIterPerSec}`;
  const rows: Array<{ cells: string[]; status: OverallStatus | null }> = [];
  for (const { evaluation } of runs) {
    evaluation.arms.forEach((arm, i) => {
      const hp = arm.merged.hp;
      rows.push({
        status: i === 0 ? evaluation.status : null,
        cells: [
          i === 0 ? evaluation.scenario : '',
          i === 0 ? statusWord(evaluation.status) : '',
          labelArm(arm.arm, evaluation.checks),
          hp ? formatMs(hp.latencyMs.p50) : '–',
          hp ? formatMs(hp.latencyMs.p99) : '–',
          hp ? `${formatRate(hp.achievedRateHz)} (${formatRate(hp.targetRateHz)})` : '–',
          formatRate(arm.merged.lp?.iterPerSec),
        ],
      });
    });
    if (evaluation.arms.length === 0) rows.push({ status: evaluation.status, cells: [evaluation.scenario, statusWord(evaluation.status), '(no arm ran)', '', '', '', ''] });
  }
  // Width counts characters of the plain text, so colour codes never skew columns.
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r.cells[c]!.length)));
  const numeric = (c: number) => c >= 3;
  const pad = (text: string, c: number) => (numeric(c) ? text.padStart(widths[c]!) : text.padEnd(widths[c]!));
  const lines = [header.map(pad).join('  ').trimEnd()];
  for (const row of rows) {
    const cells = row.cells.map((text, c) => (c === 1 && row.status ? paint(row.status, pad(text, c)) : pad(text, c)));
    lines.push(cells.join('  ').trimEnd());
  }
  lines.push(`(${legend})`);
  for (const { record, evaluation, baseline } of runs) {
    lines.push('', `${paint(evaluation.status, statusWord(evaluation.status))} ${evaluation.scenario}: ${oneLine(evaluation.statusReason)}`);
    for (const line of headlineLines(buildScenarioHeadline(record, evaluation, baseline ?? null))) lines.push(`  ${oneLine(line)}`);
    if (evaluation.status === 'pass') continue;
    for (const reason of evaluation.reasons) lines.push(`  - ${oneLine(reason)}`);
    for (const v of evaluation.verdicts.filter((x) => x.status === 'fail' && x.recommendation)) lines.push(`  > ${v.id}: ${oneLine(v.recommendation ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Worker text can hold newlines and escape sequences; a summary line must stay one line. */
function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}
