// Enough hp requests for a P99 at the scenario's confidence, by MLPerf LoadGen's
// early-stopping rule, counted over all trials of an arm (the verdicts pool them).

import { earlyStoppingOverLatencyAllowance, minRequestsForPercentile } from '../stats/early-stopping.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { type CheckContext, makeCheck, rolesOfArm } from './check-context.ts';

const ID = 'sample-count';
const TITLE = 'Enough hp requests for P99';

const format = (x: number, digits: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

export function checkSampleCount(context: CheckContext): ValidityCheck[] {
  const { scenario } = context.record;
  const required = minRequestsForPercentile(TAIL_PERCENTILE, scenario.confidence);
  const rateHz = scenario.hp.rateHz;
  const checks: ValidityCheck[] = [];
  for (const armStats of context.stats.arms) {
    const arm: ArmName = armStats.arm;
    if (!rolesOfArm(arm).includes('hp')) continue;
    const samples = context.stats.samples.get(arm);
    if (samples === undefined || samples.hp.length === 0) continue; // skipped or failed: reported elsewhere
    const requests = samples.hp.reduce((sum, t) => sum + t.completed, 0);
    const trials = samples.hp.length;
    const confidencePercent = format(scenario.confidence * 100, 2);
    if (requests >= required) {
      const allowance = earlyStoppingOverLatencyAllowance(requests, TAIL_PERCENTILE, scenario.confidence);
      const pooled = Float64Array.from(samples.hp.flatMap((t) => Array.from(t.latenciesNs))).sort();
      const boundMs = pooled[pooled.length - allowance]! / 1e6;
      checks.push(
        makeCheck({
          id: ID,
          title: TITLE,
          status: 'pass',
          arm,
          measured: { requests, required, trials, earlyStoppingP99Ms: boundMs },
          message: `arm ${arm}: ${requests} completed hp requests over ${trials} trial(s), at least the ${required} a P99 at ${confidencePercent}% confidence needs; early-stopping P99 upper bound ${format(boundMs, 3)} ms.`,
        }),
      );
      continue;
    }
    const missing = required - requests;
    const moreSeconds = missing / rateHz;
    const durationMsNeeded = Math.ceil((required / (trials * rateHz)) * 1000);
    checks.push(
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        arm,
        measured: { requests, required, trials, rateHz },
        message: `arm ${arm}: only ${requests} completed hp requests over ${trials} trial(s); a P99 at ${confidencePercent}% confidence needs at least ${required} (MLPerf LoadGen early stopping), so any P99 from this run is not supported by its data.`,
        recommendation: `Run at least ${missing} more requests (about ${format(moreSeconds, 1)} more seconds at ${rateHz} req/s): e.g. durationMs >= ${durationMsNeeded} with ${trials} trial(s), or more trials.`,
      }),
    );
  }
  return checks;
}
