// All validity checks of a run, the built-in ones and those passed in (XSched, MPS).
// A check function that throws becomes a failed check carrying the error: a broken check
// must not pass a run silently, nor hide the other checks' findings.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { CheckContext, ValidityCheckFn } from './check-context.ts';
import { makeCheck } from './check-context.ts';
import { checkCompleteResults } from './complete-results.ts';
import { checkContention } from './contention.ts';
import { checkEnvironment } from './environment/index.ts';
import { checkHpAloneRate } from './hp-alone-rate.ts';
import { checkOptionsMatch } from './options-match.ts';
import { checkOverlap } from './overlap.ts';
import { checkResultConsistency } from './result-consistency.ts';
import { checkSameGpu } from './same-gpu.ts';
import { checkSampleCount } from './sample-count.ts';
import { checkWorkersOk } from './workers-ok.ts';

export type ExtraCheck = (record: RunRecord) => ValidityCheck[];

export const BUILT_IN_CHECKS: ReadonlyArray<[string, ValidityCheckFn]> = [
  ['workers-ok', checkWorkersOk],
  ['complete-results', checkCompleteResults],
  ['result-consistency', checkResultConsistency],
  ['same-gpu', checkSameGpu],
  ['options-match', checkOptionsMatch],
  ['overlap', checkOverlap],
  ['sample-count', checkSampleCount],
  ['hp-alone-rate', checkHpAloneRate],
  ['contention', checkContention],
  ['environment', checkEnvironment],
];

function runGuarded(name: string, run: () => ValidityCheck[]): ValidityCheck[] {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      makeCheck({
        id: `check-error:${name}`,
        title: `Check "${name}" could not run`,
        status: 'fail',
        measured: { error: reason },
        message: `The validity check "${name}" threw: ${reason}. The run cannot be called valid without it.`,
        recommendation: 'This is a bug in the check or a corrupt record: report it with the saved run record.',
      }),
    ];
  }
}

export function runValidityChecks(context: CheckContext, extraChecks: ExtraCheck[] = []): ValidityCheck[] {
  const checks = BUILT_IN_CHECKS.flatMap(([name, check]) => runGuarded(name, () => check(context)));
  extraChecks.forEach((check, index) => {
    checks.push(...runGuarded(check.name || `extra-check-${index}`, () => check(context.record)));
  });
  return checks;
}
