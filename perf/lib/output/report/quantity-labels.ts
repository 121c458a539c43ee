// One name per quantity, for every report: the same P99 can be computed several ways
// (all trials' requests pooled, or the mean of each trial's P99), and each way has its own
// label wherever it appears (tables, headline, plots), so two different numbers never
// share a name. Definitions: perf/lib/evaluate/verdicts/hp-p99-improvement.ts (pooled),
// perf/lib/evaluate/verdicts/baseline-regression.ts (mean of trial P99s, mean of trials) and
// perf/lib/evaluate/verdicts/trial-floor.ts (floor of trial P99s).

export const QUANTITY = {
  /** The P99 of all trials' hp requests pooled (the arms table, hp-p99-improvement). */
  hpP99Merged: 'hp P99 (trials pooled)',
  /** The mean of each trial's hp P99 (what regression.* compares with the stored baseline). */
  hpP99TrialMean: 'hp P99 (mean of trial P99s)',
  /** The expected lowest of m trial P99s (what regression.*.hp-p99 compares against a baseline of several runs). */
  hpP99TrialFloor: 'hp P99 (floor of trial P99s)',
  /** The mean of the trials' lp iterations per second (every lp number in the reports). */
  lpIterPerSec: 'lp iter/s (mean of trials)',
  /** 1 - xsched / baseline arm lp iter/s (lp-throughput-loss). */
  lpLoss: 'lp loss vs baseline arm',
} as const;

/** Was a regression.*.hp-p99 verdict judged on the runs' floors (it records measured.floorOfTrials)? */
export function judgedOnFloors(measured: Readonly<Record<string, unknown>>): boolean {
  return typeof measured.floorOfTrials === 'number';
}

/** The quantity a regression.*.hp-p99 verdict compared: floors or means of trial P99s. */
export function regressionHpQuantity(measured: Readonly<Record<string, unknown>>): string {
  return judgedOnFloors(measured) ? QUANTITY.hpP99TrialFloor : QUANTITY.hpP99TrialMean;
}
