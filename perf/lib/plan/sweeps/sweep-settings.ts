// How a sweep runs, beyond its grid (grid.ts): budgets and their requirement, adaptive or
// full grid, where it is saved (and resumed from), and the startup time the estimate assumes.
// Read from PERF_SWEEP_*, each message quoting the value received.

import { SWEEP_GRID_VARIABLES, SWEEP_STREAM_PRIORITY_VARIABLE, SweepConfigError } from './grid.ts';

export interface BudgetSetting {
  lpLossBudget: number;
  maxRatio: number;
}

interface SweepSettings {
  budgets: BudgetSetting[];
  adaptive: boolean;
  /** null: a new directory under the results directory. */
  dir: string | null;
  /** Per arm-trial, added to the duration in the estimate: an assumption, printed as one. */
  startupMs: number;
  /** PERF_SWEEP_COMPARE_TO: a previous sweep's directory to check XSched's frontier against; null: no check. */
  compareTo: string | null;
  /** PERF_SWEEP_COMPARE_TOLERANCE (percent in, fraction here): the hp P99 regression the check fails on. */
  compareTolerance: number;
}

const SWEEP_SETTING_VARIABLES = ['PERF_SWEEP_BUDGETS', 'PERF_SWEEP_ADAPTIVE', 'PERF_SWEEP_DIR', 'PERF_SWEEP_STARTUP_S', 'PERF_SWEEP_COMPARE_TO', 'PERF_SWEEP_COMPARE_TOLERANCE'] as const;
/** Every PERF_SWEEP_* name (plan/config/known-variables.ts lists them as known). */
export const ALL_SWEEP_VARIABLES: readonly string[] = [...Object.values(SWEEP_GRID_VARIABLES), SWEEP_STREAM_PRIORITY_VARIABLE, ...SWEEP_SETTING_VARIABLES];

/** "5:1.2,10:1.2": lp loss budget in percent, then the largest xsched/reference hp P99 ratio. */
const DEFAULT_BUDGETS = '5:1.2,10:1.2';
const DEFAULT_STARTUP_S = 20;
/** As the run-level hp P99 regression tolerance's order of size: a 20% worse best P99 fails. */
const DEFAULT_COMPARE_TOLERANCE_PERCENT = 20;

function readCompareTolerance(env: NodeJS.ProcessEnv): number {
  const raw = (env.PERF_SWEEP_COMPARE_TOLERANCE ?? '').trim();
  const percent = raw === '' ? DEFAULT_COMPARE_TOLERANCE_PERCENT : Number(raw);
  if (!(/^\d+(\.\d+)?$/.test(raw === '' ? '0' : raw) && percent >= 0 && percent < 100)) {
    throw new SweepConfigError(`PERF_SWEEP_COMPARE_TOLERANCE=${JSON.stringify(raw)} is not a percentage from 0 to under 100, e.g. 20 to fail a best hp P99 more than 1.2x the previous sweep's`);
  }
  return percent / 100;
}

function readBudgets(raw: string): BudgetSetting[] {
  return raw.split(',').map((item) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(item);
    const [percent, ratio] = match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN];
    if (!(percent > 0 && percent < 100 && ratio >= 1)) {
      throw new SweepConfigError(`PERF_SWEEP_BUDGETS=${JSON.stringify(raw)}: ${JSON.stringify(item)} is not <lp loss percent in (0, 100)>:<ratio >= 1>, e.g. 10:1.2 for "xsched within 1.2x of the best reference at <= 10% lp loss"`);
    }
    return { lpLossBudget: percent / 100, maxRatio: ratio };
  });
}

export function readSweepSettings(env: NodeJS.ProcessEnv): SweepSettings {
  const adaptiveRaw = (env.PERF_SWEEP_ADAPTIVE ?? '').trim();
  if (!['', '0', '1'].includes(adaptiveRaw)) throw new SweepConfigError(`PERF_SWEEP_ADAPTIVE=${JSON.stringify(adaptiveRaw)} must be 1 (coarse grid, then refine near the knee) or 0 (the whole grid)`);
  const startupRaw = (env.PERF_SWEEP_STARTUP_S ?? '').trim();
  const startupS = startupRaw === '' ? DEFAULT_STARTUP_S : Number(startupRaw);
  if (!(Number.isFinite(startupS) && startupS >= 0 && startupS <= 3600)) throw new SweepConfigError(`PERF_SWEEP_STARTUP_S=${JSON.stringify(startupRaw)} is not a number of seconds from 0 to 3600`);
  const dir = (env.PERF_SWEEP_DIR ?? '').trim();
  const compareTo = (env.PERF_SWEEP_COMPARE_TO ?? '').trim();
  return {
    budgets: readBudgets((env.PERF_SWEEP_BUDGETS ?? '').trim() || DEFAULT_BUDGETS), adaptive: adaptiveRaw === '1', dir: dir === '' ? null : dir, startupMs: startupS * 1000,
    compareTo: compareTo === '' ? null : compareTo, compareTolerance: readCompareTolerance(env),
  };
}
