import { describe, expect, it } from 'vitest';
import { resolveThresholds } from '../../../perf/lib/evaluate/verdicts/effective-thresholds.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { baselineFromRun } from './verdict-fixture.ts';

const record = buildSyntheticRun({ ...healthyRunSpec(), scenario: { durationMs: 2_000, trials: 1 } });

describe('resolveThresholds', () => {
  it('uses the scenario thresholds without a baseline', () => {
    expect(resolveThresholds(record.scenario, null)).toEqual(record.scenario.thresholds);
  });

  it('the stored baseline overrides per hardware, field by field', () => {
    const baseline = { ...baselineFromRun(record), thresholds: { hpP99ImprovementMinFraction: 0.6 } };
    expect(resolveThresholds(record.scenario, baseline)).toEqual({ ...record.scenario.thresholds, hpP99ImprovementMinFraction: 0.6 });
  });

  it('rejects a threshold written as a percentage, naming where it came from', () => {
    const baseline = { ...baselineFromRun(record), thresholds: { lpThroughputLossMaxFraction: 10 } };
    expect(() => resolveThresholds(record.scenario, baseline)).toThrow(/stored baseline for fixture \(thresholds.lpThroughputLossMaxFraction\) must be a fraction in \[0, 1\), received 10/);
  });
});
