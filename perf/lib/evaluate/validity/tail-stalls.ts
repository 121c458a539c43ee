// Trials whose hp tail stalled. With a few hundred requests a trial, P99 is about the 5th slowest, so
// when about 1% of requests stall for several times the usual latency, P99 jumps (1.2 -> 2.5 ms)
// while P90 barely moves. On H200s that is how XSched's quick hp P99 moved between trials and runs
// under time slicing, and how both shared arms moved under MPS (docs/gpu-results.md section 11).
// A stalled trial is a measurement, not a broken one, so this check only warns: it names the
// trials, so that a reader sees why an arm's P99 (and its regression verdict) is so wide.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { round3 } from '../verdicts/verdict-context.ts';
import type { RunStatistics } from '../stats/run-statistics.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'tail-stalls';

/**
 * A trial's tail stalled when its P99/P90 is over STALL_TAIL_RATIO times the arm's smallest and
 * its P99 over STALL_P99_RATIO times the arm's lowest. Recorded H200 runs: undisturbed trials'
 * P99/P90 stay within 1.1x of each other's (quick: 1.19-1.33, baseline arm 1.11); stalled ones
 * are 1.7x or more (2.03-2.32 against 1.22, 3.25-3.37 against 1.03).
 */
export const STALL_TAIL_RATIO = 1.5;
export const STALL_P99_RATIO = 1.3;

interface TrialTail {
  trial: number;
  p90: number;
  p99: number;
  /** p99 / p90: the tail's shape. */
  shape: number;
}

function tailsOf(trials: RunStatistics['arms'][number]['trials']): TrialTail[] {
  return trials
    .map((t) => ({ trial: t.trial, p90: t.hp?.latencyMs.p90 ?? NaN, p99: t.hp?.latencyMs.p99 ?? NaN }))
    .filter((t) => Number.isFinite(t.p90) && Number.isFinite(t.p99) && t.p90 > 0 && t.p99 > 0)
    .map((t) => ({ ...t, shape: t.p99 / t.p90 }));
}

function checkArm(arm: ArmName, tails: TrialTail[]): ValidityCheck {
  const title = `${arm}: no trial's hp tail stalled (P99 far above P90 in some trials only)`;
  if (tails.length < 2) {
    return makeCheck({ id: ID, title, status: 'skip', arm, message: `Fewer than 2 trials of ${arm} with hp latencies: nothing to compare.` });
  }
  const calm = tails.reduce((a, b) => (b.shape < a.shape ? b : a));
  const lowestP99 = Math.min(...tails.map((t) => t.p99));
  const stalled = tails.filter((t) => t.shape > STALL_TAIL_RATIO * calm.shape && t.p99 > STALL_P99_RATIO * lowestP99);
  const measured = { stalledCount: stalled.length, stalledTrials: stalled.map((t) => t.trial).join(','), calmTrial: calm.trial, calmP99OverP90: round3(calm.shape) };
  if (stalled.length === 0) {
    return makeCheck({ id: ID, title, status: 'pass', arm, measured, message: `${arm}: every trial's P99/P90 within ${STALL_TAIL_RATIO}x of trial ${calm.trial}'s ${round3(calm.shape)}.` });
  }
  const listed = stalled.map((t) => `trial ${t.trial} P99 ${round3(t.p99)} ms at P90 ${round3(t.p90)} ms`).join(', ');
  return makeCheck({
    id: ID,
    title,
    status: 'warn',
    arm,
    measured,
    message:
      `${arm}: the hp tail stalled in ${stalled.length} of ${tails.length} trials (${listed}; trial ${calm.trial}: P99 ${round3(calm.p99)} at P90 ${round3(calm.p90)} ms). ` +
      `A few requests took several times the usual latency; with P99 near the stall rate, this arm's P99 moves from trial to trial with how many stall, ` +
      `and its comparisons (the regression verdict, the improvement) are that much wider.`,
    recommendation:
      'Look at the trials in the report: if only the xsched arm stalls and the interleaved baseline trials do not, XSched is entering a slower mode ' +
      '(docs/gpu-results.md section 11); if every shared arm stalls at the same time, the GPU or its sharing (MPS) is. More trials average the stall rate; they do not remove it.',
  });
}

export function checkTailStalls(context: CheckContext): ValidityCheck[] {
  return context.stats.arms.filter((a) => a.trials.some((t) => t.hp !== null)).map((a) => checkArm(a.arm, tailsOf(a.trials)));
}
