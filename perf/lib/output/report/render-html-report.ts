// One self-contained HTML file for a suite run: inline CSS, inline plot code,
// embedded data; opens offline. Pure function of its input (no clock, no
// environment), so a replayed run renders byte for byte the same report.

import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { renderArmsTable } from './html-arms-table.ts';
import { renderStatusBanner } from './html-banner.ts';
import { renderConfiguration } from './html-config.ts';
import { renderEnvironmentTable } from './html-environment.ts';
import { escapeHtml } from './html-escape.ts';
import { renderFingerprintTable } from './html-fingerprint.ts';
import { renderScenarioPlots } from './html-plots.ts';
import { REPORT_CSS } from './html-styles.ts';
import { htmlCell, renderHtmlTable, renderStatusPill } from './html-table.ts';
import { renderChecksTable, renderVerdictsTable } from './html-verdicts.ts';
import { renderSharingEvidence, renderWorkerProblems, renderXschedEvidence } from './html-workers.ts';
import { formatMs, formatRate } from './number-format.ts';
import { buildInlinePlotScript } from './plot-scripts.ts';
import { validateReportRuns } from './validate-report-runs.ts';
import { WORST_FIRST } from './status-labels.ts';
import { QUANTITY } from './quantity-labels.ts';
import { describeBaselineRuns } from '../../store/baselines/baseline-source.ts';

export interface ReportRun {
  record: RunRecord;
  evaluation: ScenarioEvaluation;
  baseline: BaselineFile | null;
}

export interface HtmlReportInput {
  runs: ReportRun[];
  /** ISO time shown as "generated"; taken from the input so replays are identical. */
  generatedAt: string;
  suiteVersion: string;
}

export function renderHtmlReport(input: HtmlReportInput): string {
  validateReportRuns(input.runs, 'renderHtmlReport');
  if (typeof input.generatedAt !== 'string' || input.generatedAt === '') {
    throw new Error(`renderHtmlReport: generatedAt must be a non-empty string (an ISO time), got ${JSON.stringify(input.generatedAt)}`);
  }
  const sections = input.runs.map((run, i) => renderScenarioSection(run, `s${i}`));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleOf(input))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<div class="page-head"><div><h1>xsched-perf report</h1>
<div class="meta">generated ${escapeHtml(input.generatedAt)} · suite ${escapeHtml(input.suiteVersion)} · ${input.runs.length} scenario run(s)</div></div></div>
${renderOverview(input.runs)}
${sections.join('\n')}
</main>
<script>${buildInlinePlotScript()}</script>
</body>
</html>
`;
}

function titleOf(input: HtmlReportInput): string {
  const worst = WORST_FIRST.find((s) => input.runs.some((r) => r.evaluation.status === s));
  return `xsched-perf: ${worst ?? 'no runs'} (${input.runs.map((r) => r.evaluation.scenario).join(', ')})`;
}

function renderOverview(runs: ReportRun[]): string {
  if (runs.length === 0) return '<p class="muted">No scenario ran.</p>';
  const rows = runs.map((run, i) => {
    const { evaluation } = run;
    const p99 = evaluation.arms.filter((a) => a.merged.hp).map((a) => `${a.arm} ${formatMs(a.merged.hp?.latencyMs.p99)}`);
    const lp = evaluation.arms.filter((a) => a.merged.lp).map((a) => `${a.arm} ${formatRate(a.merged.lp?.iterPerSec)}`);
    return [
      htmlCell(`<a href="#s${i}">${escapeHtml(evaluation.scenario)}</a>`),
      htmlCell(renderStatusPill(evaluation.status)),
      p99.join(' · ') || '–',
      lp.join(' · ') || '–',
      evaluation.statusReason,
    ];
  });
  return `<nav class="overview">${renderHtmlTable(['scenario', 'status', `${QUANTITY.hpP99Merged} ms`, QUANTITY.lpIterPerSec, 'why'], rows)}</nav>`;
}

function renderScenarioSection(run: ReportRun, id: string): string {
  const { record, evaluation, baseline } = run;
  const notes = record.notes.length ? `<div class="notes">${record.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>` : '';
  const baselineLine = baseline
    ? `Stored baseline: <code>${escapeHtml(describeBaselineRuns(baseline))}</code> from ${escapeHtml(baseline.createdAt)} ` +
      `(worker ${escapeHtml(baseline.workerVersion)}, ${escapeHtml(baseline.key.gpuName)}, ${escapeHtml(baseline.key.sharing)}).`
    : 'No stored baseline for this scenario and hardware.';
  const xsched = renderXschedEvidence(record);
  const sharing = renderSharingEvidence(record);
  return `<section class="scenario" id="${id}">
${renderStatusBanner(record, evaluation, baseline)}
${notes}
<h3>Arms (all trials merged)</h3>
${renderArmsTable(record, evaluation, baseline)}
<p class="note">${baselineLine}</p>
${renderScenarioPlots(record, evaluation, baseline, id)}
<h3>Verdicts</h3>
${renderVerdictsTable(evaluation.verdicts)}
<h3>Validity checks</h3>
${renderChecksTable(evaluation.checks)}
<h3>Environment per arm-trial</h3>
${renderEnvironmentTable(record, evaluation)}
<h3>Workers and arms</h3>
${renderWorkerProblems(record)}
${xsched ? `<h3>XSched evidence</h3>\n${xsched}` : ''}
${sharing ? `<h3>Sharing mode (${escapeHtml(record.scenario.sharing)})</h3>\n${sharing}` : ''}
<h3>Fingerprint</h3>
${renderFingerprintTable(record)}
<h3>Configuration</h3>
${renderConfiguration(record)}
</section>`;
}
