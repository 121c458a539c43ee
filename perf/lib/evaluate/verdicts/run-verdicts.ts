// All verdicts of a run, in a fixed order.

import type { Verdict } from '../../documents/types/evaluation.ts';
import { judgeBaselineRegression } from './baseline-regression.ts';
import { judgeHpAchievedRate } from './hp-achieved-rate.ts';
import { judgeHpP99Improvement } from './hp-p99-improvement.ts';
import { judgeLpThroughputLoss } from './lp-throughput-loss.ts';
import type { VerdictContext } from './verdict-context.ts';
import { judgeXschedVsReference } from './xsched-vs-reference.ts';
import { REFERENCE_ARMS } from '../../plan/scenarios/arms.ts';

/** Only a scenario that runs a reference arm is compared with one (docs/arms.md). */
function referenceVerdicts(context: VerdictContext): Verdict[] {
  return context.record.scenario.arms.some((arm) => REFERENCE_ARMS.includes(arm)) ? [judgeXschedVsReference(context)] : [];
}

export function runVerdicts(context: VerdictContext): Verdict[] {
  return [judgeHpAchievedRate(context), judgeHpP99Improvement(context), judgeLpThroughputLoss(context), ...judgeBaselineRegression(context), ...referenceVerdicts(context)];
}
