// A sweep's outcome from its budget verdicts, in the order overall-status.ts uses:
// fail > untested (a skipped verdict) > inconclusive > pass. Every budget is required.

import type { Verdict } from '../../documents/types/evaluation.ts';

export type SweepStatus = 'pass' | 'fail' | 'inconclusive' | 'untested';

export interface SweepDecision {
  status: SweepStatus;
  reason: string;
}

export function decideSweepStatus(verdicts: readonly Verdict[]): SweepDecision {
  const lines = (status: Verdict['status']) => verdicts.filter((v) => v.status === status).map((v) => `[${v.id}] ${v.message}`);
  if (verdicts.length === 0) return { status: 'untested', reason: 'no budget verdict was produced' };
  const [failed, skipped, inconclusive] = [lines('fail'), lines('skip'), lines('inconclusive')];
  if (failed.length > 0) return { status: 'fail', reason: failed.join(' | ') };
  if (skipped.length > 0) return { status: 'untested', reason: skipped.join(' | ') };
  if (inconclusive.length > 0) return { status: 'inconclusive', reason: inconclusive.join(' | ') };
  return { status: 'pass', reason: `${verdicts.length} budget verdict(s) passed` };
}
