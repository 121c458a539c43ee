// VerdictContext and stored baselines built from synthetic runs, the way the baseline
// updater stores them: per-trial values of each arm, the merged hp histogram and the workload.

import { workloadOfRun } from '../../../perf/lib/store/baselines/workload.ts';
import { computeRunStatistics } from '../../../perf/lib/evaluate/stats/run-statistics.ts';
import type { BaselineArm, BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import { resolveThresholds } from '../../../perf/lib/evaluate/verdicts/effective-thresholds.ts';
import type { VerdictContext } from '../../../perf/lib/evaluate/verdicts/verdict-context.ts';

export function verdictContextOf(record: RunRecord, baseline: BaselineFile | null = null): VerdictContext {
  return { record, stats: computeRunStatistics(record), thresholds: resolveThresholds(record.scenario, baseline), baseline };
}

export function baselineFromRun(record: RunRecord, arms: ArmName[] = ['hp-alone', 'lp-alone', 'baseline', 'xsched']): BaselineFile {
  const stats = computeRunStatistics(record);
  const stored: Partial<Record<ArmName, BaselineArm>> = {};
  for (const arm of arms) {
    const armStats = stats.arms.find((a) => a.arm === arm);
    if (armStats === undefined) continue;
    stored[arm] = {
      hpP99Ms: armStats.trials.flatMap((t) => (t.hp ? [t.hp.latencyMs.p99] : [])),
      hpP50Ms: armStats.trials.flatMap((t) => (t.hp ? [t.hp.latencyMs.p50] : [])),
      hpAchievedRateHz: armStats.trials.flatMap((t) => (t.hp ? [t.hp.achievedRateHz] : [])),
      lpIterPerSec: armStats.trials.flatMap((t) => (t.lp ? [t.lp.iterPerSec] : [])),
      hpHistogram: armStats.merged.hp?.histogram ?? null,
    };
  }
  return {
    schema: 'xsched-perf.baseline',
    schemaVersion: 1,
    key: { scenario: record.scenario.name, platform: 'cuda', gpuName: 'Fixture GPU', arch: 'sm_90', sharing: record.scenario.sharing },
    createdAt: '2025-01-01T00:00:00.000Z',
    runId: record.runId,
    workerVersion: '0.1.0',
    workload: workloadOfRun(record),
    thresholds: {},
    arms: stored,
  };
}
