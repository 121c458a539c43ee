// Contention present: the baseline arm (both models, native) must be measurably worse than
// the alone arms, or the run did not test what it claims (e.g. the two processes were not
// really sharing the GPU, or the lp load is too light to disturb hp).

import { percentileRatioInterval } from '../stats/intervals/percentile-ratio-interval.ts';
import type { RatioInterval } from '../stats/intervals/ratio-interval.ts';
import { throughputRatioInterval } from '../stats/intervals/throughput-ratio-interval.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import { seedForRun } from '../stats/random/seeded-random.ts';
import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { round3 } from '../verdicts/verdict-context.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'contention';
const TITLE = 'Baseline shows contention';

const describe = (i: RatioInterval): string => `${round3(i.estimate)} [${round3(i.low)}, ${round3(i.high)}]`;

export function checkContention(context: CheckContext): ValidityCheck[] {
  const { record, stats } = context;
  const baseline = stats.samples.get('baseline');
  const hpAlone = stats.samples.get('hp-alone');
  const lpAlone = stats.samples.get('lp-alone');
  if (!baseline || !hpAlone || !lpAlone || baseline.hp.length === 0 || hpAlone.hp.length === 0 || baseline.lp.length === 0 || lpAlone.lp.length === 0) {
    return [makeCheck({ id: ID, title: TITLE, status: 'skip', message: 'Contention needs baseline, hp-alone and lp-alone data; at least one is missing (skipped or failed).' })];
  }
  const confidence = record.scenario.confidence;
  const hpRatio = percentileRatioInterval({
    numerator: baseline.hp,
    denominator: hpAlone.hp,
    paired: true,
    percentile: TAIL_PERCENTILE,
    confidence,
    seed: seedForRun(record.runId, record.scenario.seed, ID),
  });
  const lpRatio = throughputRatioInterval(baseline.lp, lpAlone.lp, { paired: true, confidence });
  if (hpRatio === null || lpRatio === null) {
    return [makeCheck({ id: ID, title: TITLE, status: 'skip', message: 'Contention cannot be estimated: the baseline and alone arms share no trial with usable samples.' })];
  }
  const measured = {
    hpP99RatioBaselineToAlone: round3(hpRatio.estimate),
    hpP99RatioLow: round3(hpRatio.low),
    hpP99RatioHigh: round3(hpRatio.high),
    lpThroughputRatioBaselineToAlone: round3(lpRatio.estimate),
    lpThroughputRatioLow: round3(lpRatio.low),
    lpThroughputRatioHigh: round3(lpRatio.high),
    confidence,
  };
  // Within noise: the interval cannot tell the baseline from the alone arm.
  const hpWithinNoise = hpRatio.low <= 1;
  const lpWithinNoise = lpRatio.high >= 1;
  const numbers = `baseline/hp-alone hp P99 ratio ${describe(hpRatio)}, baseline/lp-alone lp throughput ratio ${describe(lpRatio)} (${confidence * 100}% intervals)`;
  if (hpWithinNoise && lpWithinNoise) {
    return [
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'warn',
        measured,
        message: `NO CONTENTION MEASURED: running both models together changed neither hp P99 nor lp throughput beyond noise (${numbers}). THIS EXPERIMENT DID NOT TEST WHAT IT CLAIMS: there was nothing for a scheduler to fix.`,
        recommendation: 'Check that hp and lp really share the GPU at once (same-gpu check, sharing mode, e.g. MPS); make lp heavier (larger batch) or hp faster; or run longer for a tighter interval.',
      }),
    ];
  }
  const which = hpWithinNoise ? 'lp throughput dropped, hp P99 within noise' : lpWithinNoise ? 'hp P99 grew, lp throughput within noise' : 'hp P99 grew and lp throughput dropped';
  return [makeCheck({ id: ID, title: TITLE, status: 'pass', measured, message: `Contention present (${which}): ${numbers}.` })];
}
