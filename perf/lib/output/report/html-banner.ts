// The status banner at the top of a scenario: what happened, in one glance.
// invalid looks unlike every other status: the numbers below are not evidence.

import type { RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { escapeHtml } from './html-escape.ts';
import { statusWord } from './status-labels.ts';

const STATUS_MEANING: Record<ScenarioEvaluation['status'], string> = {
  pass: 'All validity checks passed and no verdict failed.',
  fail: 'The run was valid and at least one verdict failed.',
  inconclusive: 'The run was valid but the data cannot decide at least one verdict.',
  invalid: 'The run itself is not valid: do not read the numbers below as a result, and never store it as a baseline.',
};

export function renderStatusBanner(record: RunRecord, evaluation: ScenarioEvaluation): string {
  const reasons = evaluation.reasons.length
    ? `<ul class="reasons">${evaluation.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '';
  const status = evaluation.status;
  // A pass with verdicts left unjudged (e.g. the xsched arm skipped) must not read as "all passed".
  const unjudged = evaluation.verdicts.filter((v) => v.status === 'skip').length;
  const meaning =
    status === 'pass' && unjudged > 0
      ? `Valid run, but ${unjudged} of ${evaluation.verdicts.length} verdicts were not judged (reasons below); the others passed.`
      : STATUS_MEANING[status];
  return `<header class="banner banner-${status}">
<div class="banner-status">${statusWord(status)}${status === 'invalid' ? '<small>not a result</small>' : ''}</div>
<div class="banner-body">
<h2>${escapeHtml(evaluation.scenario)}</h2>
<p class="banner-meaning">${escapeHtml(meaning)}</p>
${reasons}
<p class="meta">run <code>${escapeHtml(record.runId)}</code> · recorded ${escapeHtml(record.createdAt)}
 · host ${escapeHtml(record.host.hostname)} · suite ${escapeHtml(record.suiteVersion)}</p>
</div>
</header>`;
}
