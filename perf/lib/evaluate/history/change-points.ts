// Change points in a series of runs: E-divisive means (energy-statistic.ts) with a seeded
// permutation test, splitting recursively as Apache Otava (hunter) does. Long series are
// analysed in overlapping windows, as Otava's window_len does, to keep the cost O(n * w^2).

import { createSeededRandom, type SeededRandom } from '../stats/random/seeded-random.ts';
import { bestEnergySplit } from './energy-statistic.ts';

export interface ChangePointOptions {
  /** A split is kept when its permutation p-value is below this. Default 0.01. */
  significance?: number;
  /** Most permutations per test. Default 199 (smallest p-value 0.005). */
  maxPermutations?: number;
  /** Each segment at least this many runs. Default 3. */
  minSize?: number;
  /** Points per analysis window for long series; windows overlap by half. Default 64. */
  windowSize?: number;
  seed?: number;
}

export interface ChangePoint {
  /** Index of the first run after the change. */
  index: number;
  pValue: number;
  q: number;
}

const DEFAULTS = { significance: 0.01, maxPermutations: 199, minSize: 3, windowSize: 64, seed: 0x5eed } as const;
/** Sequential stop (Besag and Clifford 1991): after this many permuted Q >= the observed one, p is large. */
const EXCEEDANCES_TO_STOP = 10;

function shuffled(values: readonly number[], random: SeededRandom): number[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.nextIntBelow(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function permutationPValue(values: readonly number[], observedQ: number, o: Required<ChangePointOptions>, random: SeededRandom): number {
  let exceed = 0;
  let done = 0;
  while (done < o.maxPermutations && exceed < EXCEEDANCES_TO_STOP) {
    const q = bestEnergySplit(shuffled(values, random), o.minSize)?.q ?? 0;
    if (q >= observedQ) exceed++;
    done++;
  }
  return (exceed + 1) / (done + 1);
}

function splitSegment(values: readonly number[], offset: number, o: Required<ChangePointOptions>, random: SeededRandom, found: ChangePoint[]): void {
  const best = bestEnergySplit(values, o.minSize);
  if (!best || best.q <= 0) return;
  const pValue = permutationPValue(values, best.q, o, random);
  if (pValue >= o.significance) return;
  found.push({ index: offset + best.index, pValue, q: best.q });
  splitSegment(values.slice(0, best.index), offset, o, random, found);
  splitSegment(values.slice(best.index), offset + best.index, o, random, found);
}

/** Change points of `values` (in run order), sorted by index. Deterministic for a given seed. */
export function detectChangePoints(values: readonly number[], options: ChangePointOptions = {}): ChangePoint[] {
  const o = { ...DEFAULTS, ...options };
  if (!(o.significance > 0 && o.significance < 1)) throw new RangeError(`significance must be in (0, 1), got ${o.significance}`);
  if (!Number.isInteger(o.minSize) || o.minSize < 2) throw new RangeError(`minSize must be an integer >= 2, got ${o.minSize}`);
  if (!Number.isInteger(o.windowSize) || o.windowSize < 4 * o.minSize) throw new RangeError(`windowSize must be an integer >= 4 x minSize, got ${o.windowSize}`);
  const random = createSeededRandom(o.seed);
  const found: ChangePoint[] = [];
  const step = Math.floor(o.windowSize / 2);
  for (let start = 0; ; start += step) {
    const end = Math.min(values.length, start + o.windowSize);
    splitSegment(values.slice(start, end), start, o, random, found);
    if (end >= values.length) break;
  }
  // Overlapping windows find the same change twice (or a point or two apart): keep the stronger.
  const kept: ChangePoint[] = [];
  for (const point of found.sort((a, b) => a.pValue - b.pValue || b.q - a.q)) {
    if (!kept.some((k) => Math.abs(k.index - point.index) < o.minSize)) kept.push(point);
  }
  return kept.sort((a, b) => a.index - b.index);
}
