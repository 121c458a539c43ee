// Plot data for the ratio chart: every verdict that compares two levels, as one ratio
// with its interval and the bar it is judged against, on one axis where 1 is "no change".
// xsched vs the baseline arm (hp-p99-improvement, lp-throughput-loss) and now vs the
// stored baseline (regression.*, with each trial of this run as a point). The ratios and
// intervals are the verdicts' own; the trial points are checked to reproduce them.

import type { BaselineFile, ScenarioEvaluation, Verdict } from '../../documents/types/index.ts';
import { formatLevel } from './number-format.ts';
import { QUANTITY, regressionHpQuantity } from './quantity-labels.ts';
import { regressionTrialPoints } from './ratio-trial-points.ts';
import type { RatioPlotData, RatioRow } from './plot-data-types.ts';

const num = (value: number | null | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function intervalLabel(v: Verdict): string {
  return v.interval ? `${formatLevel(v.interval.level)} interval (${v.interval.method})` : 'no interval';
}

/**
 * hp-p99-improvement and lp-throughput-loss measure 1 - xsched/baseline (an improvement, a loss)
 * with an interval and a bar on that fraction; the chart shows xsched/baseline itself.
 */
function fromOneMinusRatio(v: Verdict, fractionKey: string, barKey: string, label: string, passBelow: boolean): RatioRow | null {
  const fraction = num(v.measured[fractionKey]);
  if (fraction === null) return null;
  const bar = num(v.threshold[barKey]);
  return {
    label, verdictId: v.id, status: v.status, ratio: 1 - fraction,
    low: v.interval ? 1 - v.interval.high : null, high: v.interval ? 1 - v.interval.low : null, intervalLabel: intervalLabel(v),
    threshold: bar === null ? null : 1 - bar, passBelow, trials: null,
  };
}

/** regression.<arm>.<metric> measures now/stored with its interval and decision boundary. */
function fromRegression(v: Verdict, evaluation: ScenarioEvaluation, baseline: BaselineFile | null): RatioRow | null {
  const ratio = num(v.measured.ratio);
  if (ratio === null) return null;
  const [, arm, metric] = v.id.split('.');
  const hp = metric === 'hp-p99';
  return {
    label: `${arm} now / stored baseline, ${hp ? regressionHpQuantity(v.measured) : QUANTITY.lpIterPerSec}`, verdictId: v.id, status: v.status, ratio,
    low: v.interval?.low ?? null, high: v.interval?.high ?? null, intervalLabel: intervalLabel(v),
    threshold: num(v.threshold.decisionBoundary), passBelow: hp, trials: regressionTrialPoints(evaluation, baseline, v),
  };
}

/** `baseline`: the stored baseline the evaluation was judged against (its trials divide this run's). */
export function buildRatioPlotData(evaluation: ScenarioEvaluation, baseline: BaselineFile | null): RatioPlotData | null {
  const rows = evaluation.verdicts.flatMap((v) => {
    const row =
      v.id === 'hp-p99-improvement' ? fromOneMinusRatio(v, 'improvementFraction', 'hpP99ImprovementMinFraction', `xsched / baseline arm, ${QUANTITY.hpP99Merged}`, true)
      : v.id === 'lp-throughput-loss' ? fromOneMinusRatio(v, 'lossFraction', 'lpThroughputLossMaxFraction', `xsched / baseline arm, ${QUANTITY.lpIterPerSec}`, false)
      : v.id.startsWith('regression.') ? fromRegression(v, evaluation, baseline)
      : null;
    return row ? [row] : [];
  });
  if (rows.length === 0) return null;
  return { title: 'ratios the verdicts judge (1 = no change), with intervals and bars', rows };
}
