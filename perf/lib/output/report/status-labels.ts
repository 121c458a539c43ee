// How statuses read in each report format: one place, so the HTML, Markdown
// and terminal summaries never disagree about what a status is called.

import type { CheckStatus, OverallStatus, VerdictStatus } from '../../documents/types/index.ts';

export type AnyStatus = OverallStatus | VerdictStatus | CheckStatus;

const ICONS: Record<AnyStatus, string> = {
  pass: '✅',
  fail: '❌',
  inconclusive: '⚠️',
  invalid: '🚫',
  untested: '🔲',
  warn: '⚠️',
  skip: '⏭️',
};

const WORDS: Record<AnyStatus, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
  invalid: 'INVALID',
  untested: 'UNTESTED',
  warn: 'WARN',
  skip: 'SKIP',
};

/** Scenario outcomes, what needs attention first (perf/lib/evaluate/overall-status.ts ranks them so). */
export const WORST_FIRST: readonly OverallStatus[] = ['invalid', 'fail', 'untested', 'inconclusive', 'pass'];

/** Emoji for Markdown (GitHub job summaries render them). */
export function statusIcon(status: AnyStatus): string {
  return ICONS[status];
}

/** Upper-case word, for terminals and banners. */
export function statusWord(status: AnyStatus): string {
  return WORDS[status];
}

/** Order for listing: what needs attention first. */
export function statusRank(status: AnyStatus): number {
  const order: AnyStatus[] = ['invalid', 'fail', 'untested', 'inconclusive', 'warn', 'skip', 'pass'];
  return order.indexOf(status);
}
