// No regression against the stored baseline: per arm (baseline, xsched), hp P99 may grow by
// at most regressionP99Tolerance and lp throughput fall by at most regressionLpTolerance.
// Decided on log per-trial values (this run's trials vs the stored trials) with a within-run
// and a between-run noise component, and always decided: regression-decision.ts.

import { findBaselineMismatch } from '../../store/baselines/baseline-mismatch.ts';
import { baselineKeyOfRun, findFirstFingerprint, formatBaselineKeyFields } from '../../store/baselines/key.ts';
import { formatWorkloadDifferences, settingsRestoringWorkload, type WorkloadDifference } from '../../store/baselines/workload.ts';
import { settingsRestoringXsched } from '../../store/baselines/xsched-settings.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import type { BaselineArm, BaselineFile } from '../../documents/types/baseline.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { type BetweenRunNoise, type RegressionMetricName, betweenRunNoise } from './between-run-noise.ts';
import { allocateFalseFailRates } from './false-fail-budget.ts';
import { applyMachineDrift } from './machine-drift.ts';
import { adviseOnPower } from './regression-advice.ts';
import { hpP99PerTrialMs, lpIterPerSecPerTrial } from './per-trial-values.ts';
import { decideRegression } from './regression-decision.ts';
import { type FloorValues, floorValues } from './trial-floor.ts';
import { type OwnMachineRuns, ownMachineNote, ownMachineRuns } from './own-machine-runs.ts';
import { type OtherMachines, machineLevelSpread, otherMachinesAdvice, otherMachinesOf } from './other-machines-note.ts';
import { type VerdictContext, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';
import { describeBaselineRuns } from '../../store/baselines/baseline-source.ts';

export const REGRESSION_ARMS: readonly ArmName[] = ['baseline', 'xsched'];
const UPDATE = 'npm run perf:update-baselines';
const UNRECORDED_WORKLOAD_NOTE =
  ' Note: the stored baseline does not record its workload (an older file), so this assumes it was measured with the same window, rates and batches.';

export interface Metric {
  name: 'hp-p99' | 'lp-throughput';
  noiseKey: RegressionMetricName;
  label: string;
  unit: string;
  role: 'hp' | 'lp';
  current(context: VerdictContext, arm: ArmName): number[];
  stored(arm: BaselineArm): number[];
}

export const REGRESSION_METRICS: readonly Metric[] = [
  {
    name: 'hp-p99',
    noiseKey: 'hpP99',
    label: 'hp P99',
    unit: 'ms',
    role: 'hp',
    current: (c, arm) => hpP99PerTrialMs(c.stats, arm),
    stored: (a) => a.hpP99Ms,
  },
  {
    name: 'lp-throughput',
    noiseKey: 'lpIterPerSec',
    label: 'lp throughput',
    unit: 'iter/s',
    role: 'lp',
    current: (c, arm) => lpIterPerSecPerTrial(c.stats, arm),
    stored: (a) => a.lpIterPerSec,
  },
];

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The stored values of a metric and, in a baseline of several runs, the run of each. */
export function storedValuesOf(arm: BaselineArm, metric: Metric): { stored: number[]; storedRuns?: number[] } {
  const stored = metric.stored(arm);
  return arm.trialRuns !== undefined && stored.length > 0 ? { stored, storedRuns: arm.trialRuns } : { stored };
}

/**
 * The values to judge for one arm and metric, or the skip verdict when that arm has no data:
 * against this machine's runs of the baseline (`own`), else against the whole baseline.
 */
function metricInput(context: VerdictContext, arm: ArmName, metric: Metric, stored: BaselineFile, own: OwnMachineRuns | null): Omit<RegressionValuesInput, 'falseFailRate'> | Verdict {
  const higherIsWorse = metric.name === 'hp-p99';
  const tolerance = higherIsWorse ? context.thresholds.regressionP99Tolerance : context.thresholds.regressionLpTolerance;
  const bound = higherIsWorse ? 1 + tolerance : 1 - tolerance;
  const rule = `${arm} ${metric.label} ${higherIsWorse ? '<=' : '>='} ${round3(bound)} x stored baseline (${higherIsWorse ? 'growth' : 'loss'} <= ${percent(tolerance)})`;
  const reason = unavailableReason(context, arm, metric.role);
  if (reason !== null) return skipVerdict(`regression.${arm}.${metric.name}`, rule, `Not judged: ${reason}.`);
  return { arm, metric, rule, tolerance, current: metric.current(context, arm), ...storedReference(stored, own, arm, metric) };
}

/**
 * What an arm's metric is compared with: this machine's runs of the baseline (`own`, where it
 * holds enough of them: own-machine-runs.ts), else the whole baseline; the stored values, their
 * runs, and the between-run noise of that reference.
 */
export function storedReference(stored: BaselineFile, own: OwnMachineRuns | null, arm: ArmName, metric: Metric): Pick<RegressionValuesInput, 'stored' | 'storedRuns' | 'betweenRun' | 'ownMachine'> {
  const reference = own?.baseline ?? stored;
  return { ...storedValuesOf(reference.arms[arm]!, metric), betweenRun: betweenRunNoise(reference, arm, metric.noiseKey), ...(own === null ? {} : { ownMachine: own }) };
}

/**
 * The verdicts on a run's per-trial values with one false-fail budget, 1 - confidence, over
 * all of them (false-fail-budget.ts). What the suite and scripts/bench-decisions both call.
 */
export function judgeRegressionSet(inputs: ReadonlyArray<Omit<RegressionValuesInput, 'falseFailRate'>>, confidence: number): Verdict[] {
  const decidable = inputs.filter((i) => !i.current.includes(Number.POSITIVE_INFINITY));
  const rates = allocateFalseFailRates(
    decidable.map((i) => ({ ...decisionValuesOf(i).values, tolerance: i.tolerance, higherIsWorse: i.metric.name === 'hp-p99' })),
    confidence,
  );
  return inputs.map((input) => {
    const index = decidable.indexOf(input);
    return judgeRegressionValues({ ...input, falseFailRate: index >= 0 ? rates[index]! : (1 - confidence) / inputs.length });
  });
}

/** What the decision needs to know about the stored side and the between-run noise. */
function decisionNoiseOf(input: Omit<RegressionValuesInput, 'falseFailRate'>) {
  return {
    stored: input.stored,
    ...(input.storedRuns !== undefined ? { storedRuns: input.storedRuns } : {}),
    betweenRunLogSd: input.betweenRun.logSd,
    estimateBetweenRun: input.betweenRun.estimateFromRuns,
    ...(input.betweenRun.machineOfRun !== undefined ? { storedRunMachines: input.betweenRun.machineOfRun } : {}),
  };
}

/**
 * The values the decision judges: per-trial values, or, for hp P99 against a baseline of several
 * runs whose spread the verdict estimates, one floor per run (trial-floor.ts, docs/statistics.md 3.4).
 */
function decisionValuesOf(input: Omit<RegressionValuesInput, 'falseFailRate'>) {
  const noise = decisionNoiseOf(input);
  const floors = input.metric.name === 'hp-p99' && input.betweenRun.estimateFromRuns && input.storedRuns !== undefined ? floorValues(input.current, input.stored, input.storedRuns) : null;
  if (floors === null) return { values: { ...noise, current: input.current }, floors: null };
  const label = `floors of ${floors.ofTrials} trial P99s`;
  return { values: { ...noise, current: floors.current, stored: floors.stored, storedRuns: floors.storedRuns, runLevel: { label } }, floors };
}

/** The floors in the verdict's message and measured fields. */
function floorSummary(floors: FloorValues, unit: string): { text: string; measured: Record<string, number> } {
  const storedFloor = Math.exp(floors.stored.reduce((s, v) => s + Math.log(v), 0) / floors.stored.length);
  return {
    text: `; judged on the floor of ${floors.ofTrials} trials (the expected lowest of ${floors.ofTrials} trial P99s: a stalled trial does not move it): ${round3(floors.current[0]!)} ${unit} now vs ${round3(storedFloor)} ${unit} stored (geometric mean of ${floors.stored.length} runs' floors)`,
    measured: { floorOfTrials: floors.ofTrials, currentFloor: floors.current[0]!, storedFloor },
  };
}

export interface RegressionValuesInput {
  arm: ArmName;
  metric: Pick<Metric, 'name' | 'label' | 'unit'>;
  rule: string;
  tolerance: number;
  current: number[];
  stored: number[];
  /** In a baseline of several runs, the run of each stored value (BaselineArm.trialRuns). */
  storedRuns?: number[];
  betweenRun: BetweenRunNoise;
  /** Set when the stored values are this machine's runs of the baseline only (own-machine-runs.ts). */
  ownMachine?: OwnMachineRuns;
  /** Set when judged against a baseline of several runs with too few of this GPU (other-machines-note.ts): a fail within its GPUs' spread says so. */
  otherMachines?: OtherMachines;
  /** One-sided rate at which an unchanged configuration may fail. */
  falseFailRate: number;
}

/** The verdict on per-trial values (also what scripts/bench-decisions simulates through). */
export function judgeRegressionValues(input: RegressionValuesInput): Verdict {
  const { arm, metric, tolerance, current, stored: storedValues, rule } = input;
  const id = `regression.${arm}.${metric.name}`;
  const higherIsWorse = metric.name === 'hp-p99';
  const storedRunCount = Math.max(1, new Set(input.storedRuns ?? []).size);
  const measured = { currentMean: mean(current), storedMean: storedValues.length > 0 ? mean(storedValues) : null, currentTrials: current.length, storedTrials: storedValues.length, storedRuns: storedRunCount };
  const storedTrials = storedRunCount > 1 ? `${storedValues.length} trials of ${storedRunCount} runs` : `${storedValues.length} trials`;
  const summary = `${arm} ${metric.label} ${round3(measured.currentMean)} ${metric.unit} now (${current.length} trials) vs ${measured.storedMean === null ? 'nothing' : round3(measured.storedMean)} ${metric.unit} stored (${storedTrials})`;
  const unbounded = current.filter((v) => v === Number.POSITIVE_INFINITY).length;
  if (unbounded > 0) {
    return {
      id,
      rule,
      status: 'fail',
      measured: { ...measured, unboundedTrials: unbounded },
      threshold: { tolerance, ratioBound: 1 + tolerance },
      interval: null,
      message: `REGRESSION: ${arm} ${metric.label} is unbounded in ${unbounded} of ${current.length} trial(s): more than ${percent(1 - TAIL_PERCENTILE)} of their hp requests never started (they count as longer than any finished request).`,
      recommendation: 'hp fell behind its schedule in this run: read the hp-achieved-rate verdict and the workers\' logs; the stored baseline completed every request it counted.',
    };
  }
  const judged = decisionValuesOf(input);
  const decision = decideRegression({ ...judged.values, tolerance, higherIsWorse, falseFailRate: input.falseFailRate });
  const floor = judged.floors === null ? null : floorSummary(judged.floors, metric.unit);
  if (decision === null) {
    return {
      id,
      rule,
      status: 'inconclusive',
      measured,
      threshold: { tolerance, ratioBound: higherIsWorse ? 1 + tolerance : 1 - tolerance },
      interval: null,
      message: `Inconclusive: ${summary}; the within-run noise needs 3 or more positive per-trial values in all (this run and the stored baseline together).`,
      recommendation: `Run 2 or more trials (PERF_TRIALS), and store a baseline made of 2 or more trials (${UPDATE}).`,
    };
  }
  const { status } = decision;
  const toleranceField = higherIsWorse ? 'regressionP99Tolerance' : 'regressionLpTolerance';
  const recommendation =
    status === 'fail'
      ? `Find the change that caused it (worker, XSched, driver, firmware: compare the fingerprints with the baseline's); if the new level is intended, store it with ${UPDATE}. At this noise an unchanged configuration fails ${percent(decision.falseFailRate)} of the time.` +
        (input.otherMachines !== undefined ? otherMachinesAdvice(input.otherMachines, decision.ratio, spreadOf(judged.values, input.betweenRun.machineOfRun)) : '')
      : adviseOnPower({ decision, currentTrials: current.length, storedTrials: storedValues.length, tolerance, higherIsWorse, falseFailRate: input.falseFailRate, toleranceField, betweenRunSource: input.betweenRun.source, ...(input.ownMachine !== undefined ? { ownMachineRuns: input.ownMachine.runs } : {}) });
  const verdictWord = status === 'fail' ? 'REGRESSION' : 'No regression';
  const noise =
    floor === null
      ? `noise: within-run log-SD ${round3(decision.withinRunLogSd)}, between-run ${round3(decision.betweenRunLogSd)} (${input.betweenRun.source})`
      : `noise: run-to-run log-SD of the floors ${round3(decision.betweenRunLogSd)} (${input.betweenRun.source})`;
  return {
    id,
    rule,
    status,
    measured: {
      ...measured,
      ...(floor?.measured ?? {}),
      ratio: decision.ratio,
      falseFailRate: decision.falseFailRate,
      detectionRate: decision.detectionRate,
      betweenRunLogSd: decision.betweenRunLogSd,
      ...(input.ownMachine !== undefined ? { ownMachineRuns: input.ownMachine.runs } : {}),
    },
    threshold: { tolerance, ratioBound: decision.toleranceRatio, decisionBoundary: decision.boundaryRatio },
    interval: decision.interval,
    message:
      `${verdictWord}: ${summary}${floor?.text ?? ''}; ratio ${round3(decision.ratio)}, fails beyond ${round3(decision.boundaryRatio)} ` +
      // "by its model": the rates assume log-normal trials; on quick's XSched arm, stalled trials make
      // the measured ones lower (docs/statistics.md section 6, docs/gpu-results.md section 25).
      `(by its model, an unchanged configuration fails ${percent(decision.falseFailRate)} of the time, a ${higherIsWorse ? '+' : '-'}${percent(tolerance)} change ${percent(decision.detectionRate)}; ${noise}).` +
      (input.ownMachine !== undefined ? ownMachineNote(input.ownMachine) : ''),
    recommendation,
  };
}

/** How far the stored GPUs differ in the judged values (trials or floors), where every stored run names its GPU (other-machines-note.ts). */
function spreadOf(judged: { stored: number[]; storedRuns?: number[] }, machineOfRun: Array<string | undefined> | undefined): number | null {
  return judged.storedRuns === undefined || machineOfRun === undefined ? null : machineLevelSpread(judged.stored, judged.storedRuns, machineOfRun);
}

/** The skip verdict for a baseline measured with another workload. */
function workloadMismatch(stored: BaselineFile, differences: WorkloadDifference[], rule: string): Verdict {
  const message = `Not compared: the stored baseline (${describeBaselineRuns(stored)}) was measured with another workload: ${formatWorkloadDifferences(differences)} (stored -> this run).`;
  const { settings, unsettable } = settingsRestoringWorkload(differences);
  const restore = [
    settings.length > 0 ? `run with ${settings.join(' ')}` : '',
    unsettable.length > 0 ? `${unsettable.join(', ')} can only come from the scenario catalogue` : '',
  ].filter(Boolean).join('; ');
  const recommendation = `For a comparable run with the stored workload, ${restore}. Or store a baseline for this workload with ${UPDATE} (it replaces the stored one).`;
  return skipVerdict('regression', rule, message, recommendation);
}

/** Why the xsched arm cannot be compared: XSched ran with other settings. */
function xschedSettingsMismatch(stored: BaselineFile, differences: WorkloadDifference[]): { message: string; recommendation: string } {
  return {
    message: `Not compared: the stored xsched arm (${describeBaselineRuns(stored)}) ran XSched with other settings: ${formatWorkloadDifferences(differences)} (stored -> this run).`,
    recommendation: `For a comparable run, set ${settingsRestoringXsched(differences).join(' ')}. Or store a baseline for these settings with ${UPDATE} (it replaces the stored one).`,
  };
}

export function judgeBaselineRegression(context: VerdictContext): Verdict[] {
  const runKey = baselineKeyOfRun(context.record);
  const rule = 'hp P99 and lp throughput of the baseline and xsched arms within tolerance of the stored baseline';
  if (runKey === null) return [skipVerdict('regression', rule, 'Not judged: no worker reported a fingerprint, so the baseline key (GPU, platform) is unknown.')];
  const stored = context.baseline;
  if (stored === null) {
    const how = `Create it on this machine with ${UPDATE} (from a valid run).`;
    return [skipVerdict('regression', rule, `No stored baseline for ${formatBaselineKeyFields(runKey)}.`, how)];
  }
  const mismatch = findBaselineMismatch(context.record, runKey, stored);
  if (mismatch?.kind === 'key') {
    const message = `The stored baseline is for ${formatBaselineKeyFields(stored.key)}, but this run is ${formatBaselineKeyFields(runKey)}; they cannot be compared.`;
    return [skipVerdict('regression', rule, message, `Load the baseline for this key, or create one with ${UPDATE}.`)];
  }
  if (mismatch?.kind === 'workload') return [workloadMismatch(stored, mismatch.differences, rule)];
  const xschedMismatch = mismatch?.kind === 'xsched-settings' ? xschedSettingsMismatch(stored, mismatch.differences) : null;
  const machine = findFirstFingerprint(context.record)?.gpu.uuid;
  const own = machine === undefined ? null : ownMachineRuns(stored, machine);
  const otherMachines = own === null ? otherMachinesOf(stored, machine) : null;
  const slots: Array<Verdict | Omit<RegressionValuesInput, 'falseFailRate'>> = [];
  for (const arm of REGRESSION_ARMS) {
    for (const metric of REGRESSION_METRICS) {
      const storedArm = stored.arms[arm];
      if (storedArm === undefined) {
        const message = `The stored baseline for ${formatBaselineKeyFields(runKey)} has no arms.${arm} entry.`;
        slots.push(skipVerdict(`regression.${arm}.${metric.name}`, rule, message, `Store one with ${UPDATE} from a run that includes the ${arm} arm.`));
        continue;
      }
      if (arm === 'xsched' && xschedMismatch !== null) {
        slots.push(skipVerdict(`regression.xsched.${metric.name}`, rule, xschedMismatch.message, xschedMismatch.recommendation));
        continue;
      }
      const input = metricInput(context, arm, metric, stored, own);
      slots.push(otherMachines !== null && !('status' in input) ? { ...input, otherMachines } : input);
    }
  }
  const pending = slots.filter((s): s is Omit<RegressionValuesInput, 'falseFailRate'> => !('status' in s));
  const judged = judgeRegressionSet(pending, context.record.scenario.confidence);
  const verdicts = slots.map((slot) => {
    if ('status' in slot) return slot;
    const verdict = judged[pending.indexOf(slot)]!;
    if (stored.workload === undefined) verdict.message += UNRECORDED_WORKLOAD_NOTE;
    return verdict;
  });
  // The alone arms calibrate against the same runs the verdicts were judged against.
  return applyMachineDrift(context, own?.baseline ?? stored, verdicts);
}
