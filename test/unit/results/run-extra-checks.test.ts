// The checks every run and replay adds to the built-in ones (RUN_EXTRA_CHECKS): a native
// arm whose worker has XSched mapped must be caught on that path, not only when
// xschedChecks is called on its own.

import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { RUN_EXTRA_CHECKS } from '../../../perf/lib/suite/replay-run.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';

const SHIM = '/opt/xsched/lib/libshimcuda.so';

function absenceChecksOfBaseline(mapShimInBaselineLp: boolean) {
  const record = buildSyntheticRun(healthyRunSpec());
  if (mapShimInBaselineLp) {
    const lp = record.trials.find((t) => t.arm === 'baseline' && t.trial === 0)?.workers.find((w) => w.role === 'lp');
    if (!lp?.ok) throw new Error('fixture: expected a finished lp worker in baseline trial 0');
    lp.result.fingerprint.xschedLibraries = [SHIM];
  }
  const evaluation = evaluateRun(record, null, { extraChecks: [...RUN_EXTRA_CHECKS] });
  return evaluation.checks.filter((c) => c.id === 'xsched.absent' && c.arm === 'baseline');
}

describe('RUN_EXTRA_CHECKS', () => {
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
});
