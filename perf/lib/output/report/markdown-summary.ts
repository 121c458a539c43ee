// The GitHub job summary: every scenario's arms in one table, then each
// scenario's reasons (invalid ones first) and verdicts with their numbers.

import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { escapeMarkdownCell as esc, renderMarkdownTable } from './markdown-escape.ts';
import { buildScenarioHeadline, headlineLines } from './scenario-headline.ts';
import { QUANTITY } from './quantity-labels.ts';
import { formatMeasuredRecord, formatMs, formatRate } from './number-format.ts';
import { statusIcon, statusRank, statusWord, WORST_FIRST } from './status-labels.ts';
import { validateReportRuns } from './validate-report-runs.ts';
import { labelArm } from '../../evaluate/unproven-arms.ts';
import { formatCpuList } from '../../process/cpu-list.ts';

export interface SummaryRun {
  record: RunRecord;
  evaluation: ScenarioEvaluation;
  /** The stored baseline the run was compared with; absent or null: none. */
  baseline?: BaselineFile | null;
}

export interface MarkdownSummaryOptions {
  title?: string;
  /** runId -> link (relative path or URL) to that run's HTML report. */
  reportLinks?: Record<string, string>;
}

export function renderMarkdownSummary(runs: SummaryRun[], options: MarkdownSummaryOptions = {}): string {
  validateReportRuns(runs, 'renderMarkdownSummary');
  const out: string[] = [`## ${esc(options.title ?? 'xsched-perf results')}`, '', describeCounts(runs), ''];
  if (runs.length === 0) return `${out.join('\n')}\n`;
  out.push(renderArmsTable(runs), '');
  const ordered = [...runs].sort((a, b) => statusRank(a.evaluation.status) - statusRank(b.evaluation.status));
  for (const run of ordered) out.push(...renderScenarioDetails(run, options.reportLinks?.[run.record.runId]));
  return `${out.join('\n').trimEnd()}\n`;
}

function describeCounts(runs: SummaryRun[]): string {
  if (runs.length === 0) return 'No scenario ran.';
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.evaluation.status, (counts.get(r.evaluation.status) ?? 0) + 1);
  const parts = WORST_FIRST.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  return `**${runs.length} scenario run(s): ${parts.join(', ')}**`;
}

function renderArmsTable(runs: SummaryRun[]): string {
  const rows: string[][] = [];
  for (const { record, evaluation } of runs) {
    const notRun = record.scenario.arms.filter((a) => !evaluation.arms.some((s) => s.arm === a));
    const armRows: string[][] = [
      ...evaluation.arms.map((arm) => {
        const hp = arm.merged.hp;
        return [
          esc(labelArm(arm.arm, evaluation.checks)),
          hp ? formatMs(hp.latencyMs.p50) : '–',
          hp ? formatMs(hp.latencyMs.p99) : '–',
          hp ? `${formatRate(hp.achievedRateHz)} / ${formatRate(hp.targetRateHz)}` : '–',
          formatRate(arm.merged.lp?.iterPerSec),
        ];
      }),
      ...notRun.map((arm) => [esc(arm), 'not run', '', '', '']),
    ];
    armRows.forEach((cells, i) => rows.push([i === 0 ? `${statusIcon(evaluation.status)} ${esc(evaluation.scenario)}` : '', ...cells]));
  }
  return renderMarkdownTable(['scenario', 'arm', 'hp P50 ms (trials pooled)', `${QUANTITY.hpP99Merged} ms`, 'hp achieved / target req/s', QUANTITY.lpIterPerSec], rows);
}

function renderScenarioDetails({ record, evaluation, baseline }: SummaryRun, link: string | undefined): string[] {
  const out = [`### ${statusIcon(evaluation.status)} ${esc(evaluation.scenario)}: ${statusWord(evaluation.status)}`, '', esc(evaluation.statusReason), ''];
  const linkText = link ? ` · [HTML report](${encodeURI(link)})` : '';
  for (const line of headlineLines(buildScenarioHeadline(record, evaluation, baseline ?? null))) out.push(`- ${esc(line)}`);
  out.push('');
  const placement = record.scenario.cpuPlacement;
  const cpus = placement === undefined ? 'workers not pinned' : `workers on CPUs ${formatCpuList(placement.cpus)}`;
  out.push(`run \`${esc(record.runId)}\` · ${esc(record.scenario.durationMs / 1000)} s x ${record.scenario.trials} trials · ${esc(cpus)}${linkText}`, '');
  const failedChecks = evaluation.checks.filter((c) => c.status === 'fail');
  const reasons = [...evaluation.reasons];
  if (evaluation.status === 'invalid' && reasons.length === 0) reasons.push(...failedChecks.map((c) => `${c.id}: ${c.message}`));
  for (const reason of reasons) out.push(`- ${reason.startsWith('invalid:') ? '🚫 ' : ''}${esc(reason)}`);
  if (reasons.length) out.push('');
  if (failedChecks.length) {
    out.push(renderMarkdownTable(
      ['check', 'measured', 'what to do'],
      failedChecks.map((c) => [`${statusIcon(c.status)} ${esc(c.id)}`, esc(formatMeasuredRecord(c.measured)), esc(c.recommendation ?? c.message)]),
    ), '');
  }
  if (evaluation.verdicts.length) {
    out.push(renderMarkdownTable(
      ['', 'rule', 'measured', 'threshold'],
      evaluation.verdicts.map((v) => [statusIcon(v.status), esc(v.rule), esc(formatMeasuredRecord(v.measured)), esc(formatMeasuredRecord(v.threshold))]),
    ), '');
    // A red summary says what to do, as the failed checks above do: the job summary is often all a CI reader opens.
    const undecided = evaluation.verdicts.filter((v) => (v.status === 'fail' || v.status === 'inconclusive') && v.recommendation);
    for (const v of undecided) out.push(`- ${statusIcon(v.status)} \`${esc(v.id)}\`, what to do: ${esc(v.recommendation!)}`);
    if (undecided.length) out.push('');
  }
  return out;
}
