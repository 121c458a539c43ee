// A whole sweep judged: its points, the frontier, one verdict per budget, the outcome, and
// hp alone as the floor every point is drawn against (docs/sweeps.md).

import type { Verdict } from '../../documents/types/evaluation.ts';
import type { Estimate, SweepMechanism, SweepPoint } from '../../documents/types/sweep.ts';
import { type BudgetRequirement, judgeBudgets } from './budget-verdicts.ts';
import { computeFrontier, type Frontier } from './frontier.ts';
import { buildSweepPoint, hpP99OfUnit } from './sweep-point.ts';
import { decideSweepStatus, type SweepDecision } from './sweep-status.ts';
import { byTrial, type UnitTrialRun } from './unit-trial-run.ts';

export interface SweepUnitRuns {
  id: string;
  mechanism: SweepMechanism | null;
  setting: string;
  arm: string;
  runs: UnitTrialRun[];
  /** Set when the unit was not run (its arm is unknown here, or it was dropped as dominated). */
  notRunReason: string | null;
}

export interface SweepEvaluation {
  points: SweepPoint[];
  frontier: Frontier;
  verdicts: Verdict[];
  decision: SweepDecision;
  hpAloneP99Ms: Estimate | null;
  notRun: Array<{ id: string; reason: string }>;
  /** With PERF_SWEEP_COMPARE_TO: XSched's frontier against a previous sweep's (frontier-regression.ts). */
  regression?: { comparedTo: string; tolerance: number; verdicts: Verdict[] };
}

export function evaluateSweep(units: readonly SweepUnitRuns[], budgets: readonly BudgetRequirement[]): SweepEvaluation {
  const runsOf = (id: string): UnitTrialRun[] => units.find((u) => u.id === id)?.runs ?? [];
  const baselineLp = byTrial(runsOf('baseline').map((r) => r.lp));
  const points = units
    .filter((u) => u.mechanism !== null && u.runs.length > 0)
    .map((u) => buildSweepPoint({ id: u.id, mechanism: u.mechanism!, setting: u.setting, arm: u.arm, runs: u.runs, baselineLp }));
  const verdicts = judgeBudgets(points, budgets);
  return {
    points,
    frontier: computeFrontier(points),
    verdicts,
    decision: decideSweepStatus(verdicts),
    hpAloneP99Ms: hpP99OfUnit(runsOf('hp-alone'), 'hp-alone'),
    notRun: units.filter((u) => u.notRunReason !== null).map((u) => ({ id: u.id, reason: u.notRunReason! })),
  };
}
