// xsched arm: hp must complete at least hpAchievedRateMinFraction of its target rate.
// Judged per trial: pass when every trial clears the bar, fail when none does,
// inconclusive when trials disagree (run-to-run noise straddles the bar).

import { achievedRateHz } from '../stats/hp-samples.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
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
  const status = decideAgainstThreshold({ low, high }, bar, 'at-least');
  const below = rates.filter((r) => r < bar).length;
  const summary = `xsched hp achieved ${round3(pooled)} req/s over ${trials.length} trial(s) (per trial ${round3(low)}..${round3(high)}) against a bar of ${round3(bar)} req/s`;
  const messages = {
    pass: `${summary}: every trial cleared it.`,
    fail: `${summary}: no trial reached it; under XSched hp could not keep its schedule.`,
    inconclusive: `${summary}: ${below} of ${trials.length} trials fell below it.`,
    skip: summary,
  };
  const recommendations = {
    pass: null,
    fail: 'Compare with the hp-alone rate check: if hp alone reaches the rate, XSched let lp delay hp (check its priorities and lp threshold, XSCHED_AUTO_XQUEUE_THRESHOLD); otherwise lower the scenario rate for this hardware.',
    inconclusive: recommendMoreData({ estimate: pooled, low, high, threshold: bar, trials: trials.length, durationMs: scenario.durationMs }),
    skip: null,
  };
  return {
    id: ID,
    rule,
    status,
    measured: { achievedRateHz: pooled, minTrialRateHz: low, maxTrialRateHz: high, targetRateHz: target, trials: trials.length, trialsBelow: below },
    threshold: { hpAchievedRateMinFraction: fraction, minRateHz: bar },
    // [min, max] of n trials holds the median trial rate with probability 1 - 2^(1-n).
    interval: { level: trials.length > 1 ? 1 - 2 ** (1 - trials.length) : 0, low, high, method: `range of ${trials.length} per-trial rates` },
    message: messages[status],
    recommendation: recommendations[status],
  };
}
