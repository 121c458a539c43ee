// lp-throughput-loss on recorded real runs (recorded-runs.json): nothing changed between the
// runs of a configuration, so every verdict short of a pass is an A/A miss. Each run is judged on
// its own trials (no stored baseline), with every other run of its configuration as the stored
// baseline (the spread pooled with that run's paired trials: docs/statistics.md section 3.3), and
// with all the others as one baseline of several runs on their recorded machines (as a committed
// baseline of several runs judges it: each run around its own mean, a machine's own runs where it
// has enough), through the suite's judgeLpThroughputLoss.

import type { BaselineFile } from '../../perf/lib/documents/types/baseline.ts';
import { assembleBaseline } from '../../perf/lib/store/baselines/from-runs.ts';
import type { RunRecord } from '../../perf/lib/documents/types/run-record.ts';
import type { VerdictStatus } from '../../perf/lib/documents/types/evaluation.ts';
import type { LpTrialSamples } from '../../perf/lib/evaluate/stats/lp-samples.ts';
import type { ArmSamples, RunStatistics } from '../../perf/lib/evaluate/stats/run-statistics.ts';
import type { ArmName } from '../../perf/lib/documents/types/scenario.ts';
import { judgeLpThroughputLoss } from '../../perf/lib/evaluate/verdicts/lp-throughput-loss.ts';
import { getCatalogueEntry } from '../../perf/lib/plan/scenarios/catalogue.ts';
import { aloneArmsOf, aloneSamplesOf } from './calibration.ts';
import type { RecordedRunsFile } from './scenario-noise.ts';

export type StatusCounts = Record<VerdictStatus, number>;

export interface LpLossReplayRow {
  config: string;
  maxLoss: number;
  /** Per run: 1 - geometric mean of its paired xsched/baseline ratios. */
  losses: number[];
  alone: StatusCounts;
  pooled: StatusCounts;
  /** Against the other runs as one baseline of several runs (leave one out). */
  combined: StatusCounts;
}

type SharingMode = keyof ReturnType<typeof getCatalogueEntry>['thresholds']['bySharing'];
export type Paired = { runId: string; xsched: number[]; baseline: number[] };

const lpTrial = (trial: number, iterPerSec: number): LpTrialSamples => ({ trial, windowNs: 1, batch: 1, iterations: 2, iterPerSec, durationsNs: new Float64Array(), coveredNs: 1, malformed: 0 });

/**
 * A real run lent for its key, workload and XSched settings, with the baseline it makes
 * (perf/lib/store/baselines/from-run.ts): every simulated or recorded stored run is that baseline
 * with other lp values, so it can judge the run.
 */
export interface BaselineTemplate {
  record: RunRecord;
  baseline: BaselineFile;
}

/** `template`'s baseline holding `stored`'s lp values (and hp P99s where given) and the template's alone arms, so that they calibrate and show no drift (calibration.ts). */
export function storedBaselineOf(template: BaselineFile, stored: Paired, hpP99Ms?: { baseline: number[]; xsched: number[] }): BaselineFile {
  const arm = (lpIterPerSec: number[], hp: number[] = []) => ({ hpP99Ms: hp, hpP50Ms: [], hpAchievedRateHz: [], lpIterPerSec, hpHistogram: null });
  return { ...template, runId: stored.runId, arms: { ...aloneArmsOf(template), baseline: arm(stored.baseline, hpP99Ms?.baseline), xsched: arm(stored.xsched, hpP99Ms?.xsched) } };
}

/** `runs` as one baseline of several runs (the product's assembleBaseline), each on its recorded machine, a minute apart. */
function storedBaselineOfRuns(template: BaselineFile, runs: Paired[], machines: Record<string, string>): BaselineFile {
  const start = Date.parse(template.createdAt);
  return assembleBaseline(template, runs.map((run, index) => ({
    run: { runId: run.runId, startedAt: new Date(start + index * 60_000).toISOString(), ...(machines[run.runId] !== undefined ? { machine: machines[run.runId]! } : {}) },
    arms: storedBaselineOf(template, run).arms,
  })));
}

/** The record as measured on `machine` (its workers' GPU UUID), for the own-machine cut (own-machine-runs.ts). */
function onMachine(record: RunRecord, machine: string | undefined): RunRecord {
  if (machine === undefined) return record;
  const trials = record.trials.map((trial) => ({
    ...trial,
    workers: trial.workers.map((w) => (w.ok ? { ...w, result: { ...w.result, fingerprint: { ...w.result.fingerprint, gpu: { ...w.result.fingerprint.gpu, uuid: machine } } } } : w)),
  }));
  return { ...record, trials };
}

function judge(template: BaselineTemplate, maxLoss: number, run: Paired, stored: BaselineFile | null, machine?: string): VerdictStatus {
  const samples: RunStatistics['samples'] = new Map([
    ...aloneSamplesOf(template.record),
    ...(['baseline', 'xsched'] as const).map((arm): [ArmName, ArmSamples] => [arm, { arm, skipped: [], hp: [], lp: run[arm].map((rate, t) => lpTrial(t, rate)) }]),
  ]);
  const thresholds = { ...template.record.scenario.thresholds, lpThroughputLossMaxFraction: maxLoss };
  const context = { record: { ...onMachine(template.record, machine), runId: run.runId }, stats: { arms: [], samples }, thresholds, baseline: stored };
  return judgeLpThroughputLoss(context).status;
}

const zero = (): StatusCounts => ({ pass: 0, fail: 0, inconclusive: 0, skip: 0 });

/** Each pairing is judged as its configuration's (its lp threshold), in `template`'s key and workload. */
export function replayLpLoss(recorded: RecordedRunsFile, template: BaselineTemplate): LpLossReplayRow[] {
  const rows: LpLossReplayRow[] = [];
  for (const group of recorded.groups.filter((g) => g.arm === 'baseline' && g.metric === 'lp-throughput')) {
    const xschedGroup = recorded.groups.find((g) => g.config === group.config && g.arm === 'xsched' && g.metric === 'lp-throughput');
    if (xschedGroup === undefined) continue;
    const runs: Paired[] = Object.entries(group.runs)
      .filter(([id, b]) => (xschedGroup.runs[id]?.length ?? 0) === b.length && b.length >= 2)
      .map(([runId, baseline]) => ({ runId, baseline, xsched: xschedGroup.runs[runId]! }));
    if (runs.length === 0) continue;
    const [scenario, sharing] = group.config.split(' ') as [string, SharingMode];
    const maxLoss = getCatalogueEntry(scenario).thresholds.bySharing[sharing].lpThroughputLossMaxFraction;
    const alone = zero();
    const pooled = zero();
    const combined = zero();
    const machines = recorded.machines ?? {};
    for (const run of runs) {
      alone[judge(template, maxLoss, run, null)]++;
      for (const stored of runs) if (stored !== run) pooled[judge(template, maxLoss, run, storedBaselineOf(template.baseline, stored))]++;
      const others = runs.filter((other) => other !== run);
      if (others.length > 1) combined[judge(template, maxLoss, run, storedBaselineOfRuns(template.baseline, others, machines), machines[run.runId])]++;
    }
    const loss = (r: Paired) => 1 - Math.exp(r.xsched.reduce((s, x, i) => s + Math.log(x / r.baseline[i]!), 0) / r.xsched.length);
    rows.push({ config: group.config, maxLoss, losses: runs.map(loss), alone, pooled, combined });
  }
  return rows;
}
