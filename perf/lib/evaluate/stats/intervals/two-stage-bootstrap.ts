// The two-stage bootstrap of a pooled latency percentile (trials with replacement, then
// requests from the chosen trials: pooled-percentile-resampler.ts), for one or more sides at
// once: the P99 ratio of two arms (percentile-ratio-interval.ts) and one arm's P99 alone
// (sweeps/hp-p99-interval.ts) draw their replicates here, from one seeded stream.

import type { SeededRandom } from '../random/seeded-random.ts';
import { createPooledPercentileResampler } from './pooled-percentile-resampler.ts';

interface TwoStageBootstrapRequest {
  /** Per side, its trials' latencies (each ascending); every side has at least one sample. */
  sides: ReadonlyArray<Float64Array[]>;
  /** Every side reuses the first side's trial picks (sides paired by trial index, equal in count). */
  paired: boolean;
  percentile: number;
  resamples: number;
  random: SeededRandom;
}

/** Stage 1: how often each of `count` trials is picked in `count` draws with replacement. */
function drawTrialWeights(count: number, random: SeededRandom): number[] {
  const weights = new Array<number>(count).fill(0);
  for (let i = 0; i < count; i++) {
    const picked = random.nextIntBelow(count);
    weights[picked] = weights[picked]! + 1;
  }
  return weights;
}

/** Per side, `resamples` bootstrap replicates of its pooled percentile (unsorted, replicate b of every side from the same draw). */
export function drawPooledPercentiles(request: TwoStageBootstrapRequest): Float64Array[] {
  const { sides, paired, percentile, resamples, random } = request;
  const resamplers = sides.map(createPooledPercentileResampler);
  const draws = sides.map(() => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    // All sides' trial picks first, then their stage-2 draws: the order the seeded results depend on.
    const weights: number[][] = [];
    for (const trials of sides) weights.push(paired && weights.length > 0 ? weights[0]! : drawTrialWeights(trials.length, random));
    resamplers.forEach((resampler, side) => {
      draws[side]![b] = resampler.drawPercentile(weights[side]!, percentile, random);
    });
  }
  return draws;
}
