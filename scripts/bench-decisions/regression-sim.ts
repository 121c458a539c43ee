// Simulated runs against a committed baseline, judged by the suite's own regression verdict
// (judgeRegressionSet, perf/lib/evaluate/verdicts/baseline-regression.ts). A baseline of one
// run (shiftSimulator): the stored values stay as committed; the new run's level is the stored
// level plus a recorded run-to-run shift plus an injected change; its trials carry recorded trial
// noise. A baseline of several runs: several-runs-sim.ts, through the same judging and rates.

import type { BaselineFile } from '../../perf/lib/documents/types/baseline.ts';
import type { Thresholds } from '../../perf/lib/documents/types/scenario.ts';
import { createSeededRandom, hashTextToSeed, type SeededRandom } from '../../perf/lib/evaluate/stats/random/seeded-random.ts';
import { judgeRegressionSet } from '../../perf/lib/evaluate/verdicts/baseline-regression.ts';
import { betweenRunNoise } from '../../perf/lib/evaluate/verdicts/between-run-noise.ts';
import { drawTrialValues, pick } from './noise-models.ts';
import type { JudgedArm, Metric, MetricNoise } from './scenario-noise.ts';

export interface RegressionSimInput {
  stored: BaselineFile;
  trials: number;
  thresholds: Thresholds;
  confidence: number;
  noise: Map<string, MetricNoise>;
}

export interface Injection {
  arm: JudgedArm;
  metric: Metric;
  /** Multiplies the metric's true level: 1.2 = hp P99 +20%, 0.9 = lp -10%. */
  factor: number;
}

export const noiseKey = (arm: JudgedArm, metric: Metric): string => `${arm}.${metric}`;

/** The injected factor for this arm and metric: 1 unless it is the injected one. */
export const factorFor = (injection: Injection | null, arm: JudgedArm, metric: Metric): number =>
  injection && injection.arm === arm && injection.metric === metric ? injection.factor : 1;

/** One simulated run: the status of every regression verdict, keyed arm.metric, and where the new run came from. */
export interface SimulatedRun {
  statuses: Map<string, string>;
  /** The recorded machine of the new run (several-runs-sim.ts); null where it is not a recorded run or names none. */
  newRunMachine: string | null;
}

/** How one simulated run is drawn and judged. */
export interface RunSimulator {
  keys: string[];
  simulate(random: SeededRandom, injection: Injection | null): SimulatedRun;
}

/** One arm and metric of a simulated run: its per-trial values, the stored ones and (several runs) their run. */
export interface SimulatedValues {
  key: string;
  current: number[];
  stored: number[];
  storedRuns?: number[];
}

const LABELS = { 'hp-p99': { name: 'hp-p99', label: 'hp P99', unit: 'ms' }, 'lp-throughput': { name: 'lp-throughput', label: 'lp throughput', unit: 'iter/s' } } as const;

/** Judges simulated values as the suite would against `baseline` (its between-run noise from betweenRunNoise). */
export function judgeSimulatedRun(baseline: BaselineFile, thresholds: Thresholds, confidence: number, values: SimulatedValues[]): Map<string, string> {
  const inputs = values.map((v) => {
    const [arm, metric] = v.key.split('.') as [JudgedArm, Metric];
    return {
      arm,
      metric: LABELS[metric],
      rule: 'simulated',
      tolerance: metric === 'hp-p99' ? thresholds.regressionP99Tolerance : thresholds.regressionLpTolerance,
      current: v.current,
      stored: v.stored,
      ...(v.storedRuns !== undefined ? { storedRuns: v.storedRuns } : {}),
      betweenRun: betweenRunNoise(baseline, arm, metric === 'hp-p99' ? 'hpP99' : 'lpIterPerSec'),
    };
  });
  const verdicts = judgeRegressionSet(inputs, confidence);
  return new Map(values.map((v, i) => [v.key, verdicts[i]!.status]));
}

function currentValues(input: RegressionSimInput, random: SeededRandom, noise: MetricNoise, factor: number): number[] {
  const shift = Math.exp(pick(random, noise.shifts));
  return drawTrialValues(random, noise.levelLog + Math.log(shift * factor), noise.residuals, input.trials);
}

/** One simulated run against a baseline of one run: the status of every regression verdict, keyed arm.metric. */
export function simulateRegressionRun(input: RegressionSimInput, random: SeededRandom, injection: Injection | null): Map<string, string> {
  const values = [...input.noise.entries()].map(([key, noise]) => {
    const [arm, metric] = key.split('.') as [JudgedArm, Metric];
    return { key, current: currentValues(input, random, noise, factorFor(injection, arm, metric)), stored: noise.storedValues };
  });
  return judgeSimulatedRun(input.stored, input.thresholds, input.confidence, values);
}

/** Run-to-run shifts and resampled trial residuals around the committed values (a baseline of one run). */
export const shiftSimulator = (input: RegressionSimInput): RunSimulator => ({
  keys: [...input.noise.keys()],
  simulate: (random, injection) => ({ statuses: simulateRegressionRun(input, random, injection), newRunMachine: null }),
});

export interface RegressionRates {
  /** Share of runs in which every regression verdict passed. */
  allPass: number;
  /** Per verdict: share of runs in which it failed. */
  failRate: Map<string, number>;
  /** The same per machine of the new run, where the simulator names it (counts, not shares: aa-by-machine.ts). */
  byMachine: Map<string, MachineCounts>;
}

/** Counts, not shares: draws with the new run on this machine, how many passed every verdict, how many failed each. */
export interface MachineCounts {
  draws: number;
  allPassCount: number;
  failCounts: Map<string, number>;
}

export function regressionRates(simulator: RunSimulator, injection: Injection | null, runs: number, seedText: string): RegressionRates {
  const random = createSeededRandom(hashTextToSeed(seedText));
  const noCounts = (): MachineCounts => ({ draws: 0, allPassCount: 0, failCounts: new Map(simulator.keys.map((k) => [k, 0])) });
  const count = (counts: MachineCounts, statuses: Map<string, string>): void => {
    counts.draws++;
    if ([...statuses.values()].every((s) => s === 'pass')) counts.allPassCount++;
    for (const [key, status] of statuses) if (status === 'fail') counts.failCounts.set(key, counts.failCounts.get(key)! + 1);
  };
  const all = noCounts();
  const byMachine = new Map<string, MachineCounts>();
  for (let r = 0; r < runs; r++) {
    const { statuses, newRunMachine } = simulator.simulate(random, injection);
    count(all, statuses);
    if (newRunMachine === null) continue;
    if (!byMachine.has(newRunMachine)) byMachine.set(newRunMachine, noCounts());
    count(byMachine.get(newRunMachine)!, statuses);
  }
  return { allPass: all.allPassCount / runs, failRate: new Map([...all.failCounts].map(([k, n]) => [k, n / runs])), byMachine };
}
