// Fisher's F distribution: CDF and quantile, for the test of whether one run's trial spread
// fits the spread it would be pooled with (intervals/log-t-interval.ts).

import { regularizedIncompleteBeta } from './incomplete-beta.ts';

function checkDegreesOfFreedom(name: string, d1: number, d2: number): void {
  if (!(d1 > 0) || !(d2 > 0)) throw new RangeError(`${name} needs degrees of freedom > 0, received ${d1} and ${d2}`);
}

/** P(F <= x) for F ~ F(d1, d2): I_{d1 x / (d1 x + d2)}(d1 / 2, d2 / 2). */
export function fCdf(x: number, d1: number, d2: number): number {
  checkDegreesOfFreedom('fCdf', d1, d2);
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  return regularizedIncompleteBeta((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

const RELATIVE_TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

/** The x with P(F <= x) = probability, by bisection on the CDF (about 45 CDF evaluations: once per pooled lp verdict). */
export function fQuantile(probability: number, d1: number, d2: number): number {
  if (!(probability > 0 && probability < 1)) throw new RangeError(`fQuantile needs 0 < probability < 1, received ${probability}`);
  checkDegreesOfFreedom('fQuantile', d1, d2);
  let low = 0;
  let high = 1;
  while (fCdf(high, d1, d2) < probability) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < MAX_ITERATIONS && high - low > RELATIVE_TOLERANCE * high; i++) {
    const middle = (low + high) / 2;
    if (fCdf(middle, d1, d2) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
