// evaluateRun always runs the XSched and sharing-mode evidence checks: a native arm whose
// worker has XSched mapped, or an xsched arm without XSched evidence, is caught by a plain
// evaluateRun(record, baseline), the call a live run and a replay both make.

import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { buildSyntheticRun, healthyRunSpec } from './fixtures/synthetic-run.ts';

const SHIM = '/opt/xsched/lib/libshimcuda.so';

function absenceChecksOfBaseline(mapShimInBaselineLp: boolean) {
  const record = buildSyntheticRun(healthyRunSpec());
  if (mapShimInBaselineLp) {
    const lp = record.trials.find((t) => t.arm === 'baseline' && t.trial === 0)?.workers.find((w) => w.role === 'lp');
    if (!lp?.ok) throw new Error('fixture: expected a finished lp worker in baseline trial 0');
    lp.result.fingerprint.xschedLibraries = [SHIM];
  }
  return evaluateRun(record, null).checks.filter((c) => c.id === 'xsched.absent' && c.arm === 'baseline');
}

describe('evaluateRun evidence checks', () => {
  it('pass every baseline arm-trial without XSched', () => {
    const checks = absenceChecksOfBaseline(false);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.map((c) => c.status)).toEqual(checks.map(() => 'pass'));
  });

  it('fail the baseline trial whose lp worker has the XSched shim mapped, naming it', () => {
    const failing = absenceChecksOfBaseline(true).filter((c) => c.status === 'fail');
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ trial: 0 });
    expect(failing[0]!.message).toContain(`lp (pid `);
    expect(failing[0]!.message).toContain(`${SHIM}: this arm is not native`);
  });

  it('a healthy xsched arm passes every XSched proof for both roles', () => {
    const xsched = evaluateRun(buildSyntheticRun(healthyRunSpec()), null).checks.filter((c) => c.id.startsWith('xsched.') && c.arm === 'xsched');
    expect(xsched).toHaveLength(3 * 2 * 6);
    expect(xsched.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('an xsched arm that recorded no XSched evidence makes the run invalid', () => {
    const record = buildSyntheticRun(healthyRunSpec());
    const trial = record.trials.find((t) => t.arm === 'xsched' && t.trial === 2)!;
    trial.xsched = null;
    const evaluation = evaluateRun(record, null);
    expect(evaluation.status).toBe('invalid');
    expect(evaluation.checks.find((c) => c.id === 'xsched.active')).toMatchObject({ status: 'fail', trial: 2 });
  });

  it('an arm that recorded no sharing evidence makes the run invalid', () => {
    const record = buildSyntheticRun(healthyRunSpec());
    record.trials[0]!.sharing = null;
    const evaluation = evaluateRun(record, null);
    expect(evaluation.status).toBe('invalid');
    expect(evaluation.checks.find((c) => c.id === 'sharing.recorded')).toMatchObject({ status: 'fail', arm: record.trials[0]!.arm });
  });
});
