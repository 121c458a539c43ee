import { describe, expect, it } from 'vitest';
import { checkOptionsMatch } from '../../../perf/lib/evaluate/validity/options-match.ts';
import { checkSameGpu } from '../../../perf/lib/evaluate/validity/same-gpu.ts';
import { makeArmTrial, makeFingerprint, makeRunRecord, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { contextOf } from './check-context-helper.ts';

const scenario = makeScenario({ durationMs: 1000, arms: ['baseline', 'xsched'] });
const hp = (extra: Parameters<typeof makeWorkerResult>[0]['fingerprint'] = {}) => okOutcome(makeWorkerResult({ scenario, role: 'hp', fingerprint: extra }));
const lp = (extra: Parameters<typeof makeWorkerResult>[0]['fingerprint'] = {}) => okOutcome(makeWorkerResult({ scenario, role: 'lp', fingerprint: extra }));
const otherGpu = { ...makeFingerprint('lp').gpu, uuid: 'GPU-other-1', pciBusId: '0000:3b:00.0', index: 0 };

describe('same-gpu', () => {
  it('passes when every worker reports the same UUID and PCI bus id at the requested index', () => {
    const [check] = checkSameGpu(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp(), lp()])])));
    expect(check).toMatchObject({ status: 'pass', measured: { distinctGpus: 1, expectedIndex: 0 } });
  });

  it('fails when hp and lp ran on different GPUs, listing who was where', () => {
    const [check] = checkSameGpu(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp(), lp({ gpu: otherGpu })])])));
    expect(check).toMatchObject({ status: 'fail', measured: { distinctGpus: 2 } });
    expect(check!.message).toContain('GPU-other-1 (PCI 0000:3b:00.0, Fixture GPU): baseline#0/lp');
  });

  it('fails when all agree but on another index than the scenario asked for', () => {
    const gpu = { ...makeFingerprint('hp').gpu, index: 1 };
    const [check] = checkSameGpu(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp({ gpu }), lp({ gpu })])])));
    expect(check!.status).toBe('fail');
    expect(check!.message).toContain('asked for GPU index 0');
  });
});

describe('options-match', () => {
  it('fails a worker that ran another batch than the scenario, quoting both', () => {
    const wrong = okOutcome(makeWorkerResult({ scenario, role: 'lp', options: { batch: 1024 } }));
    const [check] = checkOptionsMatch(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp(), wrong])])));
    expect(check!.status).toBe('fail');
    expect(check!.message).toContain('batch 1024 (scenario: 8)');
  });

  it('warns about an injected delay', () => {
    const injected = okOutcome(makeWorkerResult({ scenario, role: 'hp', options: { injectDelayUs: 500 } }));
    const [check] = checkOptionsMatch(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [injected, lp()])])));
    expect(check).toMatchObject({ status: 'warn', measured: { injectDelayUs: 500 } });
  });

  it('passes when everything matches', () => {
    expect(checkOptionsMatch(contextOf(makeRunRecord(scenario, [makeArmTrial(scenario, 'baseline', 0, [hp(), lp()])])))[0]!.status).toBe('pass');
  });
});
