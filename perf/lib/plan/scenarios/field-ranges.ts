// The range of each scenario field that a declaration gives (declaration-checks.ts) and a
// PERF_* variable overrides (perf/lib/plan/config/variables.ts), defined once: a declared
// scenario can always be overridden, and an override could always have been declared.

export interface ValueRange {
  /** integer: a whole number, min <= value <= max; above: any number, min < value <= max. */
  kind: 'integer' | 'above';
  min: number;
  max: number;
  /** What is accepted, for the messages that quote a rejected value. */
  accepted: string;
}

const integers = (min: number, max: number, what = ''): ValueRange => ({ kind: 'integer', min, max, accepted: `${what}an integer >= ${min} and <= ${max}` });
const above = (min: number, max: number, noun: string): ValueRange => ({ kind: 'above', min, max, accepted: `${noun} > ${min} and <= ${max}` });

/** batch.hp and batch.lp; PERF_HP_BATCH and PERF_LP_BATCH. */
export const BATCH_RANGE = integers(1, 4096);
export const HP_RATE_HZ_RANGE = above(0, 10_000, 'requests per second: a number');
export const IMAGE_SIZE_RANGE = integers(32, 1024, 'pixels per side: ');
/** trials and minTrials; PERF_TRIALS. */
export const TRIALS_RANGE = integers(1, 100);
export const GPU_INDEX_RANGE = integers(0, 63, 'a GPU index: ');
export const SEED_RANGE = integers(0, Number.MAX_SAFE_INTEGER);
/** PERF_DURATION_S, in seconds; a declaration gives durationMs (DURATION_MS_RANGE). */
export const DURATION_S_RANGE = above(0, 3600, 'a number of seconds');
export const DURATION_MS_RANGE = integers(1, DURATION_S_RANGE.max * 1000, 'milliseconds: ');
/** A declaration's budgetMs (no variable sets it): ten hours. */
export const BUDGET_MS_RANGE = integers(1, 36_000_000, 'milliseconds: ');

/** Whether a declared value (a JavaScript number, not text) is in the range. */
export function isInRange(range: ValueRange, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  if (range.kind === 'integer') return Number.isSafeInteger(value) && value >= range.min && value <= range.max;
  return value > range.min && value <= range.max;
}
