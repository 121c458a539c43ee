// A stored baseline file as a history entry, for the first history of a repository whose
// runs were kept only as baselines. A baseline keeps per-trial values but not the pooled P99,
// the verdicts or the commit: the value is the mean of the trials, the status "valid" (only
// valid runs become baselines), and the commit is null with the reason given.

import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { HistoryEntry, HistoryMetric, HistoryPoint } from '../../documents/types/history.ts';
import type { ArmName } from '../../documents/types/scenario.ts';

const ARM_METRICS: Array<[HistoryMetric, 'hpP99Ms' | 'hpP50Ms' | 'hpAchievedRateHz' | 'lpIterPerSec']> = [
  ['hpP99Ms', 'hpP99Ms'],
  ['hpP50Ms', 'hpP50Ms'],
  ['hpAchievedRateHz', 'hpAchievedRateHz'],
  ['lpIterPerSec', 'lpIterPerSec'],
];

/** The run's time: from the run id's UTC stamp (2026-11-21T23-37-56Z-...), else the file's createdAt. */
function runTime(baseline: BaselineFile): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(baseline.runId);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`).toISOString() : baseline.createdAt;
}

export function historyEntryFromBaseline(baseline: BaselineFile): HistoryEntry {
  const points: HistoryPoint[] = [];
  for (const [arm, values] of Object.entries(baseline.arms)) {
    for (const [metric, field] of ARM_METRICS) {
      const trials = values?.[field] ?? [];
      if (trials.length === 0) continue;
      const ranged = trials.length >= 2;
      points.push({
        arm: arm as ArmName,
        metric,
        value: trials.reduce((s, v) => s + v, 0) / trials.length,
        low: ranged ? Math.min(...trials) : null,
        high: ranged ? Math.max(...trials) : null,
        intervalMethod: ranged ? `range of ${trials.length} per-trial values (baseline file: value is their mean)` : null,
        trials,
        thresholdName: null,
        threshold: null,
      });
    }
  }
  return {
    run: {
      runId: baseline.runId,
      createdAt: runTime(baseline),
      key: baseline.key,
      status: 'valid',
      accepted: true,
      origin: 'baseline-file',
      commit: null,
      branch: null,
      dirty: null,
      commitTime: null,
      gitNote: 'imported from a baseline file, which does not record the commit',
      xschedVersion: null,
      workerVersion: baseline.workerVersion,
      driverVersion: null,
      runtimeVersion: null,
      suiteVersion: null,
      hostname: null,
    },
    points,
  };
}
