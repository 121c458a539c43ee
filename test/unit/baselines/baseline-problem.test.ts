// describeBaselineProblem: why no comparable stored baseline judged a run (what
// PERF_REQUIRE_BASELINE=1 fails on): missing, another key, another workload.

import { describe, expect, it } from 'vitest';
import { describeBaselineProblem } from '../../../perf/lib/store/baselines/baseline-problem.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { baselineKeyFromRun } from '../../../perf/lib/store/baselines/key.ts';
import { makeEvaluation, makeRunRecord } from './run-fixture.ts';

describe('describeBaselineProblem', () => {
  const record = makeRunRecord();
  const key = baselineKeyFromRun(record);
  const stored = baselineFromRun(record, makeEvaluation(record));

  it('is null for a comparable baseline, and for a run with no key (the validity checks say why)', () => {
    expect(describeBaselineProblem(record, key, stored, '/b')).toBeNull();
    expect(describeBaselineProblem(record, null, null, '/b')).toBeNull();
  });

  it('names a missing file with where it was expected', () => {
    expect(describeBaselineProblem(record, key, null, '/b')).toMatch(/^No stored baseline for scenario "quick" .*expected \/b\/quick\/cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced\.json/);
  });

  it('names another workload field by field, and another key', () => {
    const longer = makeRunRecord();
    longer.scenario.durationMs = 180_000;
    expect(describeBaselineProblem(longer, key, stored, '/b')).toMatch(/another workload: durationMs 10000 -> 180000 \(stored -> this run\)\. To record a comparable one/);
    const otherKey = { ...stored, key: { ...stored.key, sharing: 'mps' as const } };
    expect(describeBaselineProblem(record, key, otherKey, '/b')).toMatch(/^The stored baseline is for scenario "quick" .*sharing mps, not /);
  });
});
