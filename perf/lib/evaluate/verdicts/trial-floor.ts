// The run level that the hp P99 regression verdicts judge against a baseline of several runs:
// the floor of a run's trial P99s, the expected lowest of m of them (m = the fewest trials of
// any run compared), not their mean.
//
// Why: a trial's P99 is the 5th slowest of quick's 500 requests, so a handful of stalled
// requests doubles it (docs/gpu-results.md sections 11 and 25: XSched trials at 2.1-2.2 ms
// among 1.1-1.3 ms). Stalls only raise a trial's P99. The mean of the trials' logs takes each
// stall into the run level and into the spread every boundary is built from; the floor of three
// trials moves only when every trial rises. On the 69 recorded pinned quick runs on 19 H200s
// (scripts/bench-decisions/recorded-runs.json) the run-to-run log-SD of XSched's hp P99 is 0.080
// as a mean of three trials and 0.053 as their floor (docs/statistics.md 3.4).
// What it cannot see: a change that stalls some trials of a run but not all. The tail-stalls
// check (validity/tail-stalls.ts) names stalled trials in every run; docs/statistics.md 3.4 says
// what that leaves open.
//
// The expected lowest of m values drawn without replacement from a run's n trials is a
// U-statistic: with the logs sorted ascending, l_(1) <= ... <= l_(n),
//   floor = sum_i l_(i) C(n - i, m - 1) / C(n, m),
// which for n = m is the lowest trial, and uses every trial of a run that has more than m, so
// runs of 3 and of 5 trials are compared at the same expectation.

import { groupByRun } from './regression-decision.ts';

/** Fewer trials than this in the run or a stored run: no floor (the lowest of one is the value itself). */
export const MIN_FLOOR_TRIALS = 2;

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** The expected lowest of m of these positive values, taken on their logs (geometric), in their unit. */
export function expectedLowestOf(values: readonly number[], m: number): number {
  const n = values.length;
  if (!Number.isInteger(m) || m < 1 || m > n) throw new RangeError(`expectedLowestOf needs 1 <= m <= ${n} values, received m = ${m}`);
  const logs = values.map(Math.log).sort((a, b) => a - b);
  const total = choose(n, m);
  const level = logs.reduce((sum, l, i) => sum + (l * choose(n - 1 - i, m - 1)) / total, 0);
  return Math.exp(level);
}

export interface FloorValues {
  /** m: the trials each floor is the expected lowest of. */
  ofTrials: number;
  /** This run's floor, one value. */
  current: number[];
  /** One floor per stored run, in order of the runs' first appearance. */
  stored: number[];
  /** The run index of each stored floor (as BaselineArm.trialRuns numbers them). */
  storedRuns: number[];
}

/**
 * The floors of this run and of each stored run, or null where there is no floor to take: a
 * value that is not positive and finite, or fewer than MIN_FLOOR_TRIALS trials on some side.
 */
export function floorValues(current: readonly number[], stored: readonly number[], storedRuns: readonly number[]): FloorValues | null {
  if (storedRuns.length !== stored.length) throw new RangeError(`floorValues needs one run index per stored value: ${storedRuns.length} indexes for ${stored.length} values`);
  const positive = (v: number): boolean => v > 0 && Number.isFinite(v);
  if (!current.every(positive) || !stored.every(positive)) return null;
  const { groups, runIndexes } = groupByRun([...stored], [...storedRuns]);
  const m = Math.min(current.length, ...groups.map((values) => values.length));
  if (stored.length === 0 || m < MIN_FLOOR_TRIALS) return null;
  return {
    ofTrials: m,
    current: [expectedLowestOf(current, m)],
    stored: groups.map((values) => expectedLowestOf(values, m)),
    storedRuns: runIndexes,
  };
}
