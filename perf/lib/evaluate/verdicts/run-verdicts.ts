// All verdicts of a run, in a fixed order.

import type { Verdict } from '../../documents/types/evaluation.ts';
import { judgeBaselineRegression } from './baseline-regression.ts';
import { judgeHpAchievedRate } from './hp-achieved-rate.ts';
import { judgeHpP99Improvement } from './hp-p99-improvement.ts';
import { judgeLpThroughputLoss } from './lp-throughput-loss.ts';
import type { VerdictContext } from './verdict-context.ts';

export function runVerdicts(context: VerdictContext): Verdict[] {
  return [judgeHpAchievedRate(context), judgeHpP99Improvement(context), judgeLpThroughputLoss(context), ...judgeBaselineRegression(context)];
}
