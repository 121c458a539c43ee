// A finished run (record + evaluation) as a history entry: its key, status, source, and per
// arm the pooled value, the per-trial values and their range, plus the xsched verdicts.

import type { ArmStats, ScenarioEvaluation, Verdict } from '../../documents/types/evaluation.ts';
import type { HistoryEntry, HistoryMetric, HistoryOrigin, HistoryPoint, HistoryRun, HistoryStatus } from '../../documents/types/history.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { armTrialSeries } from '../arm-trial-series.ts';
import { findBaselineRefusals } from '../baselines/baseline-refusals.ts';
import { baselineKeyOfRun, findFirstFingerprint } from '../baselines/key.ts';

function point(arm: HistoryPoint['arm'], metric: HistoryMetric, value: number, trials: number[]): HistoryPoint {
  // The range of per-trial values: with 2+ trials it shows run-to-run spread without a model.
  const ranged = trials.length >= 2;
  return {
    arm,
    metric,
    value,
    low: ranged ? Math.min(...trials) : null,
    high: ranged ? Math.max(...trials) : null,
    intervalMethod: ranged ? `range of ${trials.length} per-trial values` : null,
    trials,
    thresholdName: null,
    threshold: null,
  };
}

function armPoints(stats: ArmStats): HistoryPoint[] {
  const series = armTrialSeries(stats);
  const points: HistoryPoint[] = [];
  if (stats.merged.hp && series.hpP99Ms.length > 0) {
    points.push(point(stats.arm, 'hpP99Ms', stats.merged.hp.latencyMs.p99, series.hpP99Ms));
    points.push(point(stats.arm, 'hpP50Ms', stats.merged.hp.latencyMs.p50, series.hpP50Ms));
    points.push(point(stats.arm, 'hpAchievedRateHz', stats.merged.hp.achievedRateHz, series.hpAchievedRateHz));
  }
  if (stats.merged.lp && series.lpIterPerSec.length > 0) points.push(point(stats.arm, 'lpIterPerSec', stats.merged.lp.iterPerSec, series.lpIterPerSec));
  return points;
}

/** The xsched arm's verdicts that carry a fraction, an interval and a threshold. */
const VERDICT_METRICS: Array<{ id: string; metric: HistoryMetric; measured: string; threshold: string }> = [
  { id: 'hp-p99-improvement', metric: 'hpP99ImprovementFraction', measured: 'improvementFraction', threshold: 'hpP99ImprovementMinFraction' },
  { id: 'lp-throughput-loss', metric: 'lpLossFraction', measured: 'lossFraction', threshold: 'lpThroughputLossMaxFraction' },
];

function verdictPoints(verdicts: Verdict[]): HistoryPoint[] {
  return VERDICT_METRICS.flatMap(({ id, metric, measured, threshold }) => {
    const verdict = verdicts.find((v) => v.id === id);
    const value = verdict?.measured[measured];
    if (!verdict || verdict.status === 'skip' || typeof value !== 'number' || !Number.isFinite(value)) return [];
    const limit = verdict.threshold[threshold];
    return [
      {
        arm: 'xsched' as const,
        metric,
        value,
        low: verdict.interval?.low ?? null,
        high: verdict.interval?.high ?? null,
        intervalMethod: verdict.interval ? `${verdict.interval.level * 100}% ${verdict.interval.method}` : null,
        trials: [],
        thresholdName: limit === undefined ? null : threshold,
        threshold: limit ?? null,
      },
    ];
  });
}

/** The run's source fields; a record from before run.json had `source` has none of them. */
export function sourceFields(record: RunRecord): Pick<HistoryRun, 'commit' | 'branch' | 'dirty' | 'commitTime' | 'gitNote' | 'xschedVersion'> {
  const git = record.source?.git;
  const xschedVersion = record.source?.xsched?.version ?? null;
  if (!git) return { commit: null, branch: null, dirty: null, commitTime: null, gitNote: 'run recorded before runs kept their source', xschedVersion };
  if (!git.available) return { commit: null, branch: null, dirty: null, commitTime: null, gitNote: git.reason, xschedVersion };
  return { commit: git.commit, branch: git.branch, dirty: git.dirty, commitTime: git.commitTime, gitNote: null, xschedVersion };
}

/**
 * The entry for `record`; null when no worker finished (no fingerprint, so no hardware key).
 * `evaluation` is null for an aborted run: its status is recorded, its numbers are not.
 */
export function historyEntryFromRun(record: RunRecord, evaluation: ScenarioEvaluation | null, origin: HistoryOrigin): HistoryEntry | null {
  const key = baselineKeyOfRun(record);
  const fingerprint = findFirstFingerprint(record);
  if (!key || !fingerprint) return null;
  const status: HistoryStatus = evaluation?.status ?? 'aborted';
  const run: HistoryRun = {
    runId: record.runId,
    createdAt: record.createdAt,
    key,
    status,
    // Accepted = it could be a baseline (valid, complete, enough trials): the same rule as a stored
    // baseline (store/baselines/baseline-refusals.ts), whatever the verdicts said.
    accepted: evaluation !== null && findBaselineRefusals(record, evaluation).length === 0,
    origin,
    ...sourceFields(record),
    workerVersion: fingerprint.workerVersion,
    driverVersion: fingerprint.driverVersion,
    runtimeVersion: fingerprint.runtimeVersion,
    suiteVersion: record.suiteVersion,
    hostname: record.host.hostname,
  };
  const points = evaluation ? [...evaluation.arms.flatMap(armPoints), ...verdictPoints(evaluation.verdicts)] : [];
  return { run, points };
}
