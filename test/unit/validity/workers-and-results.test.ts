import { describe, expect, it } from 'vitest';
import { finishedWorkers } from '../../../perf/lib/evaluate/validity/check-context.ts';
import { checkCompleteResults } from '../../../perf/lib/evaluate/validity/complete-results.ts';
import { checkResultConsistency } from '../../../perf/lib/evaluate/validity/result-consistency.ts';
import { checkWorkersOk } from '../../../perf/lib/evaluate/validity/workers-ok.ts';
import { failedOutcome, makeArmTrial, makeRunRecord, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { contextOf } from './check-context-helper.ts';
import { XSERVER_DIED_PREFIX } from '../../../perf/lib/documents/types/run-record.ts';

const scenario = makeScenario({ durationMs: 1000, arms: ['baseline'] });
const hpOk = okOutcome(makeWorkerResult({ scenario, role: 'hp', requests: [[0, 0, 1e6]] }));
const lpOk = okOutcome(makeWorkerResult({ scenario, role: 'lp', iterations: [[0, 2e9]] }));

describe('workers-ok', () => {
  it('passes when every expected worker succeeded, counting them', () => {
    const [check] = checkWorkersOk(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hpOk, lpOk])])));
    expect(check).toMatchObject({ status: 'pass', measured: { workers: 2 } });
  });

  it('a crash names the worker, arm, trial, kind, exit code and last log lines', () => {
    const crashed = failedOutcome('lp', { kind: 'crash', exitCode: 7, message: 'hipErrorOutOfMemory at conv.cpp:42', lastLogLines: ['loading', 'hipErrorOutOfMemory at conv.cpp:42'] });
    const [check] = checkWorkersOk(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 2, [hpOk, crashed])])));
    expect(check).toMatchObject({ status: 'fail', arm: 'baseline', trial: 2, measured: { role: 'lp', kind: 'crash', exitCode: 7 } });
    expect(check!.message).toContain('lp worker of arm baseline trial 2 failed (crash, exit 7)');
    expect(check!.message).toContain('"hipErrorOutOfMemory at conv.cpp:42"');
    expect(check!.recommendation).toContain('/logs/lp.log');
  });

  it('a worker of an xsched arm whose xserver died is reported as its consequence, cause first', () => {
    const xsched = makeScenario({ durationMs: 1000, arms: ['xsched'] });
    const crashed = failedOutcome('hp', { kind: 'crash', exitCode: null, signal: 'SIGSEGV', message: 'hp worker: killed by SIGSEGV', lastLogLines: [] });
    const trial = makeArmTrial(xsched, 'xsched', 0, [crashed, lpOk]);
    const died = `${XSERVER_DIED_PREFIX}4321) died during the arm (killed by SIGKILL); the failures of this arm's workers follow from it. Last lines of x.log:\n  bye`;
    trial.xsched = { ...(trial.xsched ?? ({} as NonNullable<typeof trial.xsched>)), xqueuesError: died };
    const [check] = checkWorkersOk(contextOf(makeRunRecord(xsched, [trial])));
    expect(check!.message).toMatch(/^CONSEQUENCE of the xserver \(pid 4321\) died during the arm \(killed by SIGKILL\): The hp worker of arm xsched trial 0 failed \(crash, signal SIGSEGV\)/);
    expect(check!.recommendation).toMatch(/^Find why the xserver died/);
  });

  it('each failure kind gets its own advice (never-ready, late, hang)', () => {
    const kinds = ['never-ready', 'late', 'hang'] as const;
    const advice = kinds.map((kind) => {
      const record = makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [failedOutcome('hp', { kind }), lpOk])]);
      return checkWorkersOk(contextOf(record))[0]!.recommendation;
    });
    expect(new Set(advice).size).toBe(3);
  });

  it('a missing worker outcome fails; skipped arm-trials are not checked', () => {
    const record = makeRunRecord(scenario, [
      makeArmTrial(scenario, 'baseline', 0, [hpOk]),
      makeArmTrial(scenario, 'xsched', 0, [], { skipped: 'XSCHED_ROOT is not set' }),
    ]);
    const checks = checkWorkersOk(contextOf(record));
    expect(checks).toHaveLength(1);
    expect(checks[0]!.message).toContain('lp worker of arm baseline trial 0 has no recorded outcome');
  });
});

describe('finishedWorkers', () => {
  it('yields the workers with a result, in record order, leaving out failed workers and skipped arm-trials', () => {
    const partial = okOutcome(makeWorkerResult({ scenario, role: 'hp', requests: [], partial: true }));
    const record = makeRunRecord(scenario, [
      makeArmTrial(scenario, 'baseline', 0, [hpOk, failedOutcome('lp')]),
      makeArmTrial(scenario, 'xsched', 0, [partial], { skipped: 'XSCHED_ROOT is not set' }),
      makeArmTrial(scenario, 'baseline', 1, [partial, lpOk]),
    ]);
    const seen = [...finishedWorkers(record)].map(({ trial, outcome }) => `${trial.arm}#${trial.trial}/${outcome.role}`);
    expect(seen).toEqual(['baseline#0/hp', 'baseline#1/hp', 'baseline#1/lp']);
  });
});

describe('complete-results', () => {
  it('fails on a partial result, with its reason', () => {
    const partial = okOutcome(makeWorkerResult({ scenario, role: 'hp', requests: [], partial: true }));
    const [check] = checkCompleteResults(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [partial, lpOk])])));
    expect(check).toMatchObject({ status: 'fail', measured: { role: 'hp', partialReason: 'SIGTERM' } });
  });

  it('passes otherwise', () => {
    expect(checkCompleteResults(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hpOk, lpOk])])))[0]!.status).toBe('pass');
  });
});

describe('result-consistency', () => {
  it('fails when a worker measured another window than the trial handed out', () => {
    const shifted = okOutcome({ ...makeWorkerResult({ scenario, role: 'hp', requests: [[0, 0, 1e6]] }), endNs: '9' });
    const [check] = checkResultConsistency(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [shifted, lpOk])])));
    expect(check!.status).toBe('fail');
    expect(check!.message).toMatch(/hp worker measured \[\d+, 9\] but the trial window is/);
  });

  it('fails on impossible request times and reports how many', () => {
    const bad = okOutcome(makeWorkerResult({ scenario, role: 'hp', requests: [[0, 5e6, 1e6], [1e8, 1e8, 1.01e8]] }));
    const [check] = checkResultConsistency(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [bad, lpOk])])));
    expect(check!.message).toContain('1 hp requests have impossible times');
  });

  it('passes on consistent results', () => {
    expect(checkResultConsistency(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hpOk, lpOk])])))[0]!.status).toBe('pass');
  });
});
