// Simulated runs against a committed baseline, judged by the suite's own regression verdict
// (judgeRegressionValues, perf/lib/evaluate/verdicts/baseline-regression.ts): the stored
// values stay as committed; the new run's level is the stored level plus a recorded
// run-to-run shift plus an injected change; its trials carry recorded trial noise.

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

const LABELS = { 'hp-p99': { name: 'hp-p99', label: 'hp P99', unit: 'ms' }, 'lp-throughput': { name: 'lp-throughput', label: 'lp throughput', unit: 'iter/s' } } as const;

function currentValues(input: RegressionSimInput, random: SeededRandom, arm: JudgedArm, metric: Metric, noise: MetricNoise, factor: number): number[] {
  const shift = Math.exp(pick(random, noise.shifts));
  return drawTrialValues(random, noise.levelLog + Math.log(shift * factor), noise.residuals, input.trials);
}

/** One simulated run: the status of every regression verdict, keyed arm.metric. */
export function simulateRegressionRun(input: RegressionSimInput, random: SeededRandom, injection: Injection | null): Map<string, string> {
  const keys = [...input.noise.keys()];
  const inputs = keys.map((key) => {
    const noise = input.noise.get(key)!;
    const [arm, metric] = key.split('.') as [JudgedArm, Metric];
    const factor = injection && injection.arm === arm && injection.metric === metric ? injection.factor : 1;
    return {
      arm,
      metric: LABELS[metric],
      rule: 'simulated',
      tolerance: metric === 'hp-p99' ? input.thresholds.regressionP99Tolerance : input.thresholds.regressionLpTolerance,
      current: currentValues(input, random, arm, metric, noise, factor),
      stored: noise.storedValues,
      betweenRun: betweenRunNoise(input.stored, arm, metric === 'hp-p99' ? 'hpP99' : 'lpIterPerSec'),
    };
  });
  const verdicts = judgeRegressionSet(inputs, input.confidence);
  return new Map(keys.map((key, i) => [key, verdicts[i]!.status]));
}

export interface RegressionRates {
  /** Share of runs in which every regression verdict passed. */
  allPass: number;
  /** Per verdict: share of runs in which it failed. */
  failRate: Map<string, number>;
}

export function regressionRates(input: RegressionSimInput, injection: Injection | null, runs: number, seedText: string): RegressionRates {
  const random = createSeededRandom(hashTextToSeed(seedText));
  let allPass = 0;
  const fails = new Map<string, number>([...input.noise.keys()].map((k) => [k, 0]));
  for (let r = 0; r < runs; r++) {
    const statuses = simulateRegressionRun(input, random, injection);
    if ([...statuses.values()].every((s) => s === 'pass')) allPass++;
    for (const [key, status] of statuses) if (status === 'fail') fails.set(key, fails.get(key)! + 1);
  }
  return { allPass: allPass / runs, failRate: new Map([...fails].map(([k, n]) => [k, n / runs])) };
}
