// hp P99 improvement of xsched over baseline must be at least hpP99ImprovementMinFraction,
// judged on a confidence interval for 1 - P99(xsched) / P99(baseline), paired by trial.

import { pairTrialsByIndex } from '../stats/intervals/pair-trials.ts';
import { percentileRatioInterval, pooledPercentileNs } from '../stats/intervals/percentile-ratio-interval.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import { seedForRun } from '../stats/random/seeded-random.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
import { type VerdictContext, oneMinus, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

const ID = 'hp-p99-improvement';

export function judgeHpP99Improvement(context: VerdictContext): Verdict {
  const { record } = context;
  const minImprovement = context.thresholds.hpP99ImprovementMinFraction;
  const rule = `xsched hp P99 <= ${round3(1 - minImprovement)} x baseline hp P99 (improvement >= ${percent(minImprovement)})`;
  const reason = unavailableReason(context, 'xsched', 'hp') ?? unavailableReason(context, 'baseline', 'hp');
  if (reason !== null) return skipVerdict(ID, rule, `Not judged: ${reason}.`);

  const xsched = context.stats.samples.get('xsched')!.hp;
  const baseline = context.stats.samples.get('baseline')!.hp;
  const ratio = percentileRatioInterval({
    numerator: xsched,
    denominator: baseline,
    paired: true,
    percentile: TAIL_PERCENTILE,
    confidence: record.scenario.confidence,
    seed: seedForRun(record.runId, record.scenario.seed, ID),
  });
  if (ratio === null) return skipVerdict(ID, rule, 'Not judged: xsched and baseline share no trial in which both have hp samples.');
  const [pairedXsched, pairedBaseline] = pairTrialsByIndex(xsched, baseline);
  const pairs = pairedXsched.length;
  const interval = oneMinus(ratio);
  const improvement = 1 - ratio.estimate;
  const status = decideAgainstThreshold(interval, minImprovement, 'at-least');
  const xschedP99Ms = pooledPercentileNs(pairedXsched, TAIL_PERCENTILE) / 1e6;
  const baselineP99Ms = pooledPercentileNs(pairedBaseline, TAIL_PERCENTILE) / 1e6;
  const oneTrial = pairs === 1 ? ' With 1 trial the interval holds within-trial noise only; run-to-run variation is not measured.' : '';
  const summary = `hp P99 ${round3(xschedP99Ms)} ms (xsched) vs ${round3(baselineP99Ms)} ms (baseline): improvement ${percent(improvement)}, ${percent(interval.level)} interval [${percent(interval.low)}, ${percent(interval.high)}] over ${pairs} paired trial(s), needed >= ${percent(minImprovement)}.${oneTrial}`;
  const recommendation =
    status === 'fail'
      ? 'XSched did not cut hp tail latency enough: check the xsched checks (shim mapped, both processes registered, priorities set); a lower lp threshold (XSCHED_AUTO_XQUEUE_THRESHOLD) preempts sooner; if this hardware cannot do better, set hpP99ImprovementMinFraction in the baseline thresholds.'
      : status === 'inconclusive'
        ? recommendMoreData({ estimate: improvement, low: interval.low, high: interval.high, threshold: minImprovement, trials: pairs, confidence: interval.level })
        : null;
  return {
    id: ID,
    rule,
    status,
    measured: { xschedP99Ms, baselineP99Ms, improvementFraction: improvement, pairedTrials: pairs },
    threshold: { hpP99ImprovementMinFraction: minImprovement },
    interval,
    message: `${status === 'pass' ? 'Pass' : status === 'fail' ? 'Fail' : 'Inconclusive'}: ${summary}`,
    recommendation,
  };
}

