// Runs a sweep (docs/sweeps.md): per trial, hp-alone, baseline and every live point, each
// one arm-trial, in the counterbalanced order of perf/lib/run/orchestrate/arm-order.ts.
// Each unit-trial's run.json is saved as it ends; a unit-trial already saved complete is
// kept, not run again, so a stopped sweep resumes where it stopped. Adaptive: the coarse
// grid's trials first, then the settings next to each knee as trials of their own (with
// hp-alone and baseline again, so every point pairs with a baseline of its own trial).
// After each trial, points another dominates with confidence run no further trials.

import { mkdir } from 'node:fs/promises';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import type { BudgetRequirement } from '../../evaluate/sweeps/budget-verdicts.ts';
import { evaluateSweep, type SweepEvaluation, type SweepUnitRuns } from '../../evaluate/sweeps/evaluate-sweep.ts';
import { unitTrialRun } from '../../evaluate/sweeps/unit-trial-run.ts';
import { coarseUnits, kneeIds, refineUnits } from '../../plan/sweeps/adaptive.ts';
import { FIXED_UNITS, type SweepUnit } from '../../plan/sweeps/expand.ts';
import { armOrderForTrial } from '../../run/orchestrate/arm-order.ts';
import { saveRunRecord } from '../../store/results/save-run.ts';
import { loadFinishedUnitTrial, openSweepDirectory, type SweepKey, unitRunDir } from '../../store/results/sweep-directory.ts';

export interface RunSweepOptions {
  sweepDir: string;
  /** The scenario every unit runs (its arms are replaced by the unit's one arm). */
  scenario: Scenario;
  points: readonly SweepUnit[];
  budgets: readonly BudgetRequirement[];
  adaptive: boolean;
  /** Arm names this checkout can run (perf/lib/plan/scenarios/arms.ts). */
  knownArms: readonly string[];
  /** Runs one arm-trial of `unit` into `runDir` and returns its record (live: live-unit-trial.ts; tests: a double). */
  runUnitTrial: (unit: SweepUnit, trial: number, runDir: string) => Promise<RunRecord>;
  log: (line: string) => void;
}

interface SweepOutcome {
  resumed: boolean;
  /** What was asked, as sweep.json saves it. */
  key: SweepKey;
  /** Unit-trials run now, and kept from an earlier, stopped sweep. */
  ran: number;
  kept: number;
  units: SweepUnitRuns[];
  evaluation: SweepEvaluation;
}

export async function runSweep(options: RunSweepOptions): Promise<SweepOutcome> {
  const { scenario, sweepDir, log } = options;
  const key: SweepKey = {
    scenario: scenario.name, durationMs: scenario.durationMs, trials: scenario.trials, seed: scenario.seed, sharing: scenario.sharing,
    hp: scenario.hp, lp: scenario.lp, adaptive: options.adaptive, units: [...options.points],
  };
  const opened = await openSweepDirectory(sweepDir, key);
  const state = new Map<string, SweepUnitRuns>();
  for (const unit of [...FIXED_UNITS, ...options.points]) {
    const unknown = options.knownArms.includes(unit.arm) ? null : `arm ${unit.arm} is not in this checkout's arm table (perf/lib/plan/scenarios/arms.ts); the reference-arm work (issue 21) adds it`;
    state.set(unit.id, { id: unit.id, mechanism: unit.mechanism, setting: unit.setting, arm: unit.arm, runs: [], notRunReason: unknown });
  }
  const counts = { ran: 0, kept: 0 };
  const evaluate = (): SweepEvaluation => evaluateSweep([...state.values()], options.budgets);

  const runTrial = async (units: readonly SweepUnit[], trial: number): Promise<void> => {
    const live = [...FIXED_UNITS, ...units].filter((u) => state.get(u.id)!.notRunReason === null);
    for (const unit of armOrderForTrial(live, trial, scenario.seed)) {
      const entry = state.get(unit.id)!;
      const saved = await loadFinishedUnitTrial(sweepDir, unit.id, trial);
      if (saved !== null) {
        entry.runs.push(unitTrialRun(saved, unit.arm));
        counts.kept += 1;
        continue;
      }
      const dir = unitRunDir(sweepDir, unit.id, trial);
      const record = await options.runUnitTrial(unit, trial, dir);
      // Each unit-trial is its own one-trial run; the sweep's trial index is what pairs it with baseline.
      const relabelled: RunRecord = { ...record, trials: record.trials.map((t) => ({ ...t, trial })) };
      await mkdir(dir, { recursive: true });
      await saveRunRecord(dir, relabelled);
      entry.runs.push(unitTrialRun(relabelled, unit.arm));
      counts.ran += 1;
      log(`sweep: ${unit.id} trial ${trial} saved in ${dir}`);
    }
  };

  const runPhase = async (units: readonly SweepUnit[], firstTrial: number): Promise<void> => {
    for (let trial = firstTrial; trial < firstTrial + scenario.trials; trial++) {
      await runTrial(units.filter((u) => state.get(u.id)!.notRunReason === null), trial);
      if (trial + 1 < firstTrial + scenario.trials) dropDominated(evaluate(), state, log);
    }
  };

  if (!options.adaptive) {
    await runPhase(options.points, 0);
  } else {
    const coarse = coarseUnits(options.points);
    await runPhase(coarse, 0);
    const ran = new Set(coarse.map((u) => u.id));
    const largestBudget = Math.max(...options.budgets.map((b) => b.lpLossBudget));
    const refine = refineUnits(options.points, ran, kneeIds(evaluate().points, largestBudget));
    for (const unit of options.points) {
      if (!ran.has(unit.id) && !refine.includes(unit)) state.get(unit.id)!.notRunReason ??= 'adaptive sweep: not next to a knee of the coarse grid';
    }
    log(`sweep: refining near the knee with ${refine.map((u) => u.id).join(', ') || 'no further point'}`);
    if (refine.length > 0) await runPhase(refine, scenario.trials);
  }
  return { resumed: opened === 'resumed', key, ...counts, units: [...state.values()], evaluation: evaluate() };
}

function dropDominated(evaluation: SweepEvaluation, state: Map<string, SweepUnitRuns>, log: (line: string) => void): void {
  for (const { point, by } of evaluation.frontier.dominated) {
    const entry = state.get(point.id)!;
    if (entry.notRunReason !== null) continue;
    entry.notRunReason = `dropped after ${point.trials} trial(s): ${by} is better on both hp P99 and lp loss with non-overlapping intervals`;
    log(`sweep: ${point.id} ${entry.notRunReason}`);
  }
}
