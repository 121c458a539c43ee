import { describe, expect, it } from 'vitest';
import { baselineFromRun } from '../../../perf/lib/baselines/from-run.ts';
import { formatBaselineChange } from '../../../perf/lib/baselines/format-change.ts';
import { missingBaselineMessage } from '../../../perf/lib/baselines/missing-baseline.ts';
import { baselineKeyFromRun } from '../../../perf/lib/baselines/key.ts';
import { makeEvaluation, makeRunRecord } from './run-fixture.ts';

describe('formatBaselineChange', () => {
  it('shows median hp P99 and lp iter/s per arm, old and new, with the % change', () => {
    const oldRecord = makeRunRecord('2026-11-21T21-40-00Z-quick-ab12');
    const newRecord = makeRunRecord('2026-11-22T08-00-00Z-quick-cd34');
    const old = baselineFromRun(oldRecord, makeEvaluation(oldRecord), { now: new Date('2026-11-21T21:45:00Z') });
    // old medians: hp-alone P99 4.5; baseline P99 7, lp 105.
    const next = baselineFromRun(
      newRecord,
      makeEvaluation(newRecord, 'pass', {
        'hp-alone': [{ hp: [2, 4.5, 10], lp: null }, { hp: [2, 4.5, 10], lp: null }],
        baseline: [{ hp: [3, 7.7, 10], lp: 84 }, { hp: [3, 7.7, 10], lp: 84 }],
        xsched: [{ hp: [2, 3, 10], lp: 80 }],
      }),
      { now: new Date('2026-11-22T08:05:00Z') },
    );
    expect(formatBaselineChange({ path: '/b/quick/x.json', old, new: next })).toBe(
      [
        'Baseline /b/quick/x.json',
        '  old: run 2026-11-21T21-40-00Z-quick-ab12, written 2026-11-21T21:45:00.000Z',
        '  new: run 2026-11-22T08-00-00Z-quick-cd34, written 2026-11-22T08:05:00.000Z',
        'metric (median of trials)  old                new               change',
        '-------------------------  -----------------  ----------------  ------',
        'hp-alone: hp P99 ms        4.50 (2 trials)    4.50 (2 trials)   +0.0%',
        'baseline: hp P99 ms        7.00 (2 trials)    7.70 (2 trials)   +10.0%',
        'baseline: lp iter/s        105.00 (2 trials)  84.00 (2 trials)  -20.0%',
        'xsched: hp P99 ms          -                  3.00 (1 trial)    new',
        'xsched: lp iter/s          -                  80.00 (1 trial)   new',
      ].join('\n'),
    );
  });

  it('says (none) for a first baseline', () => {
    const record = makeRunRecord();
    const text = formatBaselineChange({ path: '/b/x.json', old: null, new: baselineFromRun(record, makeEvaluation(record)) });
    expect(text).toContain('  old: (none)');
    expect(text).toMatch(/baseline: lp iter\/s +- +105\.00 \(2 trials\) +new/);
  });
});

describe('missingBaselineMessage', () => {
  it('names the key, the expected file and how to create it', () => {
    const message = missingBaselineMessage(baselineKeyFromRun(makeRunRecord()), '/repo/baselines');
    expect(message).toContain('No stored baseline for scenario "quick" on cuda sm_90 "NVIDIA H100 80GB HBM3", sharing time-sliced');
    expect(message).toContain('expected /repo/baselines/quick/cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced.json');
    expect(message).toContain('npm run perf:update-baselines -- --from <run dir>');
    expect(message).toContain('PERF_REQUIRE_BASELINE=1');
  });
});
