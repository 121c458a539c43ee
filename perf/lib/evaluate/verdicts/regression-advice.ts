// What to do when a no-regression verdict passes without the power to see the regression it
// is meant to catch: how many trials would give it, or, when no number of trials in this run
// can (between-run noise and the stored trials set a floor), what can.

import { studentTQuantile } from '../stats/distributions/student-t.ts';
import { DETECTION_RATE_TARGET, type RegressionDecision, reachesBothTargets, regressionDelta, regressionStandardError } from './regression-decision.ts';
import { percent } from './verdict-context.ts';

export interface AdviceInput {
  decision: RegressionDecision;
  currentTrials: number;
  storedTrials: number;
  tolerance: number;
  higherIsWorse: boolean;
  falseFailRate: number;
  toleranceField: string;
  betweenRunSource: string;
}

/** Largest number of trials the advice will suggest; beyond it the answer is "cannot". */
const MAX_TRIALS = 50;

/** Does a comparison of n current trials reach both error-rate targets? */
function reaches(input: AdviceInput, currentTrials: number, storedTrials: number): boolean {
  const { decision } = input;
  const { se, df } = regressionStandardError(decision.withinRunLogSd, currentTrials + storedTrials - 2, currentTrials, storedTrials, decision.betweenRunLogSd);
  return reachesBothTargets(se, df, input.falseFailRate, regressionDelta(input.tolerance, input.higherIsWorse));
}

/** The smallest change (fraction) detected 90% of the time with unlimited current trials. */
function detectableFloor(input: AdviceInput, storedTrials: number): number {
  const { decision } = input;
  const { se, df } = regressionStandardError(decision.withinRunLogSd, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, storedTrials, decision.betweenRunLogSd);
  const logSize = (studentTQuantile(1 - input.falseFailRate, df) + studentTQuantile(DETECTION_RATE_TARGET, df)) * se;
  return input.higherIsWorse ? Math.exp(logSize) - 1 : 1 - Math.exp(-logSize);
}

/** null when the verdict already detects the tolerance at the target rate. */
export function adviseOnPower(input: AdviceInput): string | null {
  // The tolerance absorbs rounding when the boundary sits exactly at delta - q_b SE.
  if (input.decision.detectionRate >= DETECTION_RATE_TARGET - 1e-9) return null;
  const target = percent(DETECTION_RATE_TARGET);
  const size = `a ${input.higherIsWorse ? '+' : '-'}${percent(input.tolerance)} change`;
  // reaches() is monotone in n (more trials, smaller SE, more df): bisect for the smallest n.
  if (reaches(input, MAX_TRIALS, input.storedTrials)) {
    let low = input.currentTrials;
    let high = MAX_TRIALS;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if (reaches(input, middle, input.storedTrials)) high = middle;
      else low = middle;
    }
    return `This comparison sees ${size} only ${percent(input.decision.detectionRate)} of the time; with trials ${high} (now ${input.currentTrials}) it would see it ${target} of the time.`;
  }
  const floor = detectableFloor(input, input.storedTrials);
  const floorManyStored = detectableFloor(input, 1000);
  return (
    `This comparison sees ${size} only ${percent(input.decision.detectionRate)} of the time, and more trials in this run cannot raise that to ${target}: ` +
    `the between-run noise (log-SD ${input.decision.betweenRunLogSd}, ${input.betweenRunSource}) and the stored baseline's ${input.storedTrials} trials ` +
    `limit it to changes of about ${percent(floor)} or more (${percent(floorManyStored)} with a many-trial baseline). ` +
    `Set ${input.toleranceField} to at least that in the baseline thresholds, or measure this machine's own between-run noise from repeated runs and store it as betweenRunLogSd.`
  );
}
