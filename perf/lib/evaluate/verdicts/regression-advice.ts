// What to do when a no-regression verdict passes without the power to see the regression it
// is meant to catch: how many trials would give it, or, when no number of trials in this run
// can (between-run noise and the stored baseline set a floor), what can.

import { studentTQuantile } from '../stats/distributions/student-t.ts';
import { DETECTION_RATE_TARGET, type RegressionDecision, reachesBothTargets, regressionDelta } from './regression-decision.ts';
import { type RegressionNoise, standardErrorAt } from './regression-noise.ts';
import { MIN_OWN_MACHINE_RUNS } from './own-machine-runs.ts';
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
  /** Judged against this many runs of this machine alone (own-machine-runs.ts). */
  ownMachineRuns?: number;
}

/** Largest number of trials the advice will suggest; beyond it the answer is "cannot". */
const MAX_TRIALS = 50;

/** Does a comparison of n current trials reach both error-rate targets? */
function reaches(input: AdviceInput, currentTrials: number): boolean {
  const { se, df } = standardErrorAt(input.decision.noise, currentTrials);
  return reachesBothTargets(se, df, input.falseFailRate, regressionDelta(input.tolerance, input.higherIsWorse));
}

/** The smallest change (fraction) detected 90% of the time with `currentTrials` trials (unlimited by default). */
function detectableFloor(input: AdviceInput, noise: RegressionNoise, currentTrials = Number.POSITIVE_INFINITY): number {
  const { se, df } = standardErrorAt(noise, currentTrials);
  const logSize = (studentTQuantile(1 - input.falseFailRate, df) + studentTQuantile(DETECTION_RATE_TARGET, df)) * se;
  return input.higherIsWorse ? Math.exp(logSize) - 1 : 1 - Math.exp(-logSize);
}

/** The same noise with a far larger baseline: many trials in one run, or many runs. */
function withLargerBaseline(noise: RegressionNoise): RegressionNoise {
  // Many runs on many machines: the machine effect's weight in Var(d) falls to 1 (regression-noise-machines.ts).
  if (noise.machines !== null) return { ...noise, storedRuns: 1000, machines: { ...noise.machines, machineWeight: 1 } };
  return noise.storedRuns > 1 ? { ...noise, storedRuns: 1000 } : { ...noise, storedInverseTrials: 1 / 1000 };
}

/** What limits the floor, and what a user can do about it. */
function limitAndRemedy(input: AdviceInput): { limit: string; larger: string; remedy: string } {
  const { decision, toleranceField } = input;
  const sd = Math.round(decision.betweenRunLogSd * 1e4) / 1e4;
  // What this run's trial count sees at the target rate: a tolerance a run like this one can keep.
  const atNow = percent(detectableFloor(input, decision.noise, input.currentTrials));
  const raise = `Set ${toleranceField} to at least ${atNow} in the baseline thresholds (what ${input.currentTrials} trials see ${percent(DETECTION_RATE_TARGET)} of the time)`;
  if (input.ownMachineRuns !== undefined) {
    const floor = decision.betweenRunFrom === 'floor';
    return {
      limit: `this machine's own ${input.ownMachineRuns} runs (between-run log-SD ${sd}, ${floor ? `a floor: ${input.betweenRunSource}` : 'estimated from their spread'}) limit it`,
      larger: 'with many more runs of this machine',
      remedy: floor
        ? `${raise}, or add runs of this machine on other days (PERF_UPDATE_BASELINES=append on it): once they span a day, their own spread replaces the floor (docs/statistics.md section 3.4).`
        : `${raise}, or make this machine's runs repeat better (docs/statistics.md section 3.4).`,
    };
  }
  if (decision.betweenRunFrom === 'estimated') {
    return {
      limit: `the between-run noise the baseline's ${decision.storedRuns} runs show (log-SD ${sd}, estimated from their spread${decision.machines !== null ? ` across ${decision.machines} machines` : ''}) limits it`,
      larger: decision.machines !== null ? 'with many more runs on many more machines in the baseline' : 'with many more runs in the baseline',
      remedy:
        decision.machines !== null
          ? `${raise}, or add runs of this machine to the baseline until it holds ${MIN_OWN_MACHINE_RUNS} (PERF_UPDATE_BASELINES=append on it): this metric is then judged against this machine's runs alone, where only its own run-to-run noise limits it (docs/statistics.md section 3.4).`
          : `${raise}, or make runs repeat better (docs/statistics.md section 3.4).`,
    };
  }
  const stored = decision.storedRuns > 1 ? `${decision.storedRuns} runs` : `${input.storedTrials} trials`;
  return {
    limit: `the between-run noise (log-SD ${sd}, ${decision.betweenRunFrom === 'floor' ? `a floor: ${input.betweenRunSource}` : input.betweenRunSource}) and the stored baseline's ${stored} limit it`,
    larger: decision.storedRuns > 1 ? 'with many more runs in the baseline' : 'with a many-trial baseline',
    remedy: `${raise}, or store a baseline of several runs on this hardware, from whose spread the verdict measures the between-run noise itself: add runs of other days or machines to it (npm run perf:update-baselines -- --from <run dir> --append, or PERF_UPDATE_BASELINES=append on a live run; docs/baselines.md).`,
  };
}

/** The smallest trial count in (low, high] that reaches both targets; `high` must reach them. */
function smallestTrials(input: AdviceInput, low: number, high: number): number {
  // reaches() is monotone in n (more trials, smaller SE, more df): bisect.
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (reaches(input, middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Beyond this many trials the advice only says how many it would take, as a measure of the floor. */
const FAR_TRIALS = 100_000;

/** null when the verdict already detects the tolerance at the target rate. */
export function adviseOnPower(input: AdviceInput): string | null {
  // The tolerance absorbs rounding when the boundary sits exactly at delta - q_b SE.
  if (input.decision.detectionRate >= DETECTION_RATE_TARGET - 1e-9) return null;
  const target = percent(DETECTION_RATE_TARGET);
  const size = `a ${input.higherIsWorse ? '+' : '-'}${percent(input.tolerance)} change`;
  const seen = `This comparison sees ${size} only ${percent(input.decision.detectionRate)} of the time`;
  if (reaches(input, MAX_TRIALS)) {
    const n = smallestTrials(input, input.currentTrials, MAX_TRIALS);
    return `${seen}; with ${n} trials (PERF_TRIALS=${n}; now ${input.currentTrials}) it would see it ${target} of the time.`;
  }
  const floor = detectableFloor(input, input.decision.noise);
  const floorLarger = detectableFloor(input, withLargerBaseline(input.decision.noise));
  const { limit, larger, remedy } = limitAndRemedy(input);
  const floorText = `${limit} to changes of about ${percent(floor)} or more (${percent(floorLarger)} ${larger}). ${remedy}`;
  // The floor can sit just under the tolerance: more trials would then reach the target, but only
  // far beyond any practical count, and saying "cannot" next to a floor below it reads as a contradiction.
  if (reaches(input, FAR_TRIALS)) {
    const n = smallestTrials(input, MAX_TRIALS, FAR_TRIALS);
    return `${seen}, and more trials in this run barely help: it would take about ${n} (PERF_TRIALS=${n}; now ${input.currentTrials}) to see it ${target} of the time, since ${floorText}`;
  }
  return `${seen}, and more trials in this run cannot raise that to ${target}: ${floorText}`;
}
