// The status banner at the top of a scenario: what happened, in one glance.
// invalid looks unlike every other status: the numbers below are not evidence.

import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { buildScenarioHeadline, headlineRows, type ScenarioHeadline } from './scenario-headline.ts';
import { statusWord } from './status-labels.ts';

const STATUS_MEANING: Record<ScenarioEvaluation['status'], string> = {
  pass: 'All validity checks passed and every required verdict was judged and passed.',
  fail: 'The run was valid and at least one verdict failed.',
  untested: 'The run was valid but at least one required verdict could not be judged: this is not a pass.',
  inconclusive: 'The run was valid but the data cannot decide at least one required verdict: this is not a pass.',
  invalid: 'The run itself is not valid: do not read the numbers below as a result, and never store it as a baseline.',
};

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function renderStatusBanner(record: RunRecord, evaluation: ScenarioEvaluation, baseline: BaselineFile | null): string {
  const reasons = evaluation.reasons.length
    ? `<ul class="reasons">${evaluation.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '';
  const status = evaluation.status;
  const meaning = `${STATUS_MEANING[status]} ${capitalize(evaluation.statusReason)}.`;
  return `<header class="banner banner-${status}">
<div class="banner-status">${statusWord(status)}${status === 'invalid' ? '<small>not a result</small>' : ''}</div>
<div class="banner-body">
<h2>${escapeHtml(evaluation.scenario)}</h2>
${renderHeadline(buildScenarioHeadline(record, evaluation, baseline))}
<p class="banner-meaning">${escapeHtml(meaning)}</p>
${reasons}
<p class="meta">run <code>${escapeHtml(record.runId)}</code> · recorded ${escapeHtml(record.createdAt)}
 · host ${escapeHtml(record.host.hostname)} · suite ${escapeHtml(record.suiteVersion)}</p>
</div>
</header>`;
}

/** The result first: effect, lp cost, hp alone, stored baseline (scenario-headline.ts). */
function renderHeadline(headline: ScenarioHeadline): string {
  return `<dl class="headline" data-headline>${headlineRows(headline).map(([term, text]) => `<dt>${term}</dt><dd>${escapeHtml(text)}</dd>`).join('')}</dl>`;
}
