// Trend series: per scenario x hardware key x arm x metric, the accepted runs in commit order
// with each run's interval and threshold, and the change points E-divisive finds in them.

import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { HistoryEntry, HistoryMetric } from '../../documents/types/history.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { detectChangePoints, type ChangePointOptions } from './change-points.ts';

export const TREND_METRICS: readonly HistoryMetric[] = ['hpP99Ms', 'lpIterPerSec', 'hpP99ImprovementFraction', 'lpLossFraction'];

export interface TrendPoint {
  runId: string;
  commit: string | null;
  createdAt: string;
  value: number;
  low: number | null;
  high: number | null;
  threshold: number | null;
}

export interface TrendChange {
  /** Index in `points` of the first run after the change. */
  index: number;
  commit: string | null;
  runId: string;
  pValue: number;
  meanBefore: number;
  meanAfter: number;
  /** (after - before) / before. */
  relativeChange: number;
  /** Runs after the first changed one, up to the next change point: how often it held. */
  confirmedBy: number;
}

export interface TrendSeries {
  key: BaselineKey;
  arm: ArmName;
  metric: HistoryMetric;
  points: TrendPoint[];
  changes: TrendChange[];
}

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const keyText = (k: BaselineKey): string => [k.scenario, k.platform, k.arch, k.gpuName, k.sharing].join('\u0000');

/** `entries` in commit order (HistoryStore.query); only accepted runs make points. */
export function buildTrendSeries(entries: readonly HistoryEntry[], options: ChangePointOptions = {}): TrendSeries[] {
  const byId = new Map<string, TrendSeries>();
  for (const { run, points } of entries) {
    if (!run.accepted) continue;
    for (const p of points) {
      if (!TREND_METRICS.includes(p.metric)) continue;
      const id = `${keyText(run.key)}\u0000${p.arm}\u0000${p.metric}`;
      let series = byId.get(id);
      if (!series) {
        series = { key: run.key, arm: p.arm, metric: p.metric, points: [], changes: [] };
        byId.set(id, series);
      }
      series.points.push({ runId: run.runId, commit: run.commit, createdAt: run.createdAt, value: p.value, low: p.low, high: p.high, threshold: p.threshold });
    }
  }
  const all = [...byId.values()];
  for (const series of all) {
    const values = series.points.map((p) => p.value);
    const found = detectChangePoints(values, options);
    series.changes = found.map((c, i) => {
      const start = found[i - 1]?.index ?? 0;
      const end = found[i + 1]?.index ?? values.length;
      const before = mean(values.slice(start, c.index));
      const after = mean(values.slice(c.index, end));
      const at = series.points[c.index]!;
      return { index: c.index, commit: at.commit, runId: at.runId, pValue: c.pValue, meanBefore: before, meanAfter: after, relativeChange: (after - before) / before, confirmedBy: end - c.index - 1 };
    });
  }
  return all.sort((a, b) => keyText(a.key).localeCompare(keyText(b.key)) || a.arm.localeCompare(b.arm) || a.metric.localeCompare(b.metric));
}
