// How each verdict kind's outcome becomes a Vitest result: only a judged pass passes; in
// strict mode (PERF_STRICT=1 or CI=true) untested and inconclusive fail; locally they are
// skips that carry their reason; PERF_REQUIRE_BASELINE=1 fails on any baseline problem.

import { describe, expect, it } from 'vitest';
import { decideVerdictTest, VERDICT_TESTS, type VerdictTest } from '../../../perf/lib/suite/verdict-tests.ts';
import type { OverallStatus, ScenarioEvaluation, VerdictKindOutcome } from '../../../perf/lib/documents/types/evaluation.ts';

const test = (kind: VerdictTest['kind']): VerdictTest => VERDICT_TESTS.find((t) => t.kind === kind)!;

function evaluation(status: OverallStatus, outcomes: Array<Partial<VerdictKindOutcome> & Pick<VerdictKindOutcome, 'kind' | 'status'>>): ScenarioEvaluation {
  return {
    schema: 'xsched-perf.evaluation', schemaVersion: 2, runId: 'r', scenario: 'quick', arms: [], checks: [], reasons: [],
    verdicts: outcomes.map((o) => ({ id: o.kind, rule: 'r', status: o.status === 'untested' ? 'skip' : o.status, measured: {}, threshold: {}, interval: null, message: `${o.kind} says ${o.status}`, recommendation: 'do this' })),
    status, statusReason: 'why', requiredVerdicts: [],
    verdictOutcomes: outcomes.map((o) => ({ required: true, reason: `${o.kind} says ${o.status}`, ...o })),
  };
}
const local = { strict: false, requireBaseline: false, baselineProblem: null };
const strict = { ...local, strict: true };

describe('decideVerdictTest', () => {
  it('passes a pass and fails a fail with the message and what to do', () => {
    expect(decideVerdictTest(test('hp-achieved-rate'), evaluation('pass', [{ kind: 'hp-achieved-rate', status: 'pass' }]), strict)).toEqual({ kind: 'pass' });
    expect(decideVerdictTest(test('hp-achieved-rate'), evaluation('fail', [{ kind: 'hp-achieved-rate', status: 'fail' }]), local)).toEqual({
      kind: 'fail',
      message: '[hp-achieved-rate] hp-achieved-rate says fail\n  what to do: do this',
    });
  });

  it('untested: a skip with the reason locally, a failure in strict mode', () => {
    const untested = evaluation('untested', [{ kind: 'hp-p99-improvement', status: 'untested' }]);
    const skipped = decideVerdictTest(test('hp-p99-improvement'), untested, local);
    expect(skipped).toEqual({ kind: 'skip', message: 'UNTESTED: not a pass (CI=true or PERF_STRICT=1 fails it):\n[hp-p99-improvement] hp-p99-improvement says untested\n  what to do: do this' });
    const failed = decideVerdictTest(test('hp-p99-improvement'), untested, strict);
    expect(failed.kind).toBe('fail');
    expect(failed).toMatchObject({ message: expect.stringMatching(/^UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass:\n\[hp-p99-improvement\]/) });
  });

  it('inconclusive fails in strict mode too; a kind the scenario does not require stays a skip', () => {
    const inconclusive = evaluation('inconclusive', [{ kind: 'lp-throughput-loss', status: 'inconclusive' }]);
    expect(decideVerdictTest(test('lp-throughput-loss'), inconclusive, strict).kind).toBe('fail');
    const optional = evaluation('pass', [{ kind: 'regression', status: 'untested', required: false }]);
    expect(decideVerdictTest(test('regression'), optional, strict)).toMatchObject({ kind: 'skip', message: expect.stringMatching(/^UNTESTED \(not required by scenario quick\): /) });
  });

  it('PERF_REQUIRE_BASELINE=1 fails the regression test on any baseline problem, a workload mismatch included', () => {
    const mismatch = evaluation('untested', [{ kind: 'regression', status: 'untested' }]);
    const problem = 'The stored baseline (run x) was measured with another workload: durationMs 30000 -> 180000 (stored -> this run).';
    expect(decideVerdictTest(test('regression'), mismatch, { ...local, requireBaseline: true, baselineProblem: problem })).toEqual({ kind: 'fail', message: `PERF_REQUIRE_BASELINE=1: ${problem}` });
  });

  it('does not judge an invalid run (the validity test fails instead)', () => {
    expect(decideVerdictTest(test('regression'), evaluation('invalid', [{ kind: 'regression', status: 'pass' }]), strict).kind).toBe('skip');
  });
});
