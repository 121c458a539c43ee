// A run that failed a validity check is invalid, and "nothing was judged" (overall-status.ts)
// must then hold in every output. Its verdicts become skips that keep what they would have said
// after "Unjudged:", as the drift and calibration skips do (verdicts/verdict-context.ts, withholdJudged). Until
// 2026-12-02 they kept their pass or fail: the Markdown summary, the HTML report, the JSON outcomes
// and the Vitest annotations ticked every verdict of a standard run whose hp-alone P99 had
// doubled between trials (docs/gpu-results.md section 27), under a banner saying INVALID.

import type { ValidityCheck, Verdict } from '../documents/types/evaluation.ts';
import { withholdJudged } from './verdicts/verdict-context.ts';

export const INVALID_RUN_TAG = '[invalid run]';

/** `verdicts` unchanged for a valid run; for an invalid one, each not yet skipped becomes a skip. */
export function withholdVerdictsOfInvalidRun(checks: readonly ValidityCheck[], verdicts: Verdict[]): Verdict[] {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return verdicts;
  const ids = [...new Set(failed.map((c) => c.id))].join(', ');
  const first = failed[0]!;
  return withholdJudged(
    verdicts,
    `${INVALID_RUN_TAG} Not judged: the run is invalid (${ids} failed), so its arms cannot be compared with each other or with a stored baseline. Unjudged:`,
    `Make the run valid first (${first.id}): ${first.recommendation ?? first.message}`,
  );
}
