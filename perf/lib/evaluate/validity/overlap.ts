// True overlap: in the arms where both models run, lp must be iterating through at least
// 95% of hp's measurement window, or hp was (partly) measured alone.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { CONCURRENT_ARMS, type CheckContext, describeTrial, makeCheck } from './check-context.ts';

const ID = 'overlap';
const TITLE = 'lp ran throughout the hp window';
export const MIN_OVERLAP_FRACTION = 0.95;

export function checkOverlap(context: CheckContext): ValidityCheck[] {
  const checks: ValidityCheck[] = [];
  for (const arm of CONCURRENT_ARMS) {
    const samples = context.stats.samples.get(arm);
    if (samples === undefined) continue;
    for (const hp of samples.hp) {
      const lp = samples.lp.find((s) => s.trial === hp.trial);
      if (lp === undefined) continue; // the worker checks report the missing lp worker
      const coverage = lp.coveredNs / hp.windowNs;
      const measured = { coveragePercent: round2(coverage * 100), windowMs: hp.windowNs / 1e6, lpBusyMs: round2(lp.coveredNs / 1e6) };
      const where = describeTrial(arm, hp.trial);
      checks.push(
        coverage >= MIN_OVERLAP_FRACTION
          ? makeCheck({ id: ID, title: TITLE, status: 'pass', arm, trial: hp.trial, measured, message: `${where}: lp iterated through ${measured.coveragePercent}% of the hp window.` })
          : makeCheck({
              id: ID,
              title: TITLE,
              status: 'fail',
              arm,
              trial: hp.trial,
              measured,
              message: `${where}: lp iterated through only ${measured.coveragePercent}% of the ${measured.windowMs} ms hp window (at least ${MIN_OVERLAP_FRACTION * 100}% needed): part of hp was measured without contention.`,
              recommendation: 'lp started late, stalled or stopped early: read the lp worker log; its iterations must run back to back from the start instant past the end instant.',
            }),
      );
    }
  }
  return checks;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
