// xsched arm: hp must complete at least hpAchievedRateMinFraction of its target rate in
// every trial. The rule is what is decided: pass when every trial clears the bar, fail when
// any trial does not (a trial below the bar is a trial in which hp fell behind its schedule;
// the achieved rate of a fixed schedule is nearly deterministic, so it is not noise to average).

import { achievedRateHz } from '../stats/hp-samples.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { type VerdictContext, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

const ID = 'hp-achieved-rate';

export function judgeHpAchievedRate(context: VerdictContext): Verdict {
  const { scenario } = context.record;
  const fraction = context.thresholds.hpAchievedRateMinFraction;
  const target = scenario.hp.rateHz;
  const bar = fraction * target;
  const rule = `xsched hp achieved rate >= ${fraction} x ${target} req/s = ${round3(bar)} req/s in every trial`;
  const reason = unavailableReason(context, 'xsched', 'hp');
  if (reason !== null) return skipVerdict(ID, rule, `Not judged: ${reason}.`);

  const trials = context.stats.samples.get('xsched')!.hp;
  const rates = trials.map((t) => achievedRateHz(t));
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  const pooled = context.stats.arms.find((a) => a.arm === 'xsched')!.merged.hp!.achievedRateHz;
  const below = rates.filter((r) => r < bar).length;
  const status = below === 0 ? 'pass' : 'fail';
  const belowList = rates.flatMap((r, i) => (r < bar ? [`trial ${trials[i]!.trial} ${round3(r)} req/s`] : [])).join(', ');
  const summary = `xsched hp achieved ${round3(pooled)} req/s over ${trials.length} trial(s) (per trial ${round3(low)}..${round3(high)}) against a bar of ${round3(bar)} req/s`;
  const message =
    status === 'pass'
      ? `${summary}: every trial cleared it.`
      : `${summary}: ${below} of ${trials.length} trial(s) fell below it (${belowList}); in those, under XSched hp could not keep its schedule.`;
  const recommendation =
    status === 'pass'
      ? null
      : 'Compare with the hp-alone rate check: if hp alone reaches the rate, XSched let lp delay hp (check its priorities and lp threshold, XSCHED_AUTO_XQUEUE_THRESHOLD); otherwise lower the scenario rate for this hardware.';
  return {
    id: ID,
    rule,
    status,
    measured: { achievedRateHz: pooled, minTrialRateHz: low, maxTrialRateHz: high, targetRateHz: target, trials: trials.length, trialsBelow: below },
    threshold: { hpAchievedRateMinFraction: fraction, minRateHz: bar },
    // [min, max] of n trials holds the median trial rate with probability 1 - 2^(1-n).
    interval: { level: trials.length > 1 ? 1 - 2 ** (1 - trials.length) : 0, low, high, method: `range of ${trials.length} per-trial rates` },
    message,
    recommendation,
  };
}
