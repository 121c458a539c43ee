// Drift of the alone arms against the stored baseline: the regression verdicts say the machine
// changed instead of failing (docs/environment.md).

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/index.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';

/** A run and a stored baseline made from the same run with some arms' hp P99 divided by `factor`. */
function compare(arms: Array<'hp-alone' | 'baseline'>, factor: number) {
  const record = buildSyntheticRun(healthyRunSpec());
  const stored: BaselineFile = baselineFromRun(record, evaluateRun(record, null));
  for (const arm of arms) stored.arms[arm]!.hpP99Ms = stored.arms[arm]!.hpP99Ms.map((ms) => ms / factor);
  return evaluateRun(record, stored).verdicts.filter((v) => v.id.startsWith('regression.'));
}

describe('machine drift against the stored baseline', () => {
  it('without drift, a 1.8x slower baseline arm is a REGRESSION (the check below can fail)', () => {
    const verdict = compare(['baseline'], 1.8).find((v) => v.id === 'regression.baseline.hp-p99')!;
    expect(verdict.status).toBe('fail');
  });

  it('when hp-alone moved as much, the regression verdicts are skipped as "the machine changed", not failed', () => {
    const verdicts = compare(['hp-alone', 'baseline'], 1.8);
    expect(verdicts.length).toBe(4);
    expect(verdicts.map((v) => v.status)).toEqual(['skip', 'skip', 'skip', 'skip']);
    const baseline = verdicts.find((v) => v.id === 'regression.baseline.hp-p99')!;
    expect(baseline.message).toMatch(/^\[drift\] Not judged as a scheduler regression: the machine changed \(hp-alone P99 x1\.8 vs stored/);
    expect(baseline.measured.hpAloneP99Ratio).toBeCloseTo(1.8, 5);
  });

  it('a stored baseline matching this run shows no drift', () => {
    const verdicts = compare([], 1);
    expect(verdicts.every((v) => !v.message.includes('[drift]'))).toBe(true);
    expect(verdicts.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });
});
