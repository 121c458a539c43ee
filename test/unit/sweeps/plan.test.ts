import { describe, expect, it } from 'vitest';
import { coarseUnits, kneeIds, refineUnits } from '../../../perf/lib/plan/sweeps/adaptive.ts';
import { estimateGpuTime, expandGrid } from '../../../perf/lib/plan/sweeps/expand.ts';
import { readSweepGrid } from '../../../perf/lib/plan/sweeps/grid.ts';
import { point } from './sweep-points.ts';

const env = { PERF_SWEEP_XSCHED_LP_THRESHOLD: '1,2,4,8,16', PERF_SWEEP_MPS_LP_PERCENT: '70,80,90,100' };

describe('sweep grid: read and validated', () => {
  it('expands each setting into one arm; xsched points set PERF_XSCHED_THRESHOLD_LP for their arm only', () => {
    const units = expandGrid(readSweepGrid(env, 'mps'));
    expect(units.map((u) => u.id)).toEqual([
      'xsched lp-threshold=1', 'xsched lp-threshold=2', 'xsched lp-threshold=4', 'xsched lp-threshold=8', 'xsched lp-threshold=16',
      'mps lp-percent=70', 'mps lp-percent=80', 'mps lp-percent=90', 'mps lp-percent=100',
    ]);
    expect(units[2]).toEqual({ id: 'xsched lp-threshold=4', mechanism: 'xsched-lp-threshold', setting: '4', arm: 'xsched', suiteEnv: { PERF_XSCHED_THRESHOLD_LP: '4' } });
    expect(units[5]!.arm).toBe('mps-lp70');
  });

  it('rejects bad values, quoting them', () => {
    expect(() => readSweepGrid({ PERF_SWEEP_MPS_LP_PERCENT: '70,101' }, 'mps')).toThrow('PERF_SWEEP_MPS_LP_PERCENT="70,101": "101" is not a thread percentage, an integer from 1 to 100');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_LP_THRESHOLD: '1,,4' }, 'mps')).toThrow('has an empty item');
    expect(() => readSweepGrid({ PERF_SWEEP_XSCHED_LP_THRESHOLD: '4,4' }, 'mps')).toThrow('lists 4 twice');
    expect(() => readSweepGrid({ PERF_SWEEP_MPS_LP_PERCENT: '70' }, 'time-sliced')).toThrow('needs an MPS scenario (sharing mps), this one shares by time-sliced');
    expect(() => readSweepGrid({ PERF_SWEEP_CU_MASK_LP_PERCENT: '0' }, 'platform-default')).toThrow('PERF_SWEEP_CU_MASK_LP_PERCENT');
    expect(readSweepGrid({ PERF_SWEEP_CU_MASK_LP_PERCENT: '50,75' }, 'platform-default').cuMaskLpPercent).toEqual([50, 75]);
    expect(() => readSweepGrid({ PERF_SWEEP_CU_MASK_LP_PERCENT: '50' }, 'mps')).toThrow('needs an AMD GPU');
    expect(() => readSweepGrid({ ...env, PERF_XSCHED_BATCH_SIZE_LP: '2' }, 'mps')).toThrow('PERF_XSCHED_BATCH_SIZE_LP="2" is fixed');
    expect(() => readSweepGrid({}, 'mps')).toThrow('no sweep point');
  });

  it('estimates GPU time as arms x trials x (duration + startup)', () => {
    // 9 points + hp-alone + baseline = 11 arms, 1 trial, 10 s + 20 s: 330 s = 5.5 min.
    const estimate = estimateGpuTime(11, 1, 10_000, 20_000);
    expect(estimate).toMatchObject({ armTrials: 11, estimatedMs: 330_000 });
    expect(estimate.text).toContain('about 5.5 min');
  });
});

describe('adaptive sweep: coarse grid, then refine near the knee', () => {
  const units = expandGrid(readSweepGrid(env, 'mps'));

  it('the coarse grid keeps every other setting and both ends', () => {
    expect(coarseUnits(units).map((u) => u.setting)).toEqual(['1', '4', '16', '70', '90', '100']);
  });

  it('refines next to the knee: the lowest P99 within the largest budget', () => {
    const measured = [
      point('xsched lp-threshold=1', 'xsched-lp-threshold', [7, 7.6, 8], [0.15, 0.18, 0.2]), // over 10%
      point('xsched lp-threshold=4', 'xsched-lp-threshold', [20, 22, 24], [0, 0.01, 0.02]), // knee
      point('xsched lp-threshold=16', 'xsched-lp-threshold', [40, 45, 50], [0, 0.005, 0.01]),
      point('mps lp-percent=70', 'mps-lp-percent', [0.6, 0.7, 0.8], [0.25, 0.3, 0.35]),
      point('mps lp-percent=90', 'mps-lp-percent', [1.6, 1.75, 1.9], [0.08, 0.09, 0.1]), // knee
      point('mps lp-percent=100', 'mps-lp-percent', [50, 54, 58], [0, 0, 0.01]),
    ];
    const knees = kneeIds(measured, 0.1);
    expect(knees).toEqual(['xsched lp-threshold=4', 'mps lp-percent=90']);
    const ran = new Set(measured.map((p) => p.id));
    expect(refineUnits(units, ran, knees).map((u) => u.id)).toEqual(['xsched lp-threshold=2', 'xsched lp-threshold=8', 'mps lp-percent=80']);
  });
});
