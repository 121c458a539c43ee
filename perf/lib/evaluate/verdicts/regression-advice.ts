// What to do when a no-regression verdict passes without the power to see the regression it
// is meant to catch: how many trials would give it, or, when no number of trials in this run
// can (between-run noise and the stored baseline set a floor), what can.

import { studentTQuantile } from '../stats/distributions/student-t.ts';
import { boundaryAndRates, DETECTION_RATE_TARGET, type RegressionDecision, reachesBothTargets, regressionDelta } from './regression-decision.ts';
import { MAX_DF, type RegressionNoise, standardErrorAt } from './regression-noise.ts';
import { TRIALS_RANGE } from '../../plan/scenarios/field-ranges.ts';
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

/**
 * The noise as a run of `trials` trials would see it: its within-run estimate gains the added
 * trials' degrees of freedom (regression-noise.ts keeps them at this run's count otherwise).
 */
function noiseAt(noise: RegressionNoise, currentTrials: number, trials: number): RegressionNoise {
  const added = trials - currentTrials;
  return added > 0 ? { ...noise, withinDf: Math.min(MAX_DF, noise.withinDf + added) } : noise;
}

function errorAt(input: AdviceInput, trials: number, noise = input.decision.noise): { se: number; df: number } {
  return standardErrorAt(noiseAt(noise, input.currentTrials, trials), trials);
}

/** Does a comparison of `trials` current trials reach both error-rate targets? */
export function trialsReachTargets(input: AdviceInput, trials: number): boolean {
  const { se, df } = errorAt(input, trials);
  return reachesBothTargets(se, df, input.falseFailRate, regressionDelta(input.tolerance, input.higherIsWorse));
}

/** The smallest change (fraction) detected 90% of the time with `trials` trials (unlimited by default). */
function detectableFloor(input: AdviceInput, noise: RegressionNoise, trials = Number.POSITIVE_INFINITY): number {
  const { se, df } = errorAt(input, trials, noise);
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
  // What this run's trial count sees at the target rate, rounded up so that a tolerance set to it
  // is seen; thresholds stay below 100% (store/baselines), so beyond that no tolerance helps.
  const atNow = Math.ceil(detectableFloor(input, decision.noise, input.currentTrials) * 1000) / 1000;
  const raise =
    atNow < 1
      ? `Set ${toleranceField} to at least ${percent(atNow)} in the baseline thresholds (what ${input.currentTrials} trials see ${percent(DETECTION_RATE_TARGET)} of the time)`
      : `No ${toleranceField} below 100% is seen ${percent(DETECTION_RATE_TARGET)} of the time with ${input.currentTrials} trials`;
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
  // Monotone in the trial count (smaller SE, more degrees of freedom): bisect.
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (trialsReachTargets(input, middle)) high = middle;
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
  if (trialsReachTargets(input, MAX_TRIALS)) {
    const n = smallestTrials(input, input.currentTrials, MAX_TRIALS);
    return `${seen}; with ${n} trials (PERF_TRIALS=${n}; now ${input.currentTrials}) it would see it ${target} of the time.`;
  }
  const floor = detectableFloor(input, input.decision.noise);
  const floorLarger = detectableFloor(input, withLargerBaseline(input.decision.noise));
  const { limit, larger, remedy } = limitAndRemedy(input);
  const floorText = `${limit} to changes of about ${percent(floor)} or more (${percent(floorLarger)} ${larger}). ${remedy}`;
  // The floor can sit just under the tolerance: more trials do reach the target, but only beyond
  // the count this advice suggests; say how far, rather than "cannot" beside a floor below it.
  if (trialsReachTargets(input, FAR_TRIALS)) {
    const n = smallestTrials(input, MAX_TRIALS, FAR_TRIALS);
    const { se, df } = errorAt(input, MAX_TRIALS);
    const atMax = boundaryAndRates(se, df, input.falseFailRate, regressionDelta(input.tolerance, input.higherIsWorse)).detectionRate;
    const settable = n <= TRIALS_RANGE.max ? ` (PERF_TRIALS=${n}; now ${input.currentTrials})` : ` (more than PERF_TRIALS allows, ${TRIALS_RANGE.max})`;
    // Rounded down: a rate just under 90% must not print as 90%.
    return `${seen}; with ${MAX_TRIALS} trials it would see it ${percent(Math.floor(atMax * 1000) / 1000)} of the time, and ${target} only with about ${n}${settable}: ${floorText}`;
  }
  return `${seen}, and more trials in this run cannot raise that to ${target}: ${floorText}`;
}
