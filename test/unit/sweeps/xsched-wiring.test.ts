// An xsched sweep point reaches the lp worker as its own lp threshold: the point's suite
// setting -> readXschedConfig -> the worker's XSCHED_AUTO_XQUEUE_THRESHOLD (docs/xsched.md).

import { describe, expect, it } from 'vitest';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { pointUnit } from '../../../perf/lib/plan/sweeps/expand.ts';
import { readSweepSettings } from '../../../perf/lib/plan/sweeps/sweep-settings.ts';
import { findUnknownVariableWarnings } from '../../../perf/lib/plan/config/known-variables.ts';
import { buildXschedWorkerEnv } from '../../../perf/lib/run/xsched/worker-env.ts';
import { unitProviderEnv, unitScenario } from '../../../perf/lib/suite/sweep/live-unit-trial.ts';
import { makeScenario } from '../../fixtures/run-record/index.ts';

const suiteEnv = { XSCHED_ROOT: '/opt/xsched' };
const install = { root: '/opt/xsched', xserverPath: '/opt/xsched/bin/xserver', libDir: '/opt/xsched/lib', shimPath: '/opt/xsched/lib/libshimcuda.so', driverFoundAt: '/usr/lib/libcuda.so.1', driverLibrary: null };

describe('xsched sweep points: one lp threshold per point', () => {
  it.each([
    ['1', '1', '1'],
    ['4', '4', '2'],
    ['16', '16', '8'],
  ])('threshold %s: the lp worker gets XSCHED_AUTO_XQUEUE_THRESHOLD=%s, batch size %s; hp keeps its own', (setting, threshold, batch) => {
    const unit = pointUnit('xsched-lp-threshold', setting);
    const config = readXschedConfig(unitProviderEnv(suiteEnv, unit), 'cuda');
    const lp = buildXschedWorkerEnv('lp', {}, config, install);
    const hp = buildXschedWorkerEnv('hp', {}, config, install);
    expect([lp.XSCHED_AUTO_XQUEUE_THRESHOLD, lp.XSCHED_AUTO_XQUEUE_BATCH_SIZE]).toEqual([threshold, batch]);
    expect(hp.XSCHED_AUTO_XQUEUE_THRESHOLD).toBe('16');
  });

  it('each unit-trial runs the unit arm alone, one trial', () => {
    const scenario = unitScenario(makeScenario({ trials: 3 }), pointUnit('xsched-lp-threshold', '2'));
    expect([scenario.arms, scenario.trials]).toEqual([['xsched'], 1]);
  });
});

describe('sweep settings', () => {
  it('budgets read as percent:ratio, validated with the value quoted', () => {
    expect(readSweepSettings({}).budgets).toEqual([{ lpLossBudget: 0.05, maxRatio: 1.2 }, { lpLossBudget: 0.1, maxRatio: 1.2 }]);
    expect(readSweepSettings({ PERF_SWEEP_BUDGETS: '10:1.5' }).budgets).toEqual([{ lpLossBudget: 0.1, maxRatio: 1.5 }]);
    expect(() => readSweepSettings({ PERF_SWEEP_BUDGETS: '0.1:1.2,10' })).toThrow('"10" is not <lp loss percent in (0, 100)>:<ratio >= 1>');
    expect(() => readSweepSettings({ PERF_SWEEP_ADAPTIVE: 'yes' })).toThrow('PERF_SWEEP_ADAPTIVE="yes"');
  });

  it('PERF_SWEEP_* names are known, a misspelt one is still reported', () => {
    expect(findUnknownVariableWarnings({ PERF_SWEEP_MPS_LP_PERCENT: '70', PERF_SWEEP_BUDGETS: '10:1.2' })).toEqual([]);
    expect(findUnknownVariableWarnings({ PERF_SWEEP_MPS_LP_PERCNT: '70' })).toHaveLength(1);
  });
});
