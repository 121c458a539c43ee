// The alone arms are the calibration of a comparison with the stored baseline: hp-alone P99
// and lp-alone throughput involve no scheduling at all. If they moved beyond the regression
// tolerance (the whole Welch interval of this run's trials vs the stored trials outside
// [1 / (1 + tolerance), 1 + tolerance] for hp, mirrored for lp), the machine changed (clocks,
// driver, a neighbour, another GPU of the same name): a shift of the baseline or xsched arm is
// then not the scheduler's, and the regression verdicts say so instead of failing.

import { welchLogRatioInterval } from '../stats/intervals/log-t-interval.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import { hpP99PerTrialMs, lpIterPerSecPerTrial } from './per-trial-values.ts';
import { type VerdictContext, round3 } from './verdict-context.ts';

export interface MachineDrift {
  /** e.g. "hp-alone P99 x1.8 vs stored (95% interval [1.6, 2.0])". */
  findings: string[];
  ratios: Record<string, number>;
}

export function findMachineDrift(context: VerdictContext, stored: BaselineFile): MachineDrift | null {
  const confidence = context.record.scenario.confidence;
  const findings: string[] = [];
  const ratios: Record<string, number> = {};
  const hpTol = context.thresholds.regressionP99Tolerance;
  const lpTol = context.thresholds.regressionLpTolerance;
  const hpNow = hpP99PerTrialMs(context.stats, 'hp-alone');
  const lpNow = lpIterPerSecPerTrial(context.stats, 'lp-alone');
  const calibrations = [
    { key: 'hpAloneP99Ratio', label: 'hp-alone P99', now: hpNow, stored: stored.arms['hp-alone']?.hpP99Ms ?? [], low: 1 / (1 + hpTol), high: 1 + hpTol },
    { key: 'lpAloneThroughputRatio', label: 'lp-alone throughput', now: lpNow, stored: stored.arms['lp-alone']?.lpIterPerSec ?? [], low: 1 - lpTol, high: 1 / (1 - lpTol) },
  ];
  for (const c of calibrations) {
    const interval = welchLogRatioInterval(c.now, c.stored, confidence);
    if (interval === null || (interval.low <= c.high && interval.high >= c.low)) continue;
    ratios[c.key] = interval.estimate;
    findings.push(`${c.label} x${round3(interval.estimate)} vs stored (${Math.round(interval.level * 100)}% interval [${round3(interval.low)}, ${round3(interval.high)}], tolerance [${round3(c.low)}, ${round3(c.high)}])`);
  }
  return findings.length === 0 ? null : { findings, ratios };
}

/** Judged regression verdicts become skips that name the drift: never a scheduler regression. */
export function applyMachineDrift(context: VerdictContext, stored: BaselineFile, verdicts: Verdict[]): Verdict[] {
  const drift = findMachineDrift(context, stored);
  if (drift === null) return verdicts;
  return verdicts.map((v) => {
    if (v.status === 'skip') return v;
    return {
      ...v,
      status: 'skip',
      measured: { ...v.measured, ...drift.ratios },
      message: `[drift] Not judged as a scheduler regression: the machine changed (${drift.findings.join('; ')}). Without that: ${v.message}`,
      recommendation: `Find what changed on the machine (clocks, driver, other load: see the environment checks); if the new level is the machine's normal, store a new baseline with npm run perf:update-baselines.`,
    };
  });
}
