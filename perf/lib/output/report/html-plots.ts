// The plot elements of one scenario: empty containers with data-plot="<kind>"
// and the JSON they are drawn from (client/draw-plots.js fills them in).

import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { embedJsonInScript, escapeHtml } from './html-escape.ts';
import type { PlotKind } from './plot-data-types.ts';
import { prefersLogLatencyAxis } from './latency-axis.ts';
import { buildRatioPlotData } from './ratio-data.ts';
import { buildSpectrumPlotData } from './spectrum-data.ts';
import { buildThroughputPlotData } from './throughput-data.ts';
import { buildTimelinePlotData, MAX_LP_BANDS, MAX_SCATTER_POINTS_PER_ARM } from './timeline-data.ts';
import { describeBaselineRuns } from '../../store/baselines/baseline-source.ts';

export function renderScenarioPlots(
  record: RunRecord,
  evaluation: ScenarioEvaluation,
  baseline: BaselineFile | null,
  idPrefix: string,
): string {
  const parts: string[] = [];
  const logGroup = `${idPrefix}-log`;
  const spectrum = buildSpectrumPlotData(evaluation, baseline);
  const throughput = buildThroughputPlotData(evaluation, baseline);
  const ratio = buildRatioPlotData(evaluation, baseline);
  const timelines = buildTimelinePlotData(record, evaluation);
  const logY = prefersLogLatencyAxis([
    ...(spectrum?.series.flatMap((s) => s.points.map((p) => p[1])) ?? []),
    ...timelines.flatMap((plot) => plot.trials.flatMap((t) => [t.yMinMs, t.yMaxMs])),
  ]);
  const logAttributes = { 'data-log-group': logGroup, 'data-log-y': String(logY) };
  if (ratio) {
    parts.push(renderFigure('ratio', `${idPrefix}-ratio`, ratio, 'ratios the verdicts judge (1 = no change)',
      'Dot: the ratio; whisker: its interval; red dashed tick: the verdict\'s bar. Colour: the verdict\'s status. ' +
      'Hollow rings under a now / stored baseline row: each trial of this run divided by the stored baseline\'s geometric mean of its trials ' +
      '(hover a ring for its values); the verdict\'s ratio is their geometric mean.', 'full'));
  }
  const top: string[] = [];
  if (spectrum) {
    const note = baseline
      ? `Dashed, drawn on top with a white edge: the stored baseline (${describeBaselineRuns(baseline)}, ${baseline.createdAt}), same colour per arm. Each line stops at the highest percentile its sample count resolves.`
      : 'No stored baseline for this hardware. Each line stops at the highest percentile its sample count resolves.';
    top.push(renderFigure('spectrum', `${idPrefix}-spectrum`, spectrum, 'hp latency percentile spectrum (trials pooled)', note, 'wide', logAttributes));
  }
  if (throughput) {
    top.push(renderFigure('throughput', `${idPrefix}-throughput`, throughput, 'lp throughput per arm (zoomed axis)', 'Bar top: mean of trials; whisker: range of trials; dots: each trial. The axis does not start at 0, so a loss of 1% shows.', ''));
  }
  if (top.length) parts.push(`<div class="plots">${top.join('\n')}</div>`);
  const logToggle = `<label class="plot-tool"><input type="checkbox" data-log-y-group="${escapeHtml(logGroup)}"${logY ? ' checked' : ''}> log latency axis${logY ? ' (on: latencies span 10x or more)' : ''}</label>`;

  if (timelines.length) {
    const trialNumbers = [...new Set(timelines.flatMap((p) => p.trials.map((t) => t.trial)))].sort((a, b) => a - b);
    const first = trialNumbers[0] ?? 0;
    const group = `${idPrefix}-timeline`;
    const options = trialNumbers.map((n) => `<option value="${n}"${n === first ? ' selected' : ''}>trial ${n + 1}</option>`).join('');
    parts.push(`<div class="timeline-head"><h3>hp latency over time</h3>
<label class="plot-tool">show <select data-trial-group="${escapeHtml(group)}">${options}</select></label></div>
<p class="note">Each dot is one hp request at its scheduled time (latency includes queueing).
At most ${MAX_SCATTER_POINTS_PER_ARM} points per arm and trial are drawn; beyond that the fastest and slowest
request of each slice of time are kept, so spikes stay visible. Grey bands under the plot mark lp iteration
boundaries (up to ${MAX_LP_BANDS} iterations; more are shown as a binned iteration rate).</p>`);
    const figures = timelines.map((plot) =>
      renderFigure('timeline', `${group}-${plot.arm}`, plot, '', '', '', {
        'data-trial-group': group,
        'data-trial': String(first),
        ...logAttributes,
      }),
    );
    parts.push(`<div class="timelines">${figures.join('\n')}</div>`);
  }
  if (parts.length === 0) return '<p class="muted">Nothing to plot: no arm produced hp or lp measurements.</p>';
  if (spectrum || timelines.length) parts.unshift(`<div class="plot-tools">${logToggle}</div>`);
  return parts.join('\n');
}

function renderFigure(
  kind: PlotKind,
  id: string,
  data: unknown,
  caption: string,
  note: string,
  className: string,
  attributes: Record<string, string> = {},
): string {
  const dataId = `${id}-data`;
  const extra = Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  return `<figure class="plot-card ${className}">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}
<div class="plot" id="${escapeHtml(id)}" data-plot="${kind}" data-source="${escapeHtml(dataId)}"${extra}><noscript>This plot is drawn by JavaScript.</noscript></div>
${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}
<script type="application/json" id="${escapeHtml(dataId)}">${embedJsonInScript(data)}</script>
</figure>`;
}
