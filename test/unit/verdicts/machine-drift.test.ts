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

  describe('without the calibration nothing is judged: unproven, never a pass', () => {
    const full = buildSyntheticRun(healthyRunSpec());
    const stored: BaselineFile = baselineFromRun(full, evaluateRun(full, null));

    it('a run whose alone arms were left out (PERF_ARMS=baseline,xsched) is untested, and says how to calibrate', () => {
      const { 'hp-alone': _hp, 'lp-alone': _lp, ...shared } = healthyRunSpec().arms;
      const record = buildSyntheticRun({ ...healthyRunSpec(), arms: shared });
      const evaluation = evaluateRun(record, stored);
      const regression = evaluation.verdicts.filter((v) => v.id.startsWith('regression.'));
      expect(regression.map((v) => v.status)).toEqual(['skip', 'skip', 'skip', 'skip']);
      expect(regression[0]!.message).toMatch(/^\[uncalibrated\] Not judged: .* but this run has 0 hp-alone trials, this run has 0 lp-alone trials\. Unjudged: No regression/);
      expect(regression[0]!.recommendation).toContain("this run's arms: baseline,xsched; leave PERF_ARMS unset");
      expect(evaluation.status).toBe('untested');
    });

    it('a stored baseline without the lp-alone arm cannot calibrate either', () => {
      const { 'lp-alone': _lp, ...arms } = stored.arms;
      const regression = evaluateRun(full, { ...stored, arms }).verdicts.filter((v) => v.id.startsWith('regression.'));
      expect(regression.map((v) => v.status)).toEqual(['skip', 'skip', 'skip', 'skip']);
      expect(regression[0]!.message).toContain('but the stored baseline has 0 lp-alone throughput values.');
      expect(regression[0]!.recommendation).toMatch(/^Store a baseline from a run with both alone arms/);
    });

    it('drift, where one alone arm can show it, is named before a missing one', () => {
      const { 'lp-alone': _lp, ...arms } = stored.arms;
      const slower = { ...arms, 'hp-alone': { ...arms['hp-alone']!, hpP99Ms: arms['hp-alone']!.hpP99Ms.map((ms) => ms / 1.8) } };
      const regression = evaluateRun(full, { ...stored, arms: slower }).verdicts.filter((v) => v.id.startsWith('regression.'));
      expect(regression.every((v) => v.message.startsWith('[drift]'))).toBe(true);
    });
  });
});
