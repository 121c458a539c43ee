// A regression check of XSched's frontier against a previous sweep (docs/sweeps.md): per lp-cost
// budget, XSched's best point within it now against the best then, by the ratio of their pooled
// hp P99 with the two-stage bootstrap interval the P99 verdicts use (percentile-ratio-interval.ts).
// decideRegression (evaluate/verdicts/regression-decision.ts) needs per-trial values and a
// between-run noise from recorded runs; a sweep point often has one trial, so the bootstrap
// ratio is used instead, judged against a stated tolerance:
//   fail      the ratio's whole interval lies above 1 (worse with confidence) and its estimate
//             above 1 + tolerance;
//   pass      otherwise (the message gives the interval, so a wide one is seen as such);
//   untested  (skip) when either sweep has no proven XSched point within the budget, or the
//             sweeps ran another workload or on other hardware.

import type { Verdict } from '../../documents/types/evaluation.ts';
import type { SweepKey } from '../../store/results/sweep-directory.ts';
import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { SweepPoint } from '../../documents/types/sweep.ts';
import { isXschedMechanism } from '../../plan/sweeps/expand.ts';
import { percentileRatioInterval, type TrialLatencies } from '../stats/intervals/percentile-ratio-interval.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import type { BudgetRequirement } from './budget-verdicts.ts';
import { isJudged, type JudgedPoint, lowestP99 } from './frontier.ts';
import { percent, round3 } from '../verdicts/verdict-context.ts';
import { budgetIdPart, msText } from './verdict-text.ts';

/** One sweep as the comparison reads it. */
export interface ComparedSweep {
  /** Where it is, for the messages. */
  label: string;
  key: SweepKey;
  /** The hardware its baseline unit ran on (store/baselines/key.ts); null when no worker finished. */
  hardware: BaselineKey | null;
  points: readonly SweepPoint[];
  /** Per point id, the hp latencies of its trials. */
  hpLatencies: (pointId: string) => TrialLatencies[];
}

interface FrontierRegressionOptions {
  /** The regression to detect, a fraction: 0.2 fails a best hp P99 more than 1.2x the previous. */
  tolerance: number;
  confidence: number;
  seed: number;
}

/** XSched's point with the lowest hp P99 estimate whose whole lp loss interval is within the budget. */
export function bestXschedWithin(points: readonly SweepPoint[], lpLossBudget: number): JudgedPoint | null {
  const within = points.filter(isJudged).filter((p) => isXschedMechanism(p.mechanism) && p.lpLoss.high <= lpLossBudget);
  return lowestP99(within) ?? null;
}

/** Why two sweeps cannot be compared (another workload or hardware), or null when they can. */
function incomparableReason(now: ComparedSweep, then: ComparedSweep): string | null {
  const workload = (s: ComparedSweep) => JSON.stringify({ scenario: s.key.scenario, sharing: s.key.sharing, hp: s.key.hp, lp: s.key.lp, durationMs: s.key.durationMs });
  if (workload(now) !== workload(then)) return `the previous sweep ran another workload (${workload(then)}; now ${workload(now)})`;
  if (now.hardware === null || then.hardware === null) return `no GPU fingerprint in the ${now.hardware === null ? 'current' : 'previous'} sweep's baseline runs`;
  const hardware = (k: BaselineKey) => `${k.platform} ${k.gpuName} (${k.arch})`;
  if (hardware(now.hardware) !== hardware(then.hardware)) return `the previous sweep ran on other hardware (${hardware(then.hardware)}; now ${hardware(now.hardware)})`;
  return null;
}

function frontierRegressionId(lpLossBudget: number): string {
  return `sweep-regression.${budgetIdPart(lpLossBudget)}`;
}

export function judgeFrontierRegression(now: ComparedSweep, then: ComparedSweep, budget: BudgetRequirement, options: FrontierRegressionOptions): Verdict {
  const { tolerance } = options;
  const id = frontierRegressionId(budget.lpLossBudget);
  const rule = `xsched's best hp P99 at lp loss <= ${percent(budget.lpLossBudget)} not worse than ${1 + tolerance} x the previous sweep's (${then.label})`;
  const base = { id, rule, threshold: { lpLossBudget: budget.lpLossBudget, tolerance } };
  const skip = (message: string, recommendation: string): Verdict => ({ ...base, status: 'skip', measured: {}, interval: null, message, recommendation });
  const incomparable = incomparableReason(now, then);
  if (incomparable !== null) return skip(`Not compared: ${incomparable}.`, 'Compare with a sweep of the same scenario on the same kind of GPU (PERF_SWEEP_COMPARE_TO).');
  const [current, previous] = [bestXschedWithin(now.points, budget.lpLossBudget), bestXschedWithin(then.points, budget.lpLossBudget)];
  if (current === null || previous === null) {
    const which = current === null ? 'this sweep' : 'the previous sweep';
    return skip(`Not compared: ${which} has no proven xsched point whose whole lp loss interval is within ${percent(budget.lpLossBudget)}.`, 'Sweep lp settings that reach this budget in both sweeps (docs/sweeps.md).');
  }
  const interval = percentileRatioInterval({
    numerator: now.hpLatencies(current.id), denominator: then.hpLatencies(previous.id),
    paired: false, percentile: TAIL_PERCENTILE, confidence: options.confidence, seed: options.seed,
  });
  if (interval === null) return skip(`Not compared: no hp latencies for ${current.id} now or ${previous.id} then.`, 'Rerun the sweep: its saved runs lack hp samples.');
  const measured = { nowP99Ms: current.hpP99Ms.estimate, previousP99Ms: previous.hpP99Ms.estimate, ratio: interval.estimate };
  const ratioText = `${round3(interval.estimate)}x [${round3(interval.low)}, ${round3(interval.high)}] at ${options.confidence * 100}%`;
  const pair = `${current.id} ${msText(current.hpP99Ms.estimate)} now, ${previous.id} ${msText(previous.hpP99Ms.estimate)} then: ratio ${ratioText}`;
  const verdictInterval = { level: options.confidence, low: interval.low, high: interval.high, method: 'two-stage bootstrap of the pooled hp P99 ratio, unpaired (percentile-ratio-interval.ts)' };
  if (interval.low > 1 && interval.estimate > 1 + tolerance) {
    return { ...base, status: 'fail', measured, interval: verdictInterval, message: `Fail: ${pair}, worse with confidence and by more than ${percent(tolerance)}.`, recommendation: 'XSched got slower at this lp cost since the previous sweep: compare the two sweeps\' xsched points and their XSched versions.' };
  }
  return { ...base, status: 'pass', measured, interval: verdictInterval, message: `Pass: ${pair}; not worse with confidence by more than ${percent(tolerance)}.`, recommendation: null };
}
