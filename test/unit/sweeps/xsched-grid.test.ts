// XSched's other settings as sweep points: lp batch size, level and policy, each replacing one
// PERF_XSCHED_* setting for the xsched arm alone and reaching the worker or the xserver
// through readXschedConfig (docs/xsched.md, docs/sweeps.md).

import { describe, expect, it } from 'vitest';
import { judgeBudget } from '../../../perf/lib/evaluate/sweeps/budget-verdicts.ts';
import { findUnknownVariableWarnings } from '../../../perf/lib/plan/config/known-variables.ts';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { expandGrid } from '../../../perf/lib/plan/sweeps/expand.ts';
import { readSweepGrid } from '../../../perf/lib/plan/sweeps/grid.ts';
import { buildXschedWorkerEnv } from '../../../perf/lib/run/xsched/worker-env.ts';
import { unitProviderEnv } from '../../../perf/lib/suite/sweep/live-unit-trial.ts';
import { point } from './sweep-points.ts';

const install = { root: '/opt/xsched', xserverPath: '/opt/xsched/bin/xserver', libDir: '/opt/xsched/lib', shimPath: '/opt/xsched/lib/libshimcuda.so', driverFoundAt: '/usr/lib/libcuda.so.1', driverLibrary: null };
const suiteEnv = { XSCHED_ROOT: '/opt/xsched' };

describe('xsched sweep grid: batch size, level, policy', () => {
  it('expands each value into an xsched point that replaces one setting', () => {
    const units = expandGrid(readSweepGrid({ PERF_SWEEP_XSCHED_LP_BATCH: '1,2', PERF_SWEEP_XSCHED_LEVEL: '1,2', PERF_SWEEP_XSCHED_POLICY: 'HPF,CFS' }, 'mps'));
    expect(units.map((u) => [u.id, u.arm, u.suiteEnv])).toEqual([
      ['xsched lp-batch=1', 'xsched', { PERF_XSCHED_BATCH_SIZE_LP: '1' }],
      ['xsched lp-batch=2', 'xsched', { PERF_XSCHED_BATCH_SIZE_LP: '2' }],
      ['xsched level=1', 'xsched', { PERF_XSCHED_LEVEL: '1' }],
      ['xsched level=2', 'xsched', { PERF_XSCHED_LEVEL: '2' }],
      ['xsched policy=HPF', 'xsched', { PERF_XSCHED_POLICY: 'HPF' }],
      ['xsched policy=CFS', 'xsched', { PERF_XSCHED_POLICY: 'CFS' }],
    ]);
  });

  it('a point reaches readXschedConfig and the lp worker; the rest keep their defaults', () => {
    const [batch, level, policy] = expandGrid(readSweepGrid({ PERF_SWEEP_XSCHED_LP_BATCH: '3', PERF_SWEEP_XSCHED_LEVEL: '2', PERF_SWEEP_XSCHED_POLICY: 'CFS' }, 'mps'));
    const batchConfig = readXschedConfig(unitProviderEnv(suiteEnv, batch!), 'cuda');
    const lp = buildXschedWorkerEnv('lp', {}, batchConfig, install);
    expect([lp.XSCHED_AUTO_XQUEUE_THRESHOLD, lp.XSCHED_AUTO_XQUEUE_BATCH_SIZE, lp.XSCHED_AUTO_XQUEUE_LEVEL]).toEqual(['4', '3', '1']);
    const levelConfig = readXschedConfig(unitProviderEnv(suiteEnv, level!), 'cuda');
    expect(buildXschedWorkerEnv('hp', {}, levelConfig, install).XSCHED_AUTO_XQUEUE_LEVEL).toBe('2');
    expect([readXschedConfig(unitProviderEnv(suiteEnv, policy!), 'cuda').policy, levelConfig.policy]).toEqual(['CFS', 'HPF']);
  });

  it('rejects what XSched does not accept, quoting the value', () => {
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_LEVEL: '1,4' }, 'mps')).toThrow('PERF_SWEEP_XSCHED_LEVEL="1,4": "4" is not an XSched level, an integer from 1 to 3');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_POLICY: 'HPF,hpf' }, 'mps')).toThrow('PERF_SWEEP_XSCHED_POLICY="HPF,hpf": "hpf" is not an XSched policy: use HPF, HHPF');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_LP_BATCH: '0' }, 'mps')).toThrow('"0" is not an lp batch size, an integer from 1 to 1000000');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_LP_BATCH: '2,8' }, 'mps')).toThrow('PERF_SWEEP_XSCHED_LP_BATCH="2,8": 8 is larger than the lp threshold 4 (the default)');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_POLICY: 'CFS,CFS' }, 'mps')).toThrow('lists CFS twice');
  });

  it('a batch size up to a fixed PERF_XSCHED_THRESHOLD_LP is accepted', () => {
    expect(readSweepGrid({ PERF_SWEEP_XSCHED_LP_BATCH: '8', PERF_XSCHED_THRESHOLD_LP: '16' }, 'mps').xschedLpBatch).toEqual([8]);
  });

  it.each([
    ['PERF_SWEEP_XSCHED_LP_BATCH', '2', 'PERF_XSCHED_BATCH_SIZE_LP'],
    ['PERF_SWEEP_XSCHED_LEVEL', '2', 'PERF_XSCHED_LEVEL'],
    ['PERF_SWEEP_XSCHED_POLICY', 'CFS', 'PERF_XSCHED_POLICY'],
    ['PERF_SWEEP_XSCHED_LP_THRESHOLD', '2', 'PERF_XSCHED_THRESHOLD_LP'],
  ])('%s conflicts with a fixed %s', (variable, value, fixed) => {
    expect(() => readSweepGrid({ [variable]: value, [fixed]: '1' }, 'mps')).toThrow(`${fixed}="1" conflicts with ${variable}`);
  });

  it('the new variables are known, not warned about as misspelt', () => {
    const env = { PERF_SWEEP_XSCHED_LP_BATCH: '2', PERF_SWEEP_XSCHED_LEVEL: '1', PERF_SWEEP_XSCHED_POLICY: 'HPF' };
    expect(findUnknownVariableWarnings(env)).toEqual([]);
  });
});

describe('budget verdicts count every xsched setting as XSched', () => {
  it('a level point is XSched, not a reference: with only xsched points the verdict is untested for want of a reference', () => {
    const level2 = point('xsched level=2', 'xsched-level', [2, 2.2, 2.4], [0.01, 0.02, 0.03]);
    expect(judgeBudget([level2], { lpLossBudget: 0.1, maxRatio: 1.2 }).message).toBe('Not judged: no proven reference point (MPS, CU mask, stream priority) with data in the sweep.');
    const mps = point('mps lp-percent=90', 'mps-lp-percent', [2, 2.1, 2.2], [0.05, 0.06, 0.07]);
    // 2.4 ms (level 2 high) <= 1.2 x 2 ms (mps low): pass, chosen as the xsched point.
    expect(judgeBudget([level2, mps], { lpLossBudget: 0.1, maxRatio: 1.2 })).toMatchObject({ status: 'pass', measured: { xschedP99Ms: 2.2 } });
  });
});
