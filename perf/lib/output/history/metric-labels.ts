// Words for trend series, shared by the HTML page and the Markdown summary.

import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { HistoryMetric } from '../../documents/types/history.ts';

export const METRIC_LABELS: Partial<Record<HistoryMetric, { label: string; unit: string; percent: boolean }>> = {
  hpP99Ms: { label: 'hp P99', unit: 'ms', percent: false },
  lpIterPerSec: { label: 'lp iter/s', unit: 'iter/s', percent: false },
  hpP99ImprovementFraction: { label: 'hp P99 improvement', unit: '', percent: true },
  lpLossFraction: { label: 'lp loss', unit: '', percent: true },
};

export const metricLabel = (metric: HistoryMetric): string => METRIC_LABELS[metric]?.label ?? metric;

export function formatMetricValue(metric: HistoryMetric, value: number): string {
  return METRIC_LABELS[metric]?.percent ? `${(value * 100).toFixed(1)}%` : `${value.toPrecision(4)}${METRIC_LABELS[metric]?.unit ? ` ${METRIC_LABELS[metric]?.unit}` : ''}`;
}

export const describeKey = (k: BaselineKey): string => `${k.scenario}, ${k.platform} ${k.arch} ${k.gpuName}, ${k.sharing}`;
export const shortCommit = (commit: string | null): string => (commit ? commit.slice(0, 7) : 'no commit');
