// The scenario outcome from hand-made checks and verdicts: invalid > fail > untested >
// inconclusive > pass, with untested and inconclusive counting only for required kinds.

import { describe, expect, it } from 'vitest';
import { decideOverallStatus } from '../../../perf/lib/evaluate/overall-status.ts';
import type { ValidityCheck, Verdict, VerdictStatus } from '../../../perf/lib/documents/types/evaluation.ts';
import { DEFAULT_GATE } from '../../../perf/lib/plan/scenarios/gate-requirements.ts';

const GATE_KINDS = DEFAULT_GATE.requiredVerdicts;

const verdict = (id: string, status: VerdictStatus, message = `${id} ${status}`): Verdict => ({
  id, rule: 'r', status, measured: {}, threshold: {}, interval: null, message, recommendation: null,
});
const allPass = (): Verdict[] => [verdict('hp-achieved-rate', 'pass'), verdict('hp-p99-improvement', 'pass'), verdict('lp-throughput-loss', 'pass'), verdict('regression.baseline.hp-p99', 'pass')];
const failedCheck: ValidityCheck = { id: 'workers-ok', title: 't', status: 'fail', arm: 'baseline', trial: 1, measured: {}, message: 'crashed', recommendation: null };
const replace = (id: string, status: VerdictStatus, message?: string) => allPass().map((v) => (v.id === id ? verdict(id, status, message) : v));

describe('decideOverallStatus', () => {
  it('passes only when every required kind was judged and passed', () => {
    const decision = decideOverallStatus([], allPass(), GATE_KINDS);
    expect(decision.status).toBe('pass');
    expect(decision.reasons).toEqual([]);
    expect(decision.statusReason).toBe('every required verdict was judged and passed: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression');
  });

  it('a skipped required verdict is untested, with its reason', () => {
    const decision = decideOverallStatus([], replace('hp-p99-improvement', 'skip', 'Not judged: arm xsched was skipped: XSCHED_ROOT is not set.'), GATE_KINDS);
    expect(decision.status).toBe('untested');
    expect(decision.statusReason).toBe('required verdict(s) not judged: hp-p99-improvement ([hp-p99-improvement] Not judged: arm xsched was skipped: XSCHED_ROOT is not set.)');
    expect(decision.verdictOutcomes[1]).toEqual({ kind: 'hp-p99-improvement', required: true, status: 'untested', reason: '[hp-p99-improvement] Not judged: arm xsched was skipped: XSCHED_ROOT is not set.' });
  });

  it('a required kind with no verdict at all is untested, not passed', () => {
    const decision = decideOverallStatus([], allPass().filter((v) => v.id !== 'lp-throughput-loss'), GATE_KINDS);
    expect(decision.status).toBe('untested');
    expect(decision.reasons).toEqual(['untested: no lp-throughput-loss verdict was produced']);
  });

  it('an inconclusive required verdict is inconclusive; untested beats it, fail beats both, invalid beats all', () => {
    const inconclusive = replace('regression.baseline.hp-p99', 'inconclusive');
    expect(decideOverallStatus([], inconclusive, GATE_KINDS).status).toBe('inconclusive');
    const both = inconclusive.map((v) => (v.id === 'hp-achieved-rate' ? verdict(v.id, 'skip') : v));
    expect(decideOverallStatus([], both, GATE_KINDS).status).toBe('untested');
    const failed = both.map((v) => (v.id === 'lp-throughput-loss' ? verdict(v.id, 'fail') : v));
    expect(decideOverallStatus([], failed, GATE_KINDS).status).toBe('fail');
    const invalid = decideOverallStatus([failedCheck], failed, GATE_KINDS);
    expect(invalid.status).toBe('invalid');
    expect(invalid.statusReason).toBe('the run is invalid (1 validity check(s) failed: workers-ok); nothing was judged');
  });

  it('a kind the scenario does not require: untested or inconclusive is listed but does not block; a fail still fails', () => {
    const required = GATE_KINDS.filter((k) => k !== 'regression');
    const skipped = replace('regression.baseline.hp-p99', 'skip', 'No stored baseline.');
    const decision = decideOverallStatus([], skipped, required);
    expect(decision.status).toBe('pass');
    expect(decision.reasons).toEqual(['untested (not required): [regression.baseline.hp-p99] No stored baseline.']);
    expect(decideOverallStatus([], replace('regression.baseline.hp-p99', 'fail'), required).status).toBe('fail');
  });

  it('a regression kind is as good as its worst verdict', () => {
    const mixed = [...allPass(), verdict('regression.xsched.hp-p99', 'skip', 'Not compared: other XSched settings.')];
    expect(decideOverallStatus([], mixed, GATE_KINDS).verdictOutcomes[3]).toMatchObject({ kind: 'regression', status: 'untested' });
  });

  it('xsched-vs-reference is informational: no outcome without a verdict, a fail is listed but fails only where required', () => {
    expect(GATE_KINDS).not.toContain('xsched-vs-reference');
    expect(decideOverallStatus([], allPass(), GATE_KINDS).verdictOutcomes.map((o) => o.kind)).not.toContain('xsched-vs-reference');
    const lost = [...allPass(), verdict('xsched-vs-reference', 'fail', 'mps-lp70 lower')];
    const decision = decideOverallStatus([], lost, GATE_KINDS);
    expect(decision.status).toBe('pass');
    expect(decision.reasons).toEqual(['fail (not required): [xsched-vs-reference] mps-lp70 lower']);
    expect(decideOverallStatus([], lost, [...GATE_KINDS, 'xsched-vs-reference']).status).toBe('fail');
  });
});
