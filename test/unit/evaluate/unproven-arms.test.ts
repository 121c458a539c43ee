import { describe, expect, it } from 'vitest';
import { findUnprovenArms, labelArm } from '../../../perf/lib/evaluate/unproven-arms.ts';
import type { ValidityCheck } from '../../../perf/lib/documents/types/evaluation.ts';

const check = (id: string, status: ValidityCheck['status'], arm: ValidityCheck['arm'], trial: number | null): ValidityCheck => ({
  id, title: id, status, arm, trial, measured: {}, message: '', recommendation: null,
});

describe('findUnprovenArms', () => {
  it('is empty when every XSched check passed, and ignores other failed checks (overlap) and skips', () => {
    const checks = [check('xsched.registered.hp', 'pass', 'xsched', 0), check('overlap', 'fail', 'xsched', 0), check('xsched.active', 'skip', 'xsched', 0)];
    expect(findUnprovenArms(checks).size).toBe(0);
  });

  it('names each failed proof of the xsched arm once, and the trials, sorted', () => {
    const checks = [
      check('xsched.shim-mapped.hp', 'fail', 'xsched', 2),
      check('xsched.registered.lp', 'fail', 'xsched', 0),
      check('xsched.shim-mapped.hp', 'fail', 'xsched', 0),
    ];
    expect(findUnprovenArms(checks).get('xsched')).toBe(
      'XSched was not shown to be active in arm xsched (trial 0, 2): failed xsched.shim-mapped.hp, xsched.registered.lp; its numbers are not judged',
    );
  });

  it('names at most three failed proofs and counts the rest', () => {
    const ids = ['xsched.shim-mapped.hp', 'xsched.registered.hp', 'xsched.queue-created.hp', 'xsched.queue-listed.hp', 'xsched.priority-set.hp'];
    expect(findUnprovenArms(ids.map((id) => check(id, 'fail', 'xsched', 0))).get('xsched')).toBe(
      'XSched was not shown to be active in arm xsched (trial 0): failed xsched.shim-mapped.hp, xsched.registered.hp, xsched.queue-created.hp and 2 more xsched.* checks; its numbers are not judged',
    );
  });

  it('marks a native arm in which XSched was found', () => {
    const reasons = findUnprovenArms([check('xsched.absent', 'fail', 'baseline', 1)]);
    expect([...reasons.keys()]).toEqual(['baseline']);
    expect(reasons.get('baseline')).toBe('XSched was found in arm baseline (trial 1): failed xsched.absent; its numbers are not judged');
  });
});

describe('labelArm', () => {
  it('adds "(unproven)" only to an arm with a failed XSched check', () => {
    const checks = [check('xsched.global-scheduler.lp', 'fail', 'xsched', 0)];
    expect(labelArm('xsched', checks)).toBe('xsched (unproven)');
    expect(labelArm('baseline', checks)).toBe('baseline');
  });
});
