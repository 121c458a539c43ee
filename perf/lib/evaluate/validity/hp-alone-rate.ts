// If hp cannot reach its target rate with the GPU to itself, no scheduler can make it
// reach it under contention: the scenario's rate is too high for this hardware.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { round3 } from '../verdicts/verdict-context.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'hp-alone-rate';
const TITLE = 'hp reaches its target rate alone';

export function checkHpAloneRate(context: CheckContext): ValidityCheck[] {
  const hp = context.stats.arms.find((a) => a.arm === 'hp-alone')?.merged.hp ?? null;
  if (hp === null) return [makeCheck({ id: ID, title: TITLE, status: 'skip', arm: 'hp-alone', message: 'No hp-alone data (arm skipped, failed or not in the scenario).' })];
  const minFraction = context.thresholds.hpAchievedRateMinFraction;
  const bar = minFraction * hp.targetRateHz;
  const measured = { achievedRateHz: hp.achievedRateHz, targetRateHz: hp.targetRateHz, minFraction, completed: hp.completed, scheduled: hp.scheduled };
  const achieved = round3(hp.achievedRateHz);
  // Judged against the same bar the xsched arm must clear, so arrival jitter alone cannot warn.
  if (hp.achievedRateHz >= bar) {
    return [makeCheck({ id: ID, title: TITLE, status: 'pass', arm: 'hp-alone', measured, message: `hp alone achieved ${achieved} req/s of the ${hp.targetRateHz} req/s target.` })];
  }
  return [
    makeCheck({
      id: ID,
      title: TITLE,
      status: 'warn',
      arm: 'hp-alone',
      measured,
      message: `hp alone achieved only ${achieved} req/s of the ${hp.targetRateHz} req/s target (below ${minFraction} x target): the GPU cannot sustain this rate even without lp, so the xsched rate verdict cannot pass for reasons no scheduler controls.`,
      recommendation: `Lower the scenario's hp rate for this hardware (hp alone P50 service ${round3(hp.serviceMs.p50)} ms), or check what else runs on the GPU.`,
    }),
  ];
}
