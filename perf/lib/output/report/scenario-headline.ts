// The result of a scenario in four lines, the same in the banner, the terminal, the
// Markdown summary and the Vitest annotation: what XSched did to hp P99 (with its
// interval), what it cost lp, hp alone, and which stored baseline the run was compared with.
// Numbers come from the verdicts (perf/lib/evaluate/verdicts/), so the headline and the
// verdict table never disagree; where a verdict did not judge, the line says so.

import type { BaselineFile, RunRecord, ScenarioEvaluation, Verdict } from '../../documents/types/index.ts';
import { formatLevel, formatMs, formatPercent, formatSignedPercent } from './number-format.ts';
import { QUANTITY, regressionHpQuantity } from './quantity-labels.ts';
import { baselineIncludesRun, describeBaselineRuns } from '../../store/baselines/baseline-source.ts';

export interface ScenarioHeadline {
  /** xsched hp P99 vs the baseline arm's, with the verdict's interval. */
  effect: string;
  /** lp throughput lost by the xsched arm against the baseline arm, with its interval. */
  lpCost: string;
  /** The latency floor: hp by itself. */
  hpAlone: string;
  /** The stored baseline this run was compared with: run id, date, commit; "this run" when it is. */
  storedBaseline: string;
}

export function buildScenarioHeadline(record: RunRecord, evaluation: ScenarioEvaluation, baseline: BaselineFile | null): ScenarioHeadline {
  return {
    effect: describeEffect(evaluation),
    lpCost: describeLpCost(evaluation),
    hpAlone: describeHpAlone(evaluation),
    storedBaseline: describeStoredBaseline(record, evaluation, baseline),
  };
}

/** The headline as [label, text] rows, in the order every output shows them. */
export function headlineRows(headline: ScenarioHeadline): Array<[string, string]> {
  return [['effect', headline.effect], ['lp cost', headline.lpCost], ['hp alone', headline.hpAlone], ['stored baseline', headline.storedBaseline]];
}

/** The headline as labelled lines ("effect: ..."), for plain-text outputs. */
export function headlineLines(headline: ScenarioHeadline): string[] {
  return headlineRows(headline).map(([label, text]) => `${label}: ${text}`);
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** A skipped verdict (an invalid run's, a drifted machine's) measured but judged nothing. */
const tag = (v: Verdict): string => `[${v.status === 'skip' ? 'not judged' : v.status}]`;

function verdict(evaluation: ScenarioEvaluation, id: string): Verdict | undefined {
  return evaluation.verdicts.find((v) => v.id === id);
}

function describeEffect(evaluation: ScenarioEvaluation): string {
  const v = verdict(evaluation, 'hp-p99-improvement');
  const { xschedP99Ms, baselineP99Ms, improvementFraction } = v?.measured ?? {};
  if (!v || !finite(xschedP99Ms) || !finite(baselineP99Ms) || !finite(improvementFraction)) {
    return `not measured (${v ? `${v.status}: ${v.message}` : 'no hp-p99-improvement verdict: the xsched or baseline arm did not run'})`;
  }
  // The verdict reports an improvement (a cut); the headline shows the change, so a cut reads negative.
  const interval = v.interval ? `, ${formatLevel(v.interval.level)} interval ${formatSignedPercent(-v.interval.high)} to ${formatSignedPercent(-v.interval.low)}` : ', no interval';
  return `${QUANTITY.hpP99Merged} ${formatMs(xschedP99Ms)} ms (xsched) vs ${formatMs(baselineP99Ms)} ms (baseline arm): ` +
    `${formatSignedPercent(-improvementFraction)}${interval} ${tag(v)}`;
}

function describeLpCost(evaluation: ScenarioEvaluation): string {
  const v = verdict(evaluation, 'lp-throughput-loss');
  const { xschedIterPerSec, baselineIterPerSec, lossFraction } = v?.measured ?? {};
  if (!v || !finite(xschedIterPerSec) || !finite(baselineIterPerSec) || !finite(lossFraction)) {
    return `not measured (${v ? `${v.status}: ${v.message}` : 'no lp-throughput-loss verdict: the xsched or baseline arm did not run lp'})`;
  }
  const interval = v.interval ? `, ${formatLevel(v.interval.level)} interval ${formatPercent(v.interval.low)} to ${formatPercent(v.interval.high)}` : ', no interval';
  return `${QUANTITY.lpLoss} ${formatPercent(lossFraction)}${interval}: ${xschedIterPerSec.toFixed(3)} vs ${baselineIterPerSec.toFixed(3)} iter/s, xsched vs baseline arm, mean of trials ${tag(v)}`;
}

function describeHpAlone(evaluation: ScenarioEvaluation): string {
  const hp = evaluation.arms.find((a) => a.arm === 'hp-alone')?.merged.hp;
  if (!hp) return 'not measured (the hp-alone arm did not run)';
  return `${QUANTITY.hpP99Merged} ${formatMs(hp.latencyMs.p99)} ms over ${hp.completed} requests`;
}

function describeStoredBaseline(record: RunRecord, evaluation: ScenarioEvaluation, baseline: BaselineFile | null): string {
  if (!baseline) return 'none for this scenario and hardware: no comparison with an earlier run was made';
  const runCommits = new Set(baseline.runs?.flatMap((run) => (run.commit === undefined ? [] : [run.commit])) ?? []).size;
  const commit = baseline.commit ? `commit ${baseline.commit.slice(0, 12)}` : runCommits > 0 ? `${runCommits} commits (each run's in the file)` : 'commit not recorded';
  const made = baseline.runs === undefined ? 'this run (stored from it)' : `made from this run and ${baseline.runs.length - 1} others`;
  const same = baselineIncludesRun(baseline, record.runId) ? `${made}: the comparison cannot show a regression; ` : '';
  const regression = verdict(evaluation, 'regression.xsched.hp-p99');
  const ratio = regression && finite(regression.measured.ratio)
    ? `; xsched ${regressionHpQuantity(regression.measured)} now/stored ${regression.measured.ratio.toFixed(3)}${regression.interval ? ` (${formatLevel(regression.interval.level)} interval ${regression.interval.low.toFixed(3)} to ${regression.interval.high.toFixed(3)})` : ''} ${tag(regression)}`
    : '';
  return `${same}${describeBaselineRuns(baseline)}, stored ${baseline.createdAt}, ${commit}${ratio}`;
}
