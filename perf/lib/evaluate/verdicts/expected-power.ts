// What the regression verdicts will be able to see against a stored baseline, before any GPU
// time: each arm and metric judged as judgeRegressionSet judges a run (same false-fail budget,
// same between-run noise), with the stored baseline's first run standing in for the new run's
// trials. The detection rate depends on this run's values only through their spread, pooled
// with the stored runs' (regression-noise.ts), so the answer is "about": exact when the new
// run's trials spread as the stored run's did. Given the cut of the baseline to the machine the
// run would use (ownMachineRuns), it is judged as a run there would be: against that machine's
// runs, their first run standing in.
// perf:doctor prints it (suite/doctor/baseline-findings.ts).

import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { ArmName, Thresholds } from '../../documents/types/scenario.ts';
import { storedRunsOf } from '../../store/baselines/baseline-source.ts';
import { judgeRegressionSet, REGRESSION_ARMS, REGRESSION_METRICS, type RegressionValuesInput, storedReference } from './baseline-regression.ts';
import type { OwnMachineRuns } from './own-machine-runs.ts';

export interface ExpectedPower {
  arm: ArmName;
  metric: 'hp-p99' | 'lp-throughput';
  /** The change it is meant to catch (the tolerance), and how often it would fail a run worse by exactly that. */
  tolerance: number;
  detectionRate: number;
  /** How often an unchanged run would fail it, at that noise. */
  falseFailRate: number;
  /** Judged against this many runs of the given machine (own-machine-runs.ts); null: the whole baseline. */
  ownMachineRuns: number | null;
}

/**
 * Per judged arm and metric of `stored`, the verdict's detection and false-fail rates for a run
 * of `trials` trials; empty where nothing can be judged (no values, or fewer than 3 in all).
 */
export function expectedRegressionPower(stored: BaselineFile, thresholds: Thresholds, confidence: number, trials: number, own: OwnMachineRuns | null = null): ExpectedPower[] {
  const firstRun = storedRunsOf(own?.baseline ?? stored)[0]!.arms;
  const inputs: Array<Omit<RegressionValuesInput, 'falseFailRate'>> = [];
  for (const arm of REGRESSION_ARMS) {
    const values = stored.arms[arm];
    if (values === undefined) continue;
    for (const metric of REGRESSION_METRICS) {
      if (metric.stored(values).length === 0) continue;
      const higherIsWorse = metric.name === 'hp-p99';
      inputs.push({
        arm,
        metric,
        rule: 'expected power',
        tolerance: higherIsWorse ? thresholds.regressionP99Tolerance : thresholds.regressionLpTolerance,
        current: metric.stored(firstRun[arm]!).slice(0, trials),
        ...storedReference(stored, own, arm, metric),
      });
    }
  }
  const verdicts = judgeRegressionSet(inputs, confidence);
  return inputs.flatMap((input, i) => {
    const measured = verdicts[i]!.measured as { detectionRate?: number; falseFailRate?: number };
    if (measured.detectionRate === undefined || measured.falseFailRate === undefined) return [];
    return [{ arm: input.arm, metric: input.metric.name, tolerance: input.tolerance, detectionRate: measured.detectionRate, falseFailRate: measured.falseFailRate, ownMachineRuns: input.ownMachine?.runs ?? null }];
  });
}
