// PERF_SWEEP_COMPARE_TO: the finished sweep's XSched frontier against a previous sweep's, one
// verdict per budget (evaluate/sweeps/frontier-regression.ts), added to its evaluation; the
// outcome then weighs them with the budget verdicts (evaluate/sweeps/sweep-status.ts).

import type { SweepPoint } from '../../documents/types/sweep.ts';
import type { BudgetRequirement } from '../../evaluate/sweeps/budget-verdicts.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { bestXschedWithin, type ComparedSweep, judgeFrontierRegression } from '../../evaluate/sweeps/frontier-regression.ts';
import { decideSweepStatus } from '../../evaluate/sweeps/sweep-status.ts';
import { byTrial, mergeUnitRuns, type UnitTrialRun, unitTrialRun } from '../../evaluate/sweeps/unit-trial-run.ts';
import { baselineKeyOfRun } from '../../store/baselines/key.ts';
import { loadSavedSweep } from '../../store/results/saved-sweep.ts';
import type { SweepKey } from '../../store/results/sweep-directory.ts';

type UnitRuns = ReadonlyArray<{ id: string; runs: readonly UnitTrialRun[] }>;

export function comparedSweep(label: string, key: SweepKey, points: readonly SweepPoint[], units: UnitRuns): ComparedSweep {
  const runsOf = (id: string): readonly UnitTrialRun[] => units.find((u) => u.id === id)?.runs ?? [];
  const baseline = mergeUnitRuns(runsOf('baseline'));
  return {
    label, key, points,
    hardware: baseline === null ? null : baselineKeyOfRun(baseline),
    hpLatencies: (id) => byTrial(runsOf(id).map((r) => r.hp)),
  };
}

/**
 * The previous sweep as the comparison reads it, with only the runs it reads: its baseline
 * unit's (the hardware) and, per budget, XSched's best point's within it (bestXschedWithin over
 * the saved points, as judgeFrontierRegression picks it). Read before any GPU time, so a wrong
 * PERF_SWEEP_COMPARE_TO fails at once; `budgets` are the ones addFrontierRegression is given.
 */
export async function loadPreviousSweep(dir: string, budgets: readonly BudgetRequirement[]): Promise<ComparedSweep> {
  const saved = await loadSavedSweep(dir, (evaluation) => ['baseline', ...budgets.flatMap((b) => bestXschedWithin(evaluation.points, b.lpLossBudget)?.id ?? [])]);
  const units = saved.units.map((u) => ({ id: u.id, runs: u.runs.map((run) => unitTrialRun(run, u.arm)) }));
  return comparedSweep(saved.dir, saved.key, saved.evaluation.points, units);
}

interface FrontierComparison {
  now: ComparedSweep;
  /** loadPreviousSweep's. */
  previous: ComparedSweep;
  budgets: readonly BudgetRequirement[];
  tolerance: number;
}

/** The evaluation with its regression verdicts and the outcome over both kinds of verdict. */
export function addFrontierRegression(evaluation: SweepEvaluation, comparison: FrontierComparison): SweepEvaluation {
  const { previous } = comparison;
  const options = { tolerance: comparison.tolerance, confidence: 0.95, seed: previous.key.seed };
  const verdicts = comparison.budgets.map((budget) => judgeFrontierRegression(comparison.now, previous, budget, options));
  return {
    ...evaluation,
    regression: { comparedTo: previous.label, tolerance: comparison.tolerance, verdicts },
    decision: decideSweepStatus([...evaluation.verdicts, ...verdicts]),
  };
}
