// Change points in a series of runs: E-divisive means (energy-statistic.ts) picks each
// candidate split, splitting recursively as Apache Otava (hunter) does. Long series are
// analysed in overlapping windows, as Otava's window_len does, to keep the cost O(n * w^2).
// A candidate is kept only when it passes two tests:
// - Student's t-test (segment-t-test.ts) at `significance` divided by the number of tests the
//   series could make: windows x admissible splits per window (Bonferroni). Under a flat series
//   a false alarm needs some window's first candidate to pass, and that candidate is one of those
//   splits, so the chance of any false alarm in a series is at most `significance` (for roughly
//   normal run values). Without it, 300 windows each tested at 0.01 flagged flat series.
// - the seeded permutation test at `significance`, distribution-free, against heavy tails the
//   t-test assumes away. It runs only for candidates the t-test kept, which is most of the speed.

import { createSeededRandom, type SeededRandom } from '../stats/random/seeded-random.ts';
import { bestEnergySplit } from './energy-statistic.ts';
import { segmentTTestPValue } from './segment-t-test.ts';

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
  /** Permutation p-value. */
  pValue: number;
  /** Student t-test p-value, kept when below `tTestLevel`. */
  tTestPValue: number;
  tTestLevel: number;
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

interface Search {
  o: Required<ChangePointOptions>;
  random: SeededRandom;
  tTestLevel: number;
  found: ChangePoint[];
}

function splitSegment(values: readonly number[], offset: number, search: Search): void {
  const { o, random, tTestLevel, found } = search;
  const best = bestEnergySplit(values, o.minSize);
  if (!best || best.q <= 0) return;
  const tTestPValue = segmentTTestPValue(values, best.index);
  if (tTestPValue >= tTestLevel) return;
  const pValue = permutationPValue(values, best.q, o, random);
  if (pValue >= o.significance) return;
  found.push({ index: offset + best.index, pValue, tTestPValue, tTestLevel, q: best.q });
  splitSegment(values.slice(0, best.index), offset, search);
  splitSegment(values.slice(best.index), offset + best.index, search);
}

/**
 * Where the windows of `windowSize`, overlapping by half, that cover `length` points start:
 * the search runs one per start, and the Bonferroni level counts them, so both read them here.
 */
function windowStarts(length: number, windowSize: number): number[] {
  const step = Math.floor(windowSize / 2);
  const starts = [0];
  while (starts.at(-1)! + windowSize < length) starts.push(starts.at(-1)! + step);
  return starts;
}

/** Bonferroni: every window's every admissible split is one test the series could make. */
export function tTestLevelFor(length: number, options: ChangePointOptions = {}): number {
  const o = { ...DEFAULTS, ...options };
  const splitsPerWindow = Math.max(1, Math.min(length, o.windowSize) - 2 * o.minSize + 1);
  return o.significance / (windowStarts(length, o.windowSize).length * splitsPerWindow);
}

/** Change points of `values` (in run order), sorted by index. Deterministic for a given seed. */
export function detectChangePoints(values: readonly number[], options: ChangePointOptions = {}): ChangePoint[] {
  const o = { ...DEFAULTS, ...options };
  if (!(o.significance > 0 && o.significance < 1)) throw new RangeError(`significance must be in (0, 1), got ${o.significance}`);
  if (!Number.isInteger(o.minSize) || o.minSize < 2) throw new RangeError(`minSize must be an integer >= 2, got ${o.minSize}`);
  if (!Number.isInteger(o.windowSize) || o.windowSize < 4 * o.minSize) throw new RangeError(`windowSize must be an integer >= 4 x minSize, got ${o.windowSize}`);
  const search: Search = { o, random: createSeededRandom(o.seed), tTestLevel: tTestLevelFor(values.length, o), found: [] };
  const { found } = search;
  for (const start of windowStarts(values.length, o.windowSize)) {
    splitSegment(values.slice(start, Math.min(values.length, start + o.windowSize)), start, search);
  }
  // Overlapping windows find the same change twice (or a point or two apart): keep the stronger.
  const kept: ChangePoint[] = [];
  for (const point of found.sort((a, b) => a.tTestPValue - b.tTestPValue || b.q - a.q)) {
    if (!kept.some((k) => Math.abs(k.index - point.index) < o.minSize)) kept.push(point);
  }
  return kept.sort((a, b) => a.index - b.index);
}
