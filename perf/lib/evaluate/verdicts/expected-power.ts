// What the regression verdicts will be able to see against a stored baseline, before any GPU
// time: each arm and metric judged as judgeRegressionSet judges a run (same false-fail budget,
// same between-run noise), with the stored baseline's first run standing in for the new run's
// trials. The detection rate depends on this run's values only through their spread, pooled
// with the stored runs' (regression-noise.ts), so the answer is "about": exact when the new
// run's trials spread as the stored run's did. perf:doctor prints it (suite/doctor/baseline-findings.ts).

import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { ArmName, Thresholds } from '../../documents/types/scenario.ts';
import { judgeRegressionSet, REGRESSION_ARMS, type RegressionValuesInput } from './baseline-regression.ts';
import { betweenRunNoise } from './between-run-noise.ts';

export interface ExpectedPower {
  arm: ArmName;
  metric: 'hp-p99' | 'lp-throughput';
  /** The change it is meant to catch (the tolerance), and how often it would fail a run worse by exactly that. */
  tolerance: number;
  detectionRate: number;
  /** How often an unchanged run would fail it, at that noise. */
  falseFailRate: number;
}

const METRICS = [
  { name: 'hp-p99', label: 'hp P99', unit: 'ms', values: (a: NonNullable<BaselineFile['arms'][ArmName]>) => a.hpP99Ms },
  { name: 'lp-throughput', label: 'lp throughput', unit: 'iter/s', values: (a: NonNullable<BaselineFile['arms'][ArmName]>) => a.lpIterPerSec },
] as const;

/** The first `trials` values of the stored baseline's first run (all of a one-run baseline's). */
function firstRunValues(values: number[], trialRuns: number[] | undefined, trials: number): number[] {
  const first = trialRuns === undefined ? values : values.filter((_, i) => trialRuns[i] === trialRuns[0]);
  return first.slice(0, trials);
}

/**
 * Per judged arm and metric of `stored`, the verdict's detection and false-fail rates for a run
 * of `trials` trials; empty where nothing can be judged (no values, or fewer than 3 in all).
 */
export function expectedRegressionPower(stored: BaselineFile, thresholds: Thresholds, confidence: number, trials: number): ExpectedPower[] {
  const inputs: Array<Omit<RegressionValuesInput, 'falseFailRate'>> = [];
  for (const arm of REGRESSION_ARMS) {
    const values = stored.arms[arm];
    if (values === undefined) continue;
    for (const metric of METRICS) {
      const storedValues = metric.values(values);
      if (storedValues.length === 0) continue;
      const higherIsWorse = metric.name === 'hp-p99';
      inputs.push({
        arm,
        metric: { name: metric.name, label: metric.label, unit: metric.unit },
        rule: 'expected power',
        tolerance: higherIsWorse ? thresholds.regressionP99Tolerance : thresholds.regressionLpTolerance,
        current: firstRunValues(storedValues, values.trialRuns, trials),
        stored: storedValues,
        ...(values.trialRuns !== undefined ? { storedRuns: values.trialRuns } : {}),
        betweenRun: betweenRunNoise(stored, arm, higherIsWorse ? 'hpP99' : 'lpIterPerSec'),
      });
    }
  }
  const verdicts = judgeRegressionSet(inputs, confidence);
  return inputs.flatMap((input, i) => {
    const measured = verdicts[i]!.measured as { detectionRate?: number; falseFailRate?: number };
    if (measured.detectionRate === undefined || measured.falseFailRate === undefined) return [];
    return [{ arm: input.arm, metric: input.metric.name, tolerance: input.tolerance, detectionRate: measured.detectionRate, falseFailRate: measured.falseFailRate }];
  });
}
