// Draws the percentile of a two-stage bootstrap resample without materialising it.
//
// Stage 1 picks trials with replacement (weights c_i = times trial i was picked). Stage 2
// draws M = sum c_i n_i requests with replacement from those trials pooled (each request of
// trial i weighted c_i). The r-th smallest of M iid draws from a distribution F equals
// F^-1(U_(r)), where U_(r) ~ Beta(r, M - r + 1) is the r-th smallest of M uniforms. So one
// Beta variate and a binary search over the pooled sorted values replace M draws and a sort.

import { drawBeta } from '../random/random-variates.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { nearestRank } from '../percentile.ts';

export interface PooledPercentileResampler {
  trialCount: number;
  /** Percentile of one stage-2 resample, given stage-1 weights per trial (same order as the input). */
  drawPercentile(trialWeights: number[], percentile: number, random: SeededRandom): number;
}

export function createPooledPercentileResampler(trialsSortedNs: Float64Array[]): PooledPercentileResampler {
  const trialCount = trialsSortedNs.length;
  const sizes = trialsSortedNs.map((t) => t.length);
  const total = sizes.reduce((s, n) => s + n, 0);
  if (trialCount === 0 || total === 0) throw new RangeError('createPooledPercentileResampler needs at least one sample');
  // All values sorted with their trial; prefix[t * (total + 1) + g] = trial-t values among the first g.
  const entries: Array<[number, number]> = [];
  trialsSortedNs.forEach((values, t) => values.forEach((v) => entries.push([v, t])));
  entries.sort((x, y) => x[0] - y[0]);
  const values = Float64Array.from(entries, (e) => e[0]);
  const prefix = new Int32Array(trialCount * (total + 1));
  for (let g = 0; g < total; g++) {
    for (let t = 0; t < trialCount; t++) prefix[t * (total + 1) + g + 1] = prefix[t * (total + 1) + g]!;
    const at = entries[g]![1] * (total + 1) + g + 1;
    prefix[at] = prefix[at]! + 1;
  }
  const weightedCountUpTo = (g: number, weights: number[]): number => {
    let count = 0;
    for (let t = 0; t < trialCount; t++) count += weights[t]! * prefix[t * (total + 1) + g]!;
    return count;
  };
  return {
    trialCount,
    drawPercentile(trialWeights, percentile, random) {
      const m = trialWeights.reduce((s, w, t) => s + w * sizes[t]!, 0);
      if (m === 0) return Number.NaN;
      const r = nearestRank(m, percentile);
      const u = r === m ? Math.pow(random.nextOpen01(), 1 / m) : drawBeta(random, r, m - r + 1);
      // Smallest g (1-based count of pooled values) with weighted CDF >= u.
      let low = 0;
      let high = total;
      while (high - low > 1) {
        const middle = (low + high) >>> 1;
        if (weightedCountUpTo(middle, trialWeights) / m >= u) high = middle;
        else low = middle;
      }
      return values[high - 1]!;
    },
  };
}
