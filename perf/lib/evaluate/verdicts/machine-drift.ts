// The alone arms are the calibration of a comparison with the stored baseline: hp-alone P99
// and lp-alone throughput involve no scheduling at all. If they moved beyond the regression
// tolerance (the whole Welch interval of this run's trials vs the stored trials outside
// [1 / (1 + tolerance), 1 + tolerance] for hp, mirrored for lp), the machine changed (clocks,
// driver, a neighbour, another GPU of the same name): a shift of the baseline or xsched arm is
// then not the scheduler's, and the regression verdicts say so instead of failing. Without the
// calibration (an alone arm left out by PERF_ARMS, or absent from the stored baseline) such a
// change could fail the run or hide a regression unseen, so the verdicts are not judged at all:
// unproven, never a pass (docs/statistics.md 3.4).

import { welchLogRatioInterval } from '../stats/intervals/log-t-interval.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { hpP99PerTrialMs, lpIterPerSecPerTrial } from './per-trial-values.ts';
import { type VerdictContext, round3, withholdJudged } from './verdict-context.ts';
import { withholdFailsOfUnsteadyCalibration } from './unsteady-calibration.ts';

export interface MachineDrift {
  /** e.g. "hp-alone P99 x1.8 vs stored (95% interval [1.6, 2.0])". */
  findings: string[];
  ratios: Record<string, number>;
}

export interface Calibration {
  key: string;
  arm: 'hp-alone' | 'lp-alone';
  label: string;
  now: number[];
  stored: number[];
  low: number;
  high: number;
}

export function calibrationsOf(context: VerdictContext, stored: BaselineFile): Calibration[] {
  const hpTol = context.thresholds.regressionP99Tolerance;
  const lpTol = context.thresholds.regressionLpTolerance;
  return [
    { key: 'hpAloneP99Ratio', arm: 'hp-alone', label: 'hp-alone P99', now: hpP99PerTrialMs(context.stats, 'hp-alone'), stored: stored.arms['hp-alone']?.hpP99Ms ?? [], low: 1 / (1 + hpTol), high: 1 + hpTol },
    { key: 'lpAloneThroughputRatio', arm: 'lp-alone', label: 'lp-alone throughput', now: lpIterPerSecPerTrial(context.stats, 'lp-alone'), stored: stored.arms['lp-alone']?.lpIterPerSec ?? [], low: 1 - lpTol, high: 1 / (1 - lpTol) },
  ];
}

/** The Welch interval below needs 2 or more values a side. */
const MIN_CALIBRATION_VALUES = 2;

/**
 * Why the alone arms cannot calibrate this comparison, e.g. "this run has 0 hp-alone trials";
 * empty when both can. Which arms a run has is decided before it measures, so this never
 * depends on the values judged.
 */
export function missingCalibration(context: VerdictContext, stored: BaselineFile): string[] {
  return missingOf(calibrationsOf(context, stored));
}

function missingOf(calibrations: Calibration[]): string[] {
  return calibrations.flatMap((c) => [
    ...(c.now.length < MIN_CALIBRATION_VALUES ? [`this run has ${c.now.length} ${c.arm} trial${c.now.length === 1 ? '' : 's'}`] : []),
    ...(c.stored.length < MIN_CALIBRATION_VALUES ? [`the stored baseline has ${c.stored.length} ${c.label} value${c.stored.length === 1 ? '' : 's'}`] : []),
  ]);
}

export function findMachineDrift(context: VerdictContext, stored: BaselineFile): MachineDrift | null {
  return driftOf(calibrationsOf(context, stored), context.record.scenario.confidence);
}

function driftOf(calibrations: Calibration[], confidence: number): MachineDrift | null {
  const findings: string[] = [];
  const ratios: Record<string, number> = {};
  for (const c of calibrations) {
    const interval = welchLogRatioInterval(c.now, c.stored, confidence);
    if (interval === null || (interval.low <= c.high && interval.high >= c.low)) continue;
    ratios[c.key] = interval.estimate;
    findings.push(`${c.label} x${round3(interval.estimate)} vs stored (${Math.round(interval.level * 100)}% interval [${round3(interval.low)}, ${round3(interval.high)}], tolerance [${round3(c.low)}, ${round3(c.high)}])`);
  }
  return findings.length === 0 ? null : { findings, ratios };
}

/**
 * Judged regression verdicts become skips that name the drift (never a scheduler regression) or
 * the missing calibration; failed ones, skips that name an alone trial out of tolerance
 * (unsteady-calibration.ts).
 */
export function applyMachineDrift(context: VerdictContext, stored: BaselineFile, verdicts: Verdict[]): Verdict[] {
  const calibrations = calibrationsOf(context, stored);
  const drift = driftOf(calibrations, context.record.scenario.confidence);
  if (drift !== null) return withholdDrifted(drift, verdicts);
  const missing = missingOf(calibrations);
  if (missing.length > 0) return withholdUncalibrated(context, missing, verdicts);
  return withholdFailsOfUnsteadyCalibration(calibrations, verdicts);
}

function withholdDrifted(drift: MachineDrift, verdicts: Verdict[]): Verdict[] {
  return withholdJudged(
    verdicts,
    `[drift] Not judged as a scheduler regression: the machine changed (${drift.findings.join('; ')}). Without that:`,
    `Find what changed on the machine (clocks, driver, other load: see the environment checks); if the new level is the machine's normal, store a new baseline with npm run perf:update-baselines.`,
    drift.ratios,
  );
}

function withholdUncalibrated(context: VerdictContext, missing: string[], verdicts: Verdict[]): Verdict[] {
  const armsNow = context.record.scenario.arms.join(',');
  const inRun = missing.some((m) => m.startsWith('this run'));
  const recommendation = inRun
    ? `Run the scenario with its hp-alone and lp-alone arms (this run's arms: ${armsNow}; leave PERF_ARMS unset or list both alone arms in it), at least ${MIN_CALIBRATION_VALUES} trials.`
    : `Store a baseline from a run with both alone arms and at least ${MIN_CALIBRATION_VALUES} trials (npm run perf:update-baselines).`;
  return withholdJudged(
    verdicts,
    `[uncalibrated] Not judged: the alone arms tell a change of the machine from a scheduler regression, and they need ${MIN_CALIBRATION_VALUES} or more values a side, but ${missing.join(', ')}. Unjudged:`,
    recommendation,
  );
}
