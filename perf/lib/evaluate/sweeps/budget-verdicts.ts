// One verdict per lp-cost budget: is XSched's best point within `maxRatio` x the best
// reference's hp P99 at <= budget lp loss? Only proven points with data count (frontier.ts).
// With intervals, a point is "within budget" when its whole loss interval is <= budget and
// "maybe within" when its interval reaches below it. Then:
//   pass  an XSched point within budget whose P99 interval lies at or below maxRatio x the
//         low end of every reference point maybe within budget;
//   fail  a reference point within budget that every XSched point maybe within budget
//         misses: their P99 low end is above maxRatio x its high end (or XSched has none);
//   inconclusive otherwise; skip (untested) without XSched or reference points.
// pass and fail cannot both hold (the pass point is maybe-within and meets the fail reference).

import type { Verdict } from '../../documents/types/evaluation.ts';
import { type JudgedPoint, isJudged, lowestP99 } from './frontier.ts';
import type { SweepPoint } from '../../documents/types/sweep.ts';
import { isXschedMechanism } from '../../plan/sweeps/expand.ts';
import type { BudgetSetting } from '../../plan/sweeps/sweep-settings.ts';
import { percent } from '../verdicts/verdict-context.ts';
import { budgetIdPart, msText } from './verdict-text.ts';

/** lpLossBudget: largest lp loss afforded (0.10 = 10%); maxRatio: xsched hp P99 at most this many times the best reference's. */
export type BudgetRequirement = BudgetSetting;

/** Throws naming the bad value; budgets are fractions in (0, 1), ratios >= 1. */
export function validateBudgets(budgets: readonly BudgetRequirement[]): BudgetRequirement[] {
  if (budgets.length === 0) throw new RangeError('sweep budgets: give at least one budget, received []');
  for (const b of budgets) {
    if (!(b.lpLossBudget > 0 && b.lpLossBudget < 1)) throw new RangeError(`sweep budget lpLossBudget=${JSON.stringify(b.lpLossBudget)} is not a fraction in (0, 1), e.g. 0.1 for 10%`);
    if (!(b.maxRatio >= 1 && Number.isFinite(b.maxRatio))) throw new RangeError(`sweep budget maxRatio=${JSON.stringify(b.maxRatio)} is not a finite number >= 1, e.g. 1.2`);
  }
  return budgets.map((b) => ({ ...b }));
}

const describe = (p: JudgedPoint): string =>
  `${p.id} (hp P99 ${msText(p.hpP99Ms.estimate)} [${msText(p.hpP99Ms.low)}, ${msText(p.hpP99Ms.high)}], lp loss ${percent(p.lpLoss.estimate)} [${percent(p.lpLoss.low)}, ${percent(p.lpLoss.high)}])`;

function budgetVerdictId(budget: BudgetRequirement): string {
  return `sweep-frontier.${budgetIdPart(budget.lpLossBudget)}`;
}

export function judgeBudget(points: readonly SweepPoint[], budget: BudgetRequirement): Verdict {
  const { lpLossBudget, maxRatio } = budget;
  const id = budgetVerdictId(budget);
  const rule = `best xsched hp P99 <= ${maxRatio} x best reference hp P99 at lp loss <= ${percent(lpLossBudget)}`;
  const judged = points.filter(isJudged);
  const xsched = judged.filter((p) => isXschedMechanism(p.mechanism));
  const refs = judged.filter((p) => !isXschedMechanism(p.mechanism));
  const skip = (message: string): Verdict => ({ id, rule, status: 'skip', measured: {}, threshold: { ...budget }, interval: null, message, recommendation: 'Add the missing mechanism to the sweep grid and run it (docs/sweeps.md).' });
  if (xsched.length === 0) return skip('Not judged: no proven xsched point with data in the sweep.');
  if (refs.length === 0) return skip('Not judged: no proven reference point (MPS, CU mask, stream priority) with data in the sweep.');

  const within = (p: JudgedPoint) => p.lpLoss.high <= lpLossBudget;
  const maybe = (p: JudgedPoint) => p.lpLoss.low <= lpLossBudget;
  const [xsWithin, xsMaybe, refWithin, refMaybe] = [xsched.filter(within), xsched.filter(maybe), refs.filter(within), refs.filter(maybe)];
  const passing = xsWithin.filter((x) => refMaybe.every((r) => x.hpP99Ms.high <= maxRatio * r.hpP99Ms.low));
  const failingRef = refWithin.find((r) => xsMaybe.every((x) => x.hpP99Ms.low > maxRatio * r.hpP99Ms.high));
  const bestXs = lowestP99(passing) ?? lowestP99(xsWithin) ?? lowestP99(xsMaybe);
  const bestRef = failingRef ?? lowestP99(refWithin) ?? lowestP99(refMaybe);
  const measured = {
    xschedP99Ms: bestXs?.hpP99Ms.estimate ?? null,
    referenceP99Ms: bestRef?.hpP99Ms.estimate ?? null,
    ratio: bestXs && bestRef ? bestXs.hpP99Ms.estimate / bestRef.hpP99Ms.estimate : null,
  };
  const base = { id, rule, measured, threshold: { ...budget }, interval: null };
  if (passing.length > 0) {
    const chosen = lowestP99(passing)!;
    const against = refMaybe.length === 0 ? 'no reference point reaches this budget' : `best reference ${describe(lowestP99(refMaybe)!)}`;
    return { ...base, status: 'pass', message: `Pass: ${describe(chosen)} has hp P99 within ${maxRatio}x of the best reference's; ${against}.`, recommendation: null };
  }
  if (failingRef !== undefined) {
    const xsText = xsMaybe.length === 0 ? 'no xsched point reaches this lp budget' : `every xsched point that may be within budget is slower, best ${describe(lowestP99(xsMaybe)!)}`;
    return {
      ...base, status: 'fail',
      message: `Fail: reference ${describe(failingRef)} is within budget; ${xsText}.`,
      recommendation: 'XSched is off the frontier at this budget: sweep lower lp thresholds (more preemption) or another policy; or relax maxRatio if this hardware cannot do better.',
    };
  }
  return {
    ...base, status: 'inconclusive',
    message: `Inconclusive: the intervals do not separate xsched ${bestXs ? describe(bestXs) : '(no point within budget)'} from reference ${bestRef ? describe(bestRef) : '(none within budget)'} at ${percent(lpLossBudget)} lp loss.`,
    recommendation: 'Run more trials per point near this budget (PERF_TRIALS): the loss and P99 intervals narrow with trials.',
  };
}

export function judgeBudgets(points: readonly SweepPoint[], budgets: readonly BudgetRequirement[]): Verdict[] {
  return validateBudgets(budgets).map((b) => judgeBudget(points, b));
}
