// lp throughput loss of xsched against baseline must be at most lpThroughputLossMaxFraction,
// judged on a confidence interval for 1 - lp(xsched) / lp(baseline), paired by trial. When a
// stored baseline can judge this run, the trial-to-trial spread of the ratio is pooled with its
// runs' paired trials, each run around its own mean (docs/statistics.md section 3.3): the
// centre stays this run's.

import { pairTrialsByIndex } from '../stats/intervals/pair-trials.ts';
import { throughputRatioInterval } from '../stats/intervals/throughput-ratio-interval.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { storedSpreadSource } from './comparable-baseline.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
import { type VerdictContext, oneMinus, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

const ID = 'lp-throughput-loss';

export function judgeLpThroughputLoss(context: VerdictContext): Verdict {
  const { record } = context;
  const maxLoss = context.thresholds.lpThroughputLossMaxFraction;
  const rule = `xsched lp throughput >= ${round3(1 - maxLoss)} x baseline lp throughput (loss <= ${percent(maxLoss)})`;
  const reason = unavailableReason(context, 'xsched', 'lp') ?? unavailableReason(context, 'baseline', 'lp');
  if (reason !== null) return skipVerdict(ID, rule, `Not judged: ${reason}.`);

  const [xsched, baseline] = pairTrialsByIndex(context.stats.samples.get('xsched')!.lp, context.stats.samples.get('baseline')!.lp);
  if (xsched.length === 0) return skipVerdict(ID, rule, 'Not judged: xsched and baseline share no trial in which both have lp samples.');
  const xschedIterPerSec = xsched.reduce((s, t) => s + t.iterPerSec, 0) / xsched.length;
  const baselineIterPerSec = baseline.reduce((s, t) => s + t.iterPerSec, 0) / baseline.length;
  const summary = `lp ${round3(xschedIterPerSec)} iter/s (xsched) vs ${round3(baselineIterPerSec)} iter/s (baseline) over ${xsched.length} paired trial(s)`;
  const ratio = throughputRatioInterval(xsched, baseline, { paired: true, confidence: record.scenario.confidence, pooledSpreadWith: storedSpreadSource(context, 'lpIterPerSec') });
  // Pooled only on the paired t path, and only when this run's trials spread as the stored ones do (log-t-interval.ts).
  const pooled = ratio?.pooled;
  const measured = {
    xschedIterPerSec,
    baselineIterPerSec,
    lossFraction: 1 - xschedIterPerSec / baselineIterPerSec,
    pairedTrials: xsched.length,
    // Only when pooled, so evaluations without a comparable baseline read as before.
    ...(pooled !== undefined ? { pooledStoredTrials: pooled.trials } : {}),
  };
  const threshold = { lpThroughputLossMaxFraction: maxLoss };
  if (ratio === null) {
    return {
      id: ID,
      rule,
      status: 'inconclusive',
      measured,
      threshold,
      interval: null,
      message: `Inconclusive: ${summary}, loss ${percent(measured.lossFraction)}; no noise estimate is possible (a trial with fewer than 2 lp iterations).`,
      recommendation: 'Run longer trials so lp completes several iterations, and 2 or more trials.',
    };
  }
  const interval = oneMinus(ratio);
  const loss = 1 - ratio.estimate;
  measured.lossFraction = loss;
  const status = decideAgainstThreshold(interval, maxLoss, 'at-most');
  const recommendation =
    status === 'fail'
      ? 'XSched costs lp more than allowed: a higher lp threshold (XSCHED_AUTO_XQUEUE_THRESHOLD) or batch size preempts less often; if this hardware cannot do better, set lpThroughputLossMaxFraction in the baseline thresholds.'
      : status === 'inconclusive'
        ? recommendMoreData({
            estimate: loss,
            low: interval.low,
            high: interval.high,
            threshold: maxLoss,
            trials: xsched.length,
            confidence: interval.level,
            extraDegreesOfFreedom: pooled?.degreesOfFreedom ?? 0,
            direction: 'at-most',
          })
        : null;
  const label = status === 'pass' ? 'Pass' : status === 'fail' ? 'Fail' : 'Inconclusive';
  return {
    id: ID,
    rule,
    status,
    measured,
    threshold,
    interval,
    message: `${label}: ${summary}: loss ${percent(loss)}, ${percent(interval.level)} interval [${percent(interval.low)}, ${percent(interval.high)}] (${interval.method}), allowed <= ${percent(maxLoss)}.`,
    recommendation,
  };
}
