// Normal, gamma and beta variates from a SeededRandom.

import type { SeededRandom } from './seeded-random.ts';

/** N(0, 1) by Box-Muller (one of the pair is used; simplicity over speed). */
export function drawStandardNormal(random: SeededRandom): number {
  const u1 = random.nextOpen01();
  const u2 = random.nextOpen01();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through the U^(1/shape) boost. */
export function drawGamma(random: SeededRandom, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`drawGamma needs a finite shape > 0, received ${shape}`);
  if (shape < 1) return drawGamma(random, shape + 1) * Math.pow(random.nextOpen01(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = drawStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.nextOpen01();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function drawBeta(random: SeededRandom, a: number, b: number): number {
  const x = drawGamma(random, a);
  const y = drawGamma(random, b);
  return x / (x + y);
}
