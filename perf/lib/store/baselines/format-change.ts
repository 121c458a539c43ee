// Old-vs-new table printed when a baseline is written, so the person updating it
// sees what moved before committing the file.

import { ALL_ARMS } from '../../plan/scenarios/catalogue.ts';
import type { BaselineArm, BaselineFile } from '../../documents/types/baseline.ts';
import type { BaselineChange } from './update-baseline.ts';
import { diffWorkload, formatWorkloadDifferences } from './workload.ts';
import { medianOf } from '../../evaluate/stats/sample-moments.ts';
import { diffXschedSettings } from './xsched-settings.ts';
import { describeBaselineRuns } from './baseline-source.ts';

/** The median, or null for no values (an arm the baseline does not hold). */
const medianOrNull = (values: number[] | undefined): number | null => (values === undefined || values.length === 0 ? null : medianOf(values));

function formatValue(values: number[] | undefined): string {
  const median = medianOrNull(values);
  return median === null ? '-' : `${median.toFixed(2)} (${values?.length} trial${values?.length === 1 ? '' : 's'})`;
}

function formatPercentChange(oldValues: number[] | undefined, newValues: number[] | undefined): string {
  const before = medianOrNull(oldValues);
  const after = medianOrNull(newValues);
  if (before === null && after === null) return '';
  if (before === null) return 'new';
  if (after === null) return 'removed';
  if (before === 0) return 'n/a';
  const percent = ((after - before) / before) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

function describeSource(file: BaselineFile | null): string {
  if (file === null) return '(none)';
  return `${describeBaselineRuns(file)}, written ${file.createdAt}`;
}

// The numbers of two workloads are not comparable: the reviewer must see that the table
// sets, say, a 30 s window against a 180 s one.
function describeWorkloadChange(change: BaselineChange): string[] {
  const before = change.old?.workload;
  const after = change.new.workload;
  if (change.old === null || after === undefined) return [];
  if (before === undefined) return ['  workload: not recorded in the old baseline, so the table may compare different workloads'];
  const differences = diffWorkload(before, after);
  return differences.length === 0 ? [] : [`  workload changed (old -> new): ${formatWorkloadDifferences(differences)}`];
}

// Likewise the xsched rows of two XSched configurations (say lp threshold 4 against 1).
function describeXschedSettingsChange(change: BaselineChange): string[] {
  const before = change.old?.xschedSettings;
  const after = change.new.xschedSettings;
  if (before === undefined || after === undefined) return [];
  const differences = diffXschedSettings(before, after);
  return differences.length === 0 ? [] : [`  XSched settings changed (old -> new): ${formatWorkloadDifferences(differences)}`];
}

// Replacing a baseline of several runs with one run undoes what those runs bought: say so.
function describeRunsLost(change: BaselineChange): string[] {
  const before = change.old?.runs?.length ?? 0;
  if (before < 2 || change.new.runs !== undefined) return [];
  return [
    `  note: the old baseline was made of ${before} runs, the new one of 1: the regression verdict goes back to assuming the between-run noise instead of measuring it. ` +
      'To keep a baseline of several runs, add runs to it instead (npm run perf:update-baselines -- --append, or -- --from <run dir> --append), or write it from several run directories (-- --from <run dirs> --combine); docs/baselines.md',
  ];
}

/** A plain-text table: per arm, median hp P99 and lp iter/s over trials, old, new and % change; a workload change above it. */
export function formatBaselineChange(change: BaselineChange): string {
  const header = ['metric (median of trials)', 'old', 'new', 'change'];
  const rows: string[][] = [];
  for (const arm of ALL_ARMS) {
    const before: BaselineArm | undefined = change.old?.arms[arm];
    const after: BaselineArm | undefined = change.new.arms[arm];
    if (!before && !after) continue;
    const metrics: Array<[string, keyof Pick<BaselineArm, 'hpP99Ms' | 'lpIterPerSec'>]> = [
      [`${arm}: hp P99 ms`, 'hpP99Ms'],
      [`${arm}: lp iter/s`, 'lpIterPerSec'],
    ];
    for (const [label, field] of metrics) {
      if ((before?.[field].length ?? 0) === 0 && (after?.[field].length ?? 0) === 0) continue;
      rows.push([label, formatValue(before?.[field]), formatValue(after?.[field]), formatPercentChange(before?.[field], after?.[field])]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [
    `Baseline ${change.path}`,
    `  old: ${describeSource(change.old)}`,
    `  new: ${describeSource(change.new)}`,
    ...describeWorkloadChange(change),
    ...describeXschedSettingsChange(change),
    ...describeRunsLost(change),
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
