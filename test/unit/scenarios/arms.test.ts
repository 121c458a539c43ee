// The arm table is the one place an arm is described; these are the facts the rest of
// the suite relies on when it derives roles, priorities, setup and colours from it.

import { describe, expect, it } from 'vitest';
import { ALL_ARMS, ARM_COLORS, ARM_TABLE, CONCURRENT_ARMS, DEFAULT_ARMS, REFERENCE_ARMS, armSpec } from '../../../perf/lib/plan/scenarios/arms.ts';
import { rolesForArm, streamPriorityFor } from '../../../perf/lib/run/worker/worker-args.ts';
import { rolesOfArm } from '../../../perf/lib/evaluate/validity/check-context.ts';

describe('the arm table', () => {
  it('lists every arm once, in interleaving order, stream-priority off by default', () => {
    expect(ALL_ARMS).toEqual(['hp-alone', 'lp-alone', 'baseline', 'xsched', 'stream-priority', 'mps-lp30', 'mps-lp50', 'mps-lp70', 'mps-lp80', 'mps-lp90', 'mps-lp100', 'cu-mask-lp50', 'cu-mask-lp75']);
    expect(DEFAULT_ARMS).toEqual(['hp-alone', 'lp-alone', 'baseline', 'xsched']);
  });

  it('concurrent arms are exactly those running both workers', () => {
    expect(CONCURRENT_ARMS).toEqual(ARM_TABLE.filter((a) => a.roles.length === 2).map((a) => a.name));
  });

  it('only the xsched arm gets the XSched setup, only stream-priority asks for stream priorities', () => {
    expect(ARM_TABLE.filter((a) => a.setup === 'xsched').map((a) => a.name)).toEqual(['xsched']);
    expect(ARM_TABLE.filter((a) => a.streamPriority.hp !== 'default' || a.streamPriority.lp !== 'default').map((a) => a.name)).toEqual(['stream-priority']);
  });

  it('gives each arm its own colour and label', () => {
    expect(new Set(Object.values(ARM_COLORS)).size).toBe(ALL_ARMS.length);
    expect(new Set(ARM_TABLE.map((a) => a.label)).size).toBe(ALL_ARMS.length);
  });

  it('worker arguments and the checks read their roles and priorities from it', () => {
    for (const arm of ALL_ARMS) {
      expect(rolesForArm(arm)).toEqual(armSpec(arm).roles);
      expect(rolesOfArm(arm)).toEqual(armSpec(arm).roles);
      for (const role of armSpec(arm).roles) expect(streamPriorityFor(arm, role)).toBe(armSpec(arm).streamPriority[role]);
    }
  });

  it('reference arms are opt-in, and each MPS arm limits lp by the percentage its name says', () => {
    expect(REFERENCE_ARMS).toEqual(['stream-priority', 'mps-lp30', 'mps-lp50', 'mps-lp70', 'mps-lp80', 'mps-lp90', 'mps-lp100', 'cu-mask-lp50', 'cu-mask-lp75']);
    expect(REFERENCE_ARMS.filter((arm) => armSpec(arm).defaultOn)).toEqual([]);
    for (const spec of ARM_TABLE.filter((a) => a.setup === 'mps-thread-percentage')) {
      expect(spec.name).toBe(`mps-lp${spec.lpThreadPercent}`);
      expect(spec.concurrent).toBe(true);
    }
    for (const spec of ARM_TABLE.filter((a) => a.setup === 'cu-mask')) {
      expect(spec.name).toBe(`cu-mask-lp${spec.lpCuPercent}`);
      expect(spec.streamPriority).toEqual({ hp: 'default', lp: 'default' });
    }
  });

  it('refuses an unknown arm, listing the known ones', () => {
    expect(() => armSpec('bogus' as never)).toThrow('unknown arm "bogus"; expected one of hp-alone, lp-alone, baseline, xsched, stream-priority, mps-lp30, mps-lp50, mps-lp70, mps-lp80, mps-lp90, mps-lp100, cu-mask-lp50, cu-mask-lp75');
  });
});
