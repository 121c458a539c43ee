// All validity checks of a run: the built-in ones, the XSched and sharing-mode evidence
// checks (always: a run without them would pass an xsched arm XSched never scheduled),
// and any a test passes in.
// A check function that throws becomes a failed check carrying the error: a broken check
// must not pass a run silently, nor hide the other checks' findings.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { CheckContext, ValidityCheckFn } from './check-context.ts';
import { makeCheck } from './check-context.ts';
import { checkCompleteResults } from './complete-results.ts';
import { checkAloneStability } from './alone-stability.ts';
import { checkContention } from './contention.ts';
import { checkEnvironment } from './environment/index.ts';
import { checkHpAloneRate } from './hp-alone-rate.ts';
import { checkLpStalls } from './lp-stalls.ts';
import { checkOptionsMatch } from './options-match.ts';
import { checkOverlap } from './overlap.ts';
import { checkResultConsistency } from './result-consistency.ts';
import { checkRunComplete } from './run-complete.ts';
import { checkSameGpu } from './same-gpu.ts';
import { checkSampleCount } from './sample-count.ts';
import { checkTailStalls } from './tail-stalls.ts';
import { checkWorkersOk } from './workers-ok.ts';
import { sharingChecks } from './sharing-checks.ts';
import { xschedChecks } from './xsched-checks.ts';
import { referenceChecks } from './reference-checks.ts';

export type ExtraCheck = (record: RunRecord) => ValidityCheck[];

export const BUILT_IN_CHECKS: ReadonlyArray<[string, ValidityCheckFn]> = [
  ['run-complete', checkRunComplete],
  ['workers-ok', checkWorkersOk],
  ['complete-results', checkCompleteResults],
  ['result-consistency', checkResultConsistency],
  ['same-gpu', checkSameGpu],
  ['options-match', checkOptionsMatch],
  ['overlap', checkOverlap],
  ['sample-count', checkSampleCount],
  ['hp-alone-rate', checkHpAloneRate],
  ['alone-stability', checkAloneStability],
  ['tail-stalls', checkTailStalls],
  ['lp-stalls', checkLpStalls],
  ['contention', checkContention],
  ['environment', checkEnvironment],
];

/** Checks on the arms' recorded evidence: XSched active only in the xsched arm, the sharing mode as asked, reference mechanisms in force. */
export const EVIDENCE_CHECKS: ReadonlyArray<[string, ExtraCheck]> = [
  ['xsched', xschedChecks],
  ['sharing', sharingChecks],
  ['reference', referenceChecks],
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
  for (const [name, check] of EVIDENCE_CHECKS) checks.push(...runGuarded(name, () => check(context.record)));
  extraChecks.forEach((check, index) => {
    checks.push(...runGuarded(check.name || `extra-check-${index}`, () => check(context.record)));
  });
  return checks;
}
