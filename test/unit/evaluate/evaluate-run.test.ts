import { describe, expect, it } from 'vitest';
import { evaluateRun, percentileSpectrum } from '../../../perf/lib/evaluate/index.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { baselineFromRun } from '../verdicts/verdict-fixture.ts';
import { failedOutcome } from '../../fixtures/run-record/index.ts';
import { buildSyntheticRun, healthyRunSpec } from './fixtures/synthetic-run.ts';

const healthy = buildSyntheticRun(healthyRunSpec());

describe('evaluateRun', () => {
  it('a healthy run with its own stored baseline passes with no reasons', () => {
    const evaluation = evaluateRun(healthy, baselineFromRun(healthy));
    expect(evaluation).toMatchObject({ schema: 'xsched-perf.evaluation', schemaVersion: 2, runId: 'fixture-run', scenario: 'fixture', status: 'pass', reasons: [] });
    // "fixture" is not in the catalogue: the defaults require all four kinds.
    expect(evaluation.requiredVerdicts).toEqual(['hp-achieved-rate', 'hp-p99-improvement', 'lp-throughput-loss', 'regression']);
    expect(evaluation.statusReason).toBe('every required verdict was judged and passed: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression');
    expect(evaluation.verdictOutcomes.map((o) => `${o.kind}:${o.status}`)).toEqual(['hp-achieved-rate:pass', 'hp-p99-improvement:pass', 'lp-throughput-loss:pass', 'regression:pass']);
    expect(evaluation.arms.map((a) => a.arm)).toEqual(['hp-alone', 'lp-alone', 'baseline', 'xsched']);
    expect(evaluation.verdicts.map((v) => `${v.id}:${v.status}`)).toEqual([
      'hp-achieved-rate:pass',
      'hp-p99-improvement:pass',
      'lp-throughput-loss:pass',
      'regression.baseline.hp-p99:pass',
      'regression.baseline.lp-throughput:pass',
      'regression.xsched.hp-p99:pass',
      'regression.xsched.lp-throughput:pass',
    ]);
  });

  it('without a stored baseline: untested (never a pass), the regression skip listed with how to create one', () => {
    const evaluation = evaluateRun(healthy, null);
    expect(evaluation.status).toBe('untested');
    expect(evaluation.statusReason).toMatch(/^required verdict\(s\) not judged: regression \(\[regression\] No stored baseline for scenario=fixture/);
    expect(evaluation.reasons).toHaveLength(1);
    expect(evaluation.reasons[0]).toMatch(/^untested: \[regression\] No stored baseline for scenario=fixture/);
    expect(evaluation.verdictOutcomes.find((o) => o.kind === 'regression')).toMatchObject({ required: true, status: 'untested' });
  });

  it('merged arm statistics: 3 trials x 600 requests, a decodable histogram for the report', () => {
    const baseline = evaluateRun(healthy, null).arms.find((a) => a.arm === 'baseline')!;
    expect(baseline.trials).toHaveLength(3);
    expect(baseline.merged.hp!.completed).toBe(1800);
    const p99 = percentileSpectrum(baseline.merged.hp!.histogram, [99])[0]!.latencyMs;
    expect(p99).toBeGreaterThanOrEqual(baseline.merged.hp!.latencyMs.p99 * 0.998);
    expect(p99).toBeLessThanOrEqual(baseline.merged.hp!.latencyMs.p99 * 1.002);
  });

  it('invalid beats fail: a crashed worker makes the run invalid even when a threshold also fails, and nothing is judged', () => {
    const spec = healthyRunSpec();
    spec.arms.xsched = { ...spec.arms.baseline };
    const record: RunRecord = buildSyntheticRun(spec);
    const trial = record.trials.find((t) => t.arm === 'lp-alone' && t.trial === 1)!;
    trial.workers = [failedOutcome('lp', { kind: 'hang', exitCode: null, message: 'no exit 5 s after the end instant' })];
    const evaluation = evaluateRun(record, null);
    expect(evaluation.status).toBe('invalid');
    expect(evaluation.reasons[0]).toMatch(/^invalid: \[workers-ok lp-alone trial 1\] The lp worker of arm lp-alone trial 1 failed \(hang\): no exit/);
    // The failing verdict is withheld, not shown as a fail or a pass: it keeps what it would have said.
    expect(evaluation.reasons.every((r) => r.startsWith('invalid: ') || r.startsWith('warn: '))).toBe(true);
    const improvement = evaluation.verdicts.find((v) => v.id === 'hp-p99-improvement')!;
    expect(improvement.status).toBe('skip');
    expect(improvement.message).toMatch(/^\[invalid run\] Not judged: the run is invalid \(workers-ok[^)]*failed\), .* Unjudged: Fail: /);
    expect(evaluation.verdicts.every((v) => v.status === 'skip')).toBe(true);
    expect(evaluation.verdictOutcomes.every((o) => o.status === 'untested')).toBe(true);
  });

  it('fail when a threshold verdict fails on a valid run (xsched no better than baseline)', () => {
    const spec = healthyRunSpec();
    spec.arms.xsched = { ...spec.arms.baseline };
    const evaluation = evaluateRun(buildSyntheticRun(spec), null);
    expect(evaluation.status).toBe('fail');
    expect(evaluation.reasons[0]).toMatch(/^fail: \[hp-p99-improvement\]/);
  });

  it('a skipped xsched arm gives skip verdicts with the reason, listed in reasons (never a silent pass)', () => {
    const spec = healthyRunSpec();
    spec.arms.xsched = { skipped: 'XSCHED_ROOT is not set' };
    const evaluation = evaluateRun(buildSyntheticRun(spec), null);
    const xschedVerdicts = evaluation.verdicts.filter((v) => ['hp-achieved-rate', 'hp-p99-improvement', 'lp-throughput-loss'].includes(v.id));
    expect(xschedVerdicts.map((v) => v.status)).toEqual(['skip', 'skip', 'skip']);
    expect(evaluation.reasons.filter((r) => r.includes('XSCHED_ROOT is not set'))).toHaveLength(3);
  });

  it('is pure and deterministic: the same record, and its JSON round trip, evaluate identically', () => {
    const first = evaluateRun(healthy, null);
    expect(evaluateRun(healthy, null)).toEqual(first);
    expect(evaluateRun(JSON.parse(JSON.stringify(healthy)) as RunRecord, null)).toEqual(first);
  });

  it('extra checks are run and a failing one makes the run invalid', () => {
    const evaluation = evaluateRun(healthy, null, {
      extraChecks: [
        () => [{ id: 'xsched-priorities', title: 'Priorities set', status: 'fail', arm: 'xsched', trial: 0, measured: { prioritiesSet: 0 }, message: 'xserver log shows no "set priority" line', recommendation: 'set XSCHED_AUTO_XQUEUE_PRIORITY' }],
      ],
    });
    expect(evaluation.status).toBe('invalid');
    expect(evaluation.reasons[0]).toBe('invalid: [xsched-priorities xsched trial 0] xserver log shows no "set priority" line');
  });

  it('draws no verdict from an xsched arm that XSched was not shown to schedule', () => {
    const notRegistered = () => [
      { id: 'xsched.registered.hp', title: 'hp registered', status: 'fail' as const, arm: 'xsched' as const, trial: 1, measured: {}, message: 'never connected', recommendation: null },
    ];
    const evaluation = evaluateRun(healthy, baselineFromRun(healthy), { extraChecks: [notRegistered] });
    expect(evaluation.status).toBe('invalid');
    const byId = Object.fromEntries(evaluation.verdicts.map((v) => [v.id, v]));
    const why = 'Not judged: XSched was not shown to be active in arm xsched (trial 1): failed xsched.registered.hp; its numbers are not judged.';
    for (const id of ['hp-achieved-rate', 'hp-p99-improvement', 'lp-throughput-loss', 'regression.xsched.hp-p99', 'regression.xsched.lp-throughput']) {
      expect(byId[id], id).toMatchObject({ status: 'skip', message: why });
    }
    // The baseline arm was native as claimed, but the run is invalid: its verdicts are withheld too,
    // keeping what they would have said (invalid-run-verdicts.ts).
    expect(byId['regression.baseline.hp-p99']).toMatchObject({ status: 'skip', message: expect.stringMatching(/^\[invalid run\] Not judged: the run is invalid \(xsched.registered.hp failed\).* Unjudged: No regression: /) });
  });

  it('refuses something that is not a run record, quoting what it got', () => {
    expect(() => evaluateRun({ schema: 'xsched-perf.baseline', schemaVersion: 1 } as unknown as RunRecord, null)).toThrow(
      /needs a xsched-perf.run record, schemaVersion 1; received schema "xsched-perf.baseline"/,
    );
  });
});
