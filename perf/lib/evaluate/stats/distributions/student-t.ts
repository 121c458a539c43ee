// Student's t distribution: CDF and quantile, for t-intervals over trials.

import { regularizedIncompleteBeta } from './incomplete-beta.ts';

/** P(T <= t) for T ~ Student t with `degreesOfFreedom` (> 0, may be fractional: Welch). */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(`studentTCdf needs degreesOfFreedom > 0, received ${degreesOfFreedom}`);
  }
  if (t === 0) return 0.5;
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The t with P(T <= t) = probability, found by bisection (monotone CDF, so always converges). */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`studentTQuantile needs 0 < probability < 1, received ${probability}`);
  }
  if (probability === 0.5) return 0;
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  let high = 1;
  while (studentTCdf(high, degreesOfFreedom) < probability) high *= 2;
  let low = 0;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
