// The noise model of one committed baseline's scenario: for each judged arm and metric, the
// stored level, the trial residuals and the run-to-run shifts the benchmark draws from.

import { readFileSync } from 'node:fs';
import type { BaselineFile } from '../../perf/lib/documents/types/baseline.ts';
import { type RecordedGroup, groupRunMeans } from './between-run-estimate.ts';
import { logResiduals, runMeanDifferences } from './noise-models.ts';

export type Metric = 'hp-p99' | 'lp-throughput';
export type JudgedArm = 'baseline' | 'xsched';

export interface MetricNoise {
  storedValues: number[];
  levelLog: number;
  residuals: number[];
  shifts: number[];
  shiftSource: string;
}

export interface RecordedRunsFile {
  schema: 'xsched-perf.recorded-runs';
  schemaVersion: 1;
  /** The machine (GPU UUID prefix) of recorded runs, by run id, where known (several-runs-sim.ts). */
  machines?: Record<string, string>;
  groups: RecordedGroup[];
}

export function readRecordedRuns(path: string): RecordedRunsFile {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as RecordedRunsFile;
  if (doc.schema !== 'xsched-perf.recorded-runs' || doc.schemaVersion !== 1) {
    throw new Error(`${path}: expected schema xsched-perf.recorded-runs version 1, found ${JSON.stringify(doc.schema)} ${JSON.stringify(doc.schemaVersion)}`);
  }
  return doc;
}

/** The recorded-runs configuration label of a baseline: scenario, sharing, window and pinned CPUs, e.g. "quick time-sliced 10 s pinned 4". */
export function configOfBaseline(stored: BaselineFile): string {
  const lengthS = stored.workload ? stored.workload.durationMs / 1000 : null;
  const pinned = stored.workload?.pinnedCpus ?? 0;
  return `${stored.key.scenario} ${stored.key.sharing} ${lengthS} s${pinned > 0 ? ` pinned ${pinned}` : ''}`;
}

export function metricNoise(stored: BaselineFile, arm: JudgedArm, metric: Metric, recorded: RecordedRunsFile): MetricNoise | null {
  const storedArm = stored.arms[arm];
  const storedValues = storedArm ? (metric === 'hp-p99' ? storedArm.hpP99Ms : storedArm.lpIterPerSec) : [];
  if (storedValues.length === 0) return null;
  const same = (g: RecordedGroup): boolean => g.arm === arm && g.metric === metric;
  const config = configOfBaseline(stored);
  const repeated = (groups: RecordedGroup[]): boolean => groups.some((g) => groupRunMeans(g).length >= 2);
  const own = recorded.groups.filter((g) => same(g) && g.config === config);
  // A pinned configuration not yet repeated takes its unpinned runs' shifts, as the verdict takes
  // the unpinned between-run values (perf/lib/evaluate/verdicts/between-run-noise.ts): pinning
  // removes a source of noise, so that errs on the side of more.
  const unpinned = recorded.groups.filter((g) => same(g) && g.config === config.replace(/ pinned \d+$/, ''));
  const [shiftGroups, shiftSource] = repeated(own)
    ? [own, 'own configuration']
    : repeated(unpinned)
      ? [unpinned, 'its unpinned runs']
      : [recorded.groups.filter(same), 'pooled over recorded configurations'];
  const shifts = shiftGroups.flatMap((g) => runMeanDifferences(groupRunMeans(g).map((r) => r.meanLog)));
  const residualRuns = [storedValues, ...own.flatMap((g) => Object.values(g.runs))];
  return {
    storedValues,
    levelLog: storedValues.map(Math.log).reduce((s, v) => s + v, 0) / storedValues.length,
    residuals: logResiduals(residualRuns),
    shifts,
    shiftSource,
  };
}
