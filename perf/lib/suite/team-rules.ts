// A team's own rules on a declared scenario's run (definePerfScenario's second argument):
// each rule is a test that runs its assertion (usually the matchers of perf/lib/suite/matchers/)
// only when the run can answer it. Like the built-in verdict tests (verdict-tests.ts), a rule
// that cannot be judged (an invalid run, an arm of the scenario that never ran) is never a
// pass: strict mode (PERF_STRICT=1 or CI=true) fails it, otherwise it is skipped with why.

import type { RunRecord } from '../documents/types/index.ts';
import type { FinishedRun } from './finish-run.ts';
import { notAPass } from './verdict-tests.ts';

/** Its return value is ignored (a matcher returns its subject); a returned promise is awaited. */
export type TeamRule = (run: FinishedRun) => unknown;

export interface TeamRules {
  /** Declares one test: `assertion` receives the finished run (record, evaluation, report path). */
  rule(title: string, assertion: TeamRule): void;
}

/** Why the run cannot answer a rule, or null when it can. */
export function whyRuleNotJudged(run: FinishedRun): string | null {
  if (run.evaluation.status === 'invalid') return 'the run is invalid (see "run is valid")';
  return unmeasuredArm(run.record);
}

function unmeasuredArm(record: RunRecord): string | null {
  for (const arm of record.scenario.arms) {
    const trials = record.trials.filter((t) => t.arm === arm);
    if (trials.some((t) => t.skipped === null)) continue;
    const skipped = trials.find((t) => t.skipped !== null)?.skipped;
    return `arm ${arm} of scenario ${record.scenario.name} was not measured${skipped ? `: skipped (${skipped})` : ' in any trial'}`;
  }
  return null;
}

/** A rule the run cannot answer is untested, never a pass (verdict-tests.ts's notAPass). */
export function ruleSkipMessage(reason: string, strict: boolean): ReturnType<typeof notAPass> {
  return notAPass('UNTESTED', ` ${reason}`, strict);
}
