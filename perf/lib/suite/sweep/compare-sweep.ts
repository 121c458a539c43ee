// PERF_SWEEP_COMPARE_TO: the finished sweep's XSched frontier against a previous sweep's, one
// verdict per budget (evaluate/sweeps/frontier-regression.ts), added to its evaluation; the
// outcome then weighs them with the budget verdicts (evaluate/sweeps/sweep-status.ts).

import type { RunRecord } from '../../documents/types/run-record.ts';
import type { SweepPoint } from '../../documents/types/sweep.ts';
import type { BudgetRequirement } from '../../evaluate/sweeps/budget-verdicts.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { type ComparedSweep, judgeFrontierRegression } from '../../evaluate/sweeps/frontier-regression.ts';
import { mergeUnitRuns, unitSamples } from '../../evaluate/sweeps/sweep-point.ts';
import { decideSweepStatus } from '../../evaluate/sweeps/sweep-status.ts';
import { baselineKeyOfRun } from '../../store/baselines/key.ts';
import type { SavedSweep } from '../../store/results/saved-sweep.ts';
import type { SweepKey } from '../../store/results/sweep-directory.ts';

type UnitRuns = ReadonlyArray<{ id: string; arm: string; runs: readonly RunRecord[] }>;

export function comparedSweep(label: string, key: SweepKey, points: readonly SweepPoint[], units: UnitRuns): ComparedSweep {
  const merged = (id: string) => {
    const unit = units.find((u) => u.id === id);
    const record = unit === undefined ? null : mergeUnitRuns(unit.runs);
    return { unit, record };
  };
  const baseline = merged('baseline').record;
  return {
    label, key, points,
    hardware: baseline === null ? null : baselineKeyOfRun(baseline),
    hpLatencies: (id) => {
      const { unit, record } = merged(id);
      return unit === undefined || record === null ? [] : (unitSamples(record, unit.arm)?.hp ?? []);
    },
  };
}

export interface FrontierComparison {
  now: ComparedSweep;
  previous: SavedSweep;
  budgets: readonly BudgetRequirement[];
  tolerance: number;
}

/** The evaluation with its regression verdicts and the outcome over both kinds of verdict. */
export function addFrontierRegression(evaluation: SweepEvaluation, comparison: FrontierComparison): SweepEvaluation {
  const { previous } = comparison;
  const then = comparedSweep(previous.dir, previous.key, previous.evaluation.points, previous.units);
  const options = { tolerance: comparison.tolerance, confidence: 0.95, seed: previous.key.seed };
  const verdicts = comparison.budgets.map((budget) => judgeFrontierRegression(comparison.now, then, budget, options));
  return {
    ...evaluation,
    regression: { comparedTo: previous.dir, tolerance: comparison.tolerance, verdicts },
    decision: decideSweepStatus([...evaluation.verdicts, ...verdicts]),
  };
}
