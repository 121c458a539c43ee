// The sweep in words and tables: one row per point (hp P99 and lp loss with intervals, and
// where it stands: on the frontier, dominated, not counted, not run), then one line per
// budget verdict. Markdown for the job summary; HTML rows for report.html.

import type { SweepPoint } from '../../documents/types/sweep.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { escapeMarkdownCell, renderMarkdownTable } from './markdown-escape.ts';
import { formatMs, formatPercent } from './number-format.ts';

const NOT_MEASURED = 'not measured';

export const SWEEP_HEADERS = ['point', 'hp P99 ms [interval]', 'lp loss [interval]', 'trials', 'standing'];

/** One row per point and per unit not run, in sweep order; cells are plain text. */
export function sweepRows(evaluation: SweepEvaluation): string[][] {
  const { frontier } = evaluation;
  const standing = (p: SweepPoint): string => {
    const excluded = frontier.excluded.find((e) => e.point.id === p.id);
    if (excluded) return `not counted: ${excluded.reason}`;
    const dominated = frontier.dominated.find((d) => d.point.id === p.id);
    if (dominated) return `dominated by ${dominated.by}`;
    return frontier.line.some((l) => l.id === p.id) ? 'on the frontier' : 'kept (intervals overlap the frontier)';
  };
  const floor = evaluation.hpAloneP99Ms;
  const rows = [['hp alone (floor)', floor ? `${formatMs(floor.estimate)} [${formatMs(floor.low)}, ${formatMs(floor.high)}]` : NOT_MEASURED, '–', '', '']];
  for (const p of evaluation.points) {
    rows.push([
      p.id,
      p.hpP99Ms ? `${formatMs(p.hpP99Ms.estimate)} [${formatMs(p.hpP99Ms.low)}, ${formatMs(p.hpP99Ms.high)}]` : NOT_MEASURED,
      p.lpLoss ? `${formatPercent(p.lpLoss.estimate)} [${formatPercent(p.lpLoss.low)}, ${formatPercent(p.lpLoss.high)}]` : NOT_MEASURED,
      String(p.trials),
      standing(p),
    ]);
  }
  const measured = new Set(evaluation.points.map((p) => p.id));
  for (const { id, reason } of evaluation.notRun) if (!measured.has(id)) rows.push([id, NOT_MEASURED, NOT_MEASURED, '0', `not run: ${reason}`]);
  return rows;
}

export function sweepVerdictLines(evaluation: SweepEvaluation): string[] {
  return evaluation.verdicts.map(verdictLine);
}

const verdictLine = (v: SweepEvaluation['verdicts'][number]): string => `${v.status === 'skip' ? 'untested' : v.status}: ${v.rule}. ${v.message}${v.recommendation ? ` ${v.recommendation}` : ''}`;

/** The regression check against a previous sweep (PERF_SWEEP_COMPARE_TO): a heading line, then one line per budget; [] without one. */
export function sweepRegressionLines(evaluation: SweepEvaluation): string[] {
  const { regression } = evaluation;
  if (regression === undefined) return [];
  return [`XSched's frontier against ${regression.comparedTo} (tolerance ${formatPercent(regression.tolerance)})`, ...regression.verdicts.map(verdictLine)];
}

export function renderSweepMarkdown(title: string, evaluation: SweepEvaluation): string {
  return [
    `### ${escapeMarkdownCell(title)}: ${evaluation.decision.status.toUpperCase()}`,
    '',
    escapeMarkdownCell(evaluation.decision.reason),
    '',
    renderMarkdownTable(SWEEP_HEADERS, sweepRows(evaluation).map((row) => row.map(escapeMarkdownCell))),
    '',
    ...sweepVerdictLines(evaluation).map((line) => `- ${escapeMarkdownCell(line)}`),
    '',
    ...regressionMarkdown(evaluation),
  ].join('\n');
}

function regressionMarkdown(evaluation: SweepEvaluation): string[] {
  const [heading, ...lines] = sweepRegressionLines(evaluation);
  if (heading === undefined) return [];
  return [`#### ${escapeMarkdownCell(heading)}`, '', ...lines.map((line) => `- ${escapeMarkdownCell(line)}`), ''];
}
