// An invalid run's verdicts are withheld: skips that keep what they would have said, so no output
// ticks a verdict of a run whose measurement cannot be trusted (invalid-run-verdicts.ts).

import { describe, expect, it } from 'vitest';
import { INVALID_RUN_TAG, withholdVerdictsOfInvalidRun } from '../../../perf/lib/evaluate/invalid-run-verdicts.ts';
import type { CheckStatus, ValidityCheck, Verdict, VerdictStatus } from '../../../perf/lib/documents/types/evaluation.ts';

const verdict = (id: string, status: VerdictStatus, message: string): Verdict => ({
  id, rule: 'r', status, measured: { ratio: 1.09 }, threshold: {}, interval: null, message, recommendation: 'r0',
});
const check = (id: string, status: CheckStatus, recommendation: string | null = null): ValidityCheck => ({
  id, title: 't', status, arm: 'hp-alone', trial: null, measured: {}, message: `${id} message`, recommendation,
});
const verdicts = [verdict('hp-p99-improvement', 'pass', 'Pass: 52.7%'), verdict('regression.xsched.hp-p99', 'fail', 'Regression: x1.4'), verdict('hp-achieved-rate', 'skip', 'Not judged: arm xsched was skipped.')];

describe('withholdVerdictsOfInvalidRun', () => {
  it('leaves a valid run untouched: warnings do not withhold', () => {
    expect(withholdVerdictsOfInvalidRun([check('tail-stalls', 'warn'), check('workers-ok', 'pass')], verdicts)).toBe(verdicts);
  });

  it('turns a pass and a fail of an invalid run into skips that keep the measured values and what they would have said', () => {
    const checks = [check('alone-stability', 'fail', 'Run again when the machine is quiet.'), check('workers-ok', 'fail'), check('alone-stability', 'fail')];
    const [improvement, regression, skipped] = withholdVerdictsOfInvalidRun(checks, verdicts);
    expect(improvement).toEqual({
      ...verdicts[0],
      status: 'skip',
      message: `${INVALID_RUN_TAG} Not judged: the run is invalid (alone-stability, workers-ok failed), so its arms cannot be compared with each other or with a stored baseline. Unjudged: Pass: 52.7%`,
      recommendation: 'Make the run valid first (alone-stability): Run again when the machine is quiet.',
    });
    expect(regression!.status).toBe('skip');
    expect(regression!.message.endsWith('Unjudged: Regression: x1.4')).toBe(true);
    expect(regression!.measured).toEqual({ ratio: 1.09 });
    // Already a skip: its own reason stays.
    expect(skipped).toBe(verdicts[2]);
  });

  it('falls back to the check message when the failed check has no recommendation', () => {
    const [first] = withholdVerdictsOfInvalidRun([check('workers-ok', 'fail')], verdicts);
    expect(first!.recommendation).toBe('Make the run valid first (workers-ok): workers-ok message');
  });
});
