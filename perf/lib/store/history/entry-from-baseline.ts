// A stored baseline file as a history entry, for the first history of a repository whose
// runs were kept only as baselines. A baseline keeps per-trial values but not the pooled P99,
// the verdicts or the commit: the value is the mean of the trials, the status "valid" (only
// valid runs become baselines), and the commit is null with the reason given.
// A baseline of several runs (its `runs`, baselines/from-runs.ts) gives one entry per run: its
// trials split by trialRuns, its commit where `runs` lists one. History must never hold several
// runs disguised as one, whose spread would read as one run's trial noise.

import type { BaselineFile, BaselineRun } from '../../documents/types/baseline.ts';
import type { HistoryEntry, HistoryMetric, HistoryPoint } from '../../documents/types/history.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { armsOfRun, runTimeOfBaseline } from '../baselines/baseline-source.ts';

const ARM_METRICS: Array<[HistoryMetric, 'hpP99Ms' | 'hpP50Ms' | 'hpAchievedRateHz' | 'lpIterPerSec']> = [
  ['hpP99Ms', 'hpP99Ms'],
  ['hpP50Ms', 'hpP50Ms'],
  ['hpAchievedRateHz', 'hpAchievedRateHz'],
  ['lpIterPerSec', 'lpIterPerSec'],
];

function armPoints(arms: BaselineFile['arms']): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const [arm, values] of Object.entries(arms)) {
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
  return points;
}

function entry(baseline: BaselineFile, runId: string, createdAt: string, commit: string | null, points: HistoryPoint[]): HistoryEntry {
  return {
    run: {
      runId,
      createdAt,
      key: baseline.key,
      status: 'valid',
      accepted: true,
      origin: 'baseline-file',
      commit,
      branch: null,
      dirty: null,
      commitTime: null,
      gitNote: commit === null ? 'imported from a baseline file, which does not record the commit' : null,
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

/** A baseline of one run (no `runs`) as one history entry. */
export function historyEntryFromBaseline(baseline: BaselineFile): HistoryEntry {
  return entry(baseline, baseline.runId, runTimeOfBaseline(baseline), null, armPoints(baseline.arms));
}

/** The entries a baseline file gives: one per listed run (its time, commit and own trials), else one. */
export function historyEntriesFromBaseline(baseline: BaselineFile): HistoryEntry[] {
  if (baseline.runs === undefined) return [historyEntryFromBaseline(baseline)];
  return baseline.runs.map((run: BaselineRun, index) => entry(baseline, run.runId, new Date(run.startedAt).toISOString(), run.commit ?? null, armPoints(armsOfRun(baseline, index))));
}
