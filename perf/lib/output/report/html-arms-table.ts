// Key numbers with the arms side by side (all trials merged), so a reader sees
// hp-alone / baseline / xsched next to each other before any plot.

import type { ArmName, ArmStats, BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { labelArm } from '../../evaluate/unproven-arms.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlCell, renderHtmlTable, type HtmlCell } from './html-table.ts';
import { formatMs, formatRate, formatSignedPercent } from './number-format.ts';
import { ARM_COLORS } from './plot-data-types.ts';
import { QUANTITY } from './quantity-labels.ts';

type Row = [string, (arm: ArmName, stats: ArmStats | undefined) => HtmlCell];

export function renderArmsTable(record: RunRecord, evaluation: ScenarioEvaluation, baseline: BaselineFile | null): string {
  const arms = armsInOrder(record, evaluation);
  const rows: Row[] = [
    ['trials run', (arm) => describeTrials(record, arm)],
    ['hp P50 ms (trials pooled)', (_, s) => formatMs(s?.merged.hp?.latencyMs.p50)],
    ['hp P90 ms (trials pooled)', (_, s) => formatMs(s?.merged.hp?.latencyMs.p90)],
    [`${QUANTITY.hpP99Merged} ms`, (_, s) => htmlCell(`<strong>${escapeHtml(formatMs(s?.merged.hp?.latencyMs.p99))}</strong>`)],
    ['hp P99.9 ms', (_, s) => formatMs(s?.merged.hp?.latencyMs.p999)],
    ['hp max ms', (_, s) => formatMs(s?.merged.hp?.latencyMs.max)],
    ['hp service P50 / P99 ms', (_, s) => (s?.merged.hp ? `${formatMs(s.merged.hp.serviceMs.p50)} / ${formatMs(s.merged.hp.serviceMs.p99)}` : '–')],
    ['hp achieved / target req/s', (_, s) => (s?.merged.hp ? `${formatRate(s.merged.hp.achievedRateHz)} / ${formatRate(s.merged.hp.targetRateHz)}` : '–')],
    ['hp completed / scheduled', (_, s) => (s?.merged.hp ? `${s.merged.hp.completed} / ${s.merged.hp.scheduled}` : '–')],
    [QUANTITY.lpIterPerSec, (_, s) => htmlCell(`<strong>${escapeHtml(formatRate(s?.merged.lp?.iterPerSec))}</strong>`)],
    ['lp images/s', (_, s) => formatRate(s?.merged.lp?.imagesPerSec)],
    ['lp iteration P50 / P99 ms', (_, s) => (s?.merged.lp ? `${formatMs(s.merged.lp.iterationMs.p50)} / ${formatMs(s.merged.lp.iterationMs.p99)}` : '–')],
  ];
  const reference = evaluation.arms.find((a) => a.arm === 'baseline');
  if (reference) {
    rows.push([`${QUANTITY.hpP99Merged} change vs baseline arm`, (arm, s) => (arm === 'baseline' ? '–' : formatChange(s?.merged.hp?.latencyMs.p99, reference.merged.hp?.latencyMs.p99))]);
    rows.push(['lp iter/s change vs baseline arm (= -lp loss)', (arm, s) => (arm === 'baseline' ? '–' : formatChange(s?.merged.lp?.iterPerSec, reference.merged.lp?.iterPerSec))]);
  }
  if (baseline) {
    // The regression verdicts compare means of per-trial values (perf/lib/evaluate/verdicts/baseline-regression.ts):
    // these rows show both sides of that comparison, under the same name.
    rows.push([`${QUANTITY.hpP99TrialMean} ms, this run`, (_, s) => formatMs(mean(s?.trials.flatMap((t) => (t.hp ? [t.hp.latencyMs.p99] : []))))]);
    rows.push([`${QUANTITY.hpP99TrialMean} ms, stored baseline`, (arm) => formatMs(mean(baseline.arms[arm]?.hpP99Ms))]);
    rows.push([`${QUANTITY.lpIterPerSec}, stored baseline`, (arm) => formatRate(mean(baseline.arms[arm]?.lpIterPerSec))]);
  }
  const headers: HtmlCell[] = ['', ...arms.map((arm) => htmlCell(`<span class="swatch" style="background:${ARM_COLORS[arm]}"></span>${escapeHtml(labelArm(arm, evaluation.checks))}`))];
  const body = rows.map(([label, cell]) => [label, ...arms.map((arm) => cell(arm, evaluation.arms.find((a) => a.arm === arm)))]);
  return renderHtmlTable(headers, body, { className: 'arms' });
}

function armsInOrder(record: RunRecord, evaluation: ScenarioEvaluation): ArmName[] {
  const arms = [...record.scenario.arms];
  for (const a of evaluation.arms) if (!arms.includes(a.arm)) arms.push(a.arm);
  return arms;
}

function describeTrials(record: RunRecord, arm: ArmName): HtmlCell {
  const trials = record.trials.filter((t) => t.arm === arm);
  const skipped = trials.filter((t) => t.skipped !== null);
  const failed = trials.filter((t) => t.skipped === null && t.workers.some((w) => !w.ok));
  const ok = trials.length - skipped.length - failed.length;
  const parts = [`${ok} ok`];
  if (failed.length) parts.push(`${failed.length} with worker failures`);
  if (skipped.length) parts.push(`${skipped.length} skipped: ${skipped[0]!.skipped ?? ''}`);
  const className = skipped.length === trials.length && trials.length > 0 ? 'muted' : failed.length ? 'bad' : '';
  return htmlCell(escapeHtml(parts.join(', ')), className || undefined);
}

function mean(values: number[] | undefined): number | null {
  if (!values || values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function formatChange(value: number | undefined, reference: number | undefined): string {
  if (value === undefined || reference === undefined || reference === 0) return '–';
  return formatSignedPercent(value / reference - 1);
}
