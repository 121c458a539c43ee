// hp P99 improvement of xsched over baseline must be at least hpP99ImprovementMinFraction,
// judged on a confidence interval for 1 - P99(xsched) / P99(baseline), paired by trial. When a
// stored baseline can judge this run, the t part's trial-to-trial spread is pooled with its
// runs' paired per-trial P99s, each run around its own mean, as lp-throughput-loss.ts does
// (docs/statistics.md section 3.2): the centre stays this run's.

import type { Verdict } from '../../documents/types/evaluation.ts';
import { storedSpreadSource } from './comparable-baseline.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
import { pairedP99 } from './paired-p99.ts';
import { type VerdictContext, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

const ID = 'hp-p99-improvement';

export function judgeHpP99Improvement(context: VerdictContext): Verdict {
  const minImprovement = context.thresholds.hpP99ImprovementMinFraction;
  const rule = `xsched hp P99 <= ${round3(1 - minImprovement)} x baseline hp P99 (improvement >= ${percent(minImprovement)})`;
  const reason = unavailableReason(context, 'xsched', 'hp') ?? unavailableReason(context, 'baseline', 'hp');
  if (reason !== null) return skipVerdict(ID, rule, `Not judged: ${reason}.`);

  const compared = pairedP99(context, 'baseline', ID, storedSpreadSource(context, 'hpP99Ms'));
  if (compared === null) return skipVerdict(ID, rule, 'Not judged: xsched and baseline share no trial in which both have hp samples.');
  const { interval, improvement, pairs, xschedP99Ms, otherP99Ms: baselineP99Ms, pooled } = compared;
  const status = decideAgainstThreshold(interval, minImprovement, 'at-least');
  const oneTrial = pairs === 1 ? ' With 1 trial the interval holds within-trial noise only; run-to-run variation is not measured.' : '';
  const summary = `hp P99 ${round3(xschedP99Ms)} ms (xsched) vs ${round3(baselineP99Ms)} ms (baseline): improvement ${percent(improvement)}, ${percent(interval.level)} interval [${percent(interval.low)}, ${percent(interval.high)}] over ${pairs} paired trial(s), needed >= ${percent(minImprovement)}.${oneTrial}`;
  const recommendation =
    status === 'fail'
      ? 'XSched did not cut hp tail latency enough: check the xsched checks (shim mapped, both processes registered, priorities set); a lower lp threshold (XSCHED_AUTO_XQUEUE_THRESHOLD) preempts sooner; if this hardware cannot do better, set hpP99ImprovementMinFraction in the baseline thresholds.'
      : status === 'inconclusive'
        ? recommendMoreData({ estimate: improvement, low: interval.low, high: interval.high, threshold: minImprovement, trials: pairs, confidence: interval.level, extraDegreesOfFreedom: pooled?.degreesOfFreedom ?? 0, direction: 'at-least' })
        : null;
  return {
    id: ID,
    rule,
    status,
    // pooledStoredTrials only when pooled, so evaluations without a comparable baseline read as before.
    measured: { xschedP99Ms, baselineP99Ms, improvementFraction: improvement, pairedTrials: pairs, ...(pooled !== undefined ? { pooledStoredTrials: pooled.trials } : {}) },
    threshold: { hpP99ImprovementMinFraction: minImprovement },
    interval,
    message: `${status === 'pass' ? 'Pass' : status === 'fail' ? 'Fail' : 'Inconclusive'}: ${summary}`,
    recommendation,
  };
}

