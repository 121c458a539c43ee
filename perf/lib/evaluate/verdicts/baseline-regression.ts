// No regression against the stored baseline: per arm (baseline, xsched), hp P99 may grow by
// at most regressionP99Tolerance and lp throughput fall by at most regressionLpTolerance.
// Compared with Welch t-intervals on log per-trial values (this run's trials vs the stored
// trials), so the decision uses the measured run-to-run noise, not one number vs one number.
// A regression is declared only when the whole interval is beyond the tolerance.

import { baselineKeyOfRun, formatBaselineKeyFields, sameBaselineKey } from '../../store/baselines/key.ts';
import { diffWorkload, formatWorkloadDifferences, settingsRestoringWorkload, workloadOfRun } from '../../store/baselines/workload.ts';
import { diffXschedSettings, settingsRestoringXsched, xschedSettingsOfRun } from '../../store/baselines/xsched-settings.ts';
import { welchLogRatioInterval } from '../stats/intervals/log-t-interval.ts';
import { TAIL_PERCENTILE, percentileOfSorted } from '../stats/percentile.ts';
import type { BaselineArm, BaselineFile } from '../../documents/types/baseline.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
import { applyMachineDrift } from './machine-drift.ts';
import { type VerdictContext, asConfidenceInterval, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

export const REGRESSION_ARMS: readonly ArmName[] = ['baseline', 'xsched'];
const UPDATE = 'npm run perf:update-baselines';
const UNRECORDED_WORKLOAD_NOTE =
  ' Note: the stored baseline does not record its workload (an older file), so this assumes it was measured with the same window, rates and batches.';

interface Metric {
  name: 'hp-p99' | 'lp-throughput';
  label: string;
  unit: string;
  role: 'hp' | 'lp';
  current(context: VerdictContext, arm: ArmName): number[];
  stored(arm: BaselineArm): number[];
}

const METRICS: Metric[] = [
  {
    name: 'hp-p99',
    label: 'hp P99',
    unit: 'ms',
    role: 'hp',
    current: (c, arm) => c.stats.samples.get(arm)!.hp.map((t) => percentileOfSorted(t.latenciesNs, TAIL_PERCENTILE) / 1e6),
    stored: (a) => a.hpP99Ms,
  },
  {
    name: 'lp-throughput',
    label: 'lp throughput',
    unit: 'iter/s',
    role: 'lp',
    current: (c, arm) => c.stats.samples.get(arm)!.lp.map((t) => t.iterPerSec),
    stored: (a) => a.lpIterPerSec,
  },
];

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function judgeMetric(context: VerdictContext, arm: ArmName, metric: Metric, stored: BaselineArm): Verdict {
  const id = `regression.${arm}.${metric.name}`;
  const higherIsWorse = metric.name === 'hp-p99';
  const tolerance = higherIsWorse ? context.thresholds.regressionP99Tolerance : context.thresholds.regressionLpTolerance;
  const bound = higherIsWorse ? 1 + tolerance : 1 - tolerance;
  const rule = `${arm} ${metric.label} ${higherIsWorse ? '<=' : '>='} ${round3(bound)} x stored baseline (${higherIsWorse ? 'growth' : 'loss'} <= ${percent(tolerance)})`;
  const reason = unavailableReason(context, arm, metric.role);
  if (reason !== null) return skipVerdict(id, rule, `Not judged: ${reason}.`);
  const current = metric.current(context, arm);
  const storedValues = metric.stored(stored);
  const measured = { currentMean: mean(current), storedMean: storedValues.length > 0 ? mean(storedValues) : null, currentTrials: current.length, storedTrials: storedValues.length };
  const threshold = { tolerance, ratioBound: bound };
  const summary = `${arm} ${metric.label} ${round3(measured.currentMean)} ${metric.unit} now (${current.length} trials) vs ${measured.storedMean === null ? 'nothing' : round3(measured.storedMean)} ${metric.unit} stored (${storedValues.length} trials)`;
  const interval = welchLogRatioInterval(current, storedValues, context.record.scenario.confidence);
  if (interval === null) {
    return {
      id,
      rule,
      status: 'inconclusive',
      measured,
      threshold,
      interval: null,
      message: `Inconclusive: ${summary}; run-to-run noise needs 2 or more positive per-trial values on both sides.`,
      recommendation: `Run with trials >= 2, and store a baseline made of 2 or more trials (${UPDATE}).`,
    };
  }
  const status = decideAgainstThreshold(interval, bound, higherIsWorse ? 'at-most' : 'at-least');
  const verdictWord = status === 'fail' ? 'REGRESSION' : status === 'pass' ? 'No regression' : 'Inconclusive';
  const recommendation =
    status === 'fail'
      ? `Find the change that caused it (worker, XSched, driver, firmware: compare the fingerprints with the baseline's); if the new level is intended, store it with ${UPDATE}.`
      : status === 'inconclusive'
        ? recommendMoreData({ estimate: interval.estimate, low: interval.low, high: interval.high, threshold: bound, trials: current.length, durationMs: context.record.scenario.durationMs })
        : null;
  return {
    id,
    rule,
    status,
    measured: { ...measured, ratio: interval.estimate },
    threshold,
    interval: asConfidenceInterval(interval),
    message: `${verdictWord}: ${summary}; ratio ${round3(interval.estimate)}, ${percent(interval.level)} interval [${round3(interval.low)}, ${round3(interval.high)}], bound ${round3(bound)}.`,
    recommendation,
  };
}

/** The skip verdict for a baseline measured with another workload; null when it matches or is not recorded. */
function workloadMismatch(context: VerdictContext, stored: BaselineFile, rule: string): Verdict | null {
  if (stored.workload === undefined) return null;
  const differences = diffWorkload(stored.workload, workloadOfRun(context.record));
  if (differences.length === 0) return null;
  const message = `Not compared: the stored baseline (run ${stored.runId}) was measured with another workload: ${formatWorkloadDifferences(differences)} (stored -> this run).`;
  const { settings, unsettable } = settingsRestoringWorkload(differences);
  const restore = [
    settings.length > 0 ? `run with ${settings.join(' ')}` : '',
    unsettable.length > 0 ? `${unsettable.join(', ')} can only come from the scenario catalogue` : '',
  ].filter(Boolean).join('; ');
  const recommendation = `For a comparable run with the stored workload, ${restore}. Or store a baseline for this workload with ${UPDATE} (it replaces the stored one).`;
  return skipVerdict('regression', rule, message, recommendation);
}

/** Why the xsched arm cannot be compared (XSched ran with other settings); null when it can. */
function xschedSettingsMismatch(context: VerdictContext, stored: BaselineFile): { message: string; recommendation: string } | null {
  const current = xschedSettingsOfRun(context.record);
  if (stored.xschedSettings === undefined || current === null) return null;
  const differences = diffXschedSettings(stored.xschedSettings, current);
  if (differences.length === 0) return null;
  return {
    message: `Not compared: the stored xsched arm (run ${stored.runId}) ran XSched with other settings: ${formatWorkloadDifferences(differences)} (stored -> this run).`,
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
  if (!sameBaselineKey(stored.key, runKey)) {
    const message = `The stored baseline is for ${formatBaselineKeyFields(stored.key)}, but this run is ${formatBaselineKeyFields(runKey)}; they cannot be compared.`;
    return [skipVerdict('regression', rule, message, `Load the baseline for this key, or create one with ${UPDATE}.`)];
  }
  const mismatch = workloadMismatch(context, stored, rule);
  if (mismatch !== null) return [mismatch];
  const xschedMismatch = xschedSettingsMismatch(context, stored);
  const verdicts: Verdict[] = [];
  for (const arm of REGRESSION_ARMS) {
    for (const metric of METRICS) {
      const storedArm = stored.arms[arm];
      if (storedArm === undefined) {
        const message = `The stored baseline for ${formatBaselineKeyFields(runKey)} has no arms.${arm} entry.`;
        verdicts.push(skipVerdict(`regression.${arm}.${metric.name}`, rule, message, `Store one with ${UPDATE} from a run that includes the ${arm} arm.`));
        continue;
      }
      if (arm === 'xsched' && xschedMismatch !== null) {
        verdicts.push(skipVerdict(`regression.xsched.${metric.name}`, rule, xschedMismatch.message, xschedMismatch.recommendation));
        continue;
      }
      const verdict = judgeMetric(context, arm, metric, storedArm);
      if (stored.workload === undefined && verdict.status !== 'skip') verdict.message += UNRECORDED_WORKLOAD_NOTE;
      verdicts.push(verdict);
    }
  }
  return applyMachineDrift(context, stored, verdicts);
}
