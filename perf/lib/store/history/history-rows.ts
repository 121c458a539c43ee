// HistoryEntry <-> table rows (migrations.ts), the one place that knows the column names.

import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { HistoryPoint, HistoryRun } from '../../documents/types/history.ts';
import type { SqlRow, SqlValue } from './sql-driver.ts';

export const RUN_COLUMNS = [
  'run_id', 'created_at', 'scenario', 'platform', 'gpu_name', 'arch', 'sharing', 'status', 'accepted', 'origin', 'commit_sha', 'branch',
  'dirty', 'commit_time', 'git_note', 'xsched_version', 'worker_version', 'driver_version', 'runtime_version', 'suite_version', 'hostname',
] as const;

export const POINT_COLUMNS = ['run_id', 'arm', 'metric', 'value', 'low', 'high', 'interval_method', 'trials', 'threshold_name', 'threshold'] as const;

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

export function runToRow(run: HistoryRun): SqlValue[] {
  const k = run.key;
  return [
    run.runId, run.createdAt, k.scenario, k.platform, k.gpuName, k.arch, k.sharing, run.status, flag(run.accepted), run.origin, run.commit, run.branch,
    flag(run.dirty), run.commitTime, run.gitNote, run.xschedVersion, run.workerVersion, run.driverVersion, run.runtimeVersion, run.suiteVersion, run.hostname,
  ];
}

export function pointToRow(runId: string, p: HistoryPoint): SqlValue[] {
  return [runId, p.arm, p.metric, p.value, p.low, p.high, p.intervalMethod, JSON.stringify(p.trials), p.thresholdName, p.threshold];
}

const text = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: SqlValue | undefined): boolean | null => (v === null || v === undefined ? null : Number(v) !== 0);

export function rowToRun(row: SqlRow): HistoryRun {
  const key: BaselineKey = {
    scenario: String(row.scenario),
    platform: String(row.platform) as BaselineKey['platform'],
    gpuName: String(row.gpu_name),
    arch: String(row.arch),
    sharing: String(row.sharing) as BaselineKey['sharing'],
  };
  return {
    runId: String(row.run_id),
    createdAt: String(row.created_at),
    key,
    status: String(row.status) as HistoryRun['status'],
    accepted: bool(row.accepted) === true,
    origin: String(row.origin) as HistoryRun['origin'],
    commit: text(row.commit_sha),
    branch: text(row.branch),
    dirty: bool(row.dirty),
    commitTime: text(row.commit_time),
    gitNote: text(row.git_note),
    xschedVersion: text(row.xsched_version),
    workerVersion: text(row.worker_version),
    driverVersion: text(row.driver_version),
    runtimeVersion: text(row.runtime_version),
    suiteVersion: text(row.suite_version),
    hostname: text(row.hostname),
  };
}

export function rowToPoint(row: SqlRow): HistoryPoint {
  return {
    arm: String(row.arm) as HistoryPoint['arm'],
    metric: String(row.metric) as HistoryPoint['metric'],
    value: Number(row.value),
    low: num(row.low),
    high: num(row.high),
    intervalMethod: text(row.interval_method),
    trials: JSON.parse(String(row.trials)) as number[],
    thresholdName: text(row.threshold_name),
    threshold: num(row.threshold),
  };
}
