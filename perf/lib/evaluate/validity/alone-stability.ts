// The alone arms are the run's calibration: hp or lp with the GPU to itself measures the same in
// every trial of a run on an undisturbed machine. When one of them moves several-fold within the
// run, the machine changed while it ran, and every arm's numbers moved with it (an H200 under MPS
// whose hp-alone P99 went from 0.45 ms to 2.56 ms in later trials while no foreign process showed:
// docs/gpu-results.md section 10). Such a run compares nothing and must not become a baseline.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { round3 } from '../verdicts/verdict-context.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'alone-stability';

/**
 * Largest max/min of an alone arm's per-trial values in a valid run. Recorded H200 runs
 * (docs/statistics.md section 2): hp-alone P99 at most 1.3x (0.45-0.58 ms), lp-alone iter/s
 * at most 1.005x; the bounds leave room for sampling noise of a P99 from a few hundred requests.
 */
export const ALONE_MAX_SPREAD = { 'hp-alone': 2, 'lp-alone': 1.1 } as const;

type AloneArm = keyof typeof ALONE_MAX_SPREAD;

const METRIC: Record<AloneArm, { name: string; unit: string; higherIsWorse: boolean }> = {
  'hp-alone': { name: 'hp P99', unit: 'ms', higherIsWorse: true },
  'lp-alone': { name: 'lp throughput', unit: 'iter/s', higherIsWorse: false },
};

function perTrialValues(context: CheckContext, arm: AloneArm): Array<{ trial: number; value: number }> {
  const trials = context.stats.arms.find((a) => a.arm === arm)?.trials ?? [];
  return trials
    .map((t) => ({ trial: t.trial, value: arm === 'hp-alone' ? (t.hp?.latencyMs.p99 ?? NaN) : (t.lp?.iterPerSec ?? NaN) }))
    .filter((t) => Number.isFinite(t.value) && t.value > 0);
}

function checkArm(context: CheckContext, arm: AloneArm): ValidityCheck {
  const title = `${arm} measures the same in every trial (the machine did not change during the run)`;
  const values = perTrialValues(context, arm);
  if (values.length < 2) {
    return makeCheck({ id: ID, title, status: 'skip', arm, message: `Fewer than 2 trials of ${arm} with finite values: nothing to compare.` });
  }
  const { name, unit, higherIsWorse } = METRIC[arm];
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  const spread = high.value / low.value;
  const bound = ALONE_MAX_SPREAD[arm];
  const listed = values.map((v) => `${round3(v.value)}`).join(', ');
  const measured = { spread: round3(spread), maxSpread: bound, lowestTrial: low.trial, lowest: round3(low.value), highestTrial: high.trial, highest: round3(high.value) };
  if (spread <= bound) {
    return makeCheck({ id: ID, title, status: 'pass', arm, measured, message: `${arm} ${name} per trial ${listed} ${unit}: within ${round3(spread)}x (at most ${bound}x).` });
  }
  const worst = higherIsWorse ? high : low;
  const best = higherIsWorse ? low : high;
  return makeCheck({
    id: ID,
    title,
    status: 'fail',
    arm,
    measured,
    message:
      `${arm} ${name} per trial ${listed} ${unit}: ${round3(spread)}x apart (trial ${worst.trial} ${round3(worst.value)} against trial ${best.trial} ${round3(best.value)}; ` +
      `at most ${bound}x in an undisturbed run). With the GPU to itself this arm should not move: the machine changed while the run measured, so its arms cannot be compared with each other or with a stored baseline.`,
    recommendation:
      'Run again when the machine is quiet. The environment checks and npm run perf:doctor name foreign GPU processes, throttling and host CPU load; ' +
      'a GPU shared with other tenants (a VM neighbour, other MPS clients) can disturb a run without showing any of them.',
  });
}

export function checkAloneStability(context: CheckContext): ValidityCheck[] {
  return (Object.keys(ALONE_MAX_SPREAD) as AloneArm[])
    .filter((arm) => context.stats.arms.some((a) => a.arm === (arm as ArmName)))
    .map((arm) => checkArm(context, arm));
}
