// False fails of the xsched-vs-baseline verdicts at their thresholds: simulated runs whose
// true xsched/baseline ratio sits exactly on the threshold, made by resampling the recorded
// run's requests and lp iterations (xsched scaled onto the threshold), judged by the suite's
// own judgeHpP99Improvement and judgeLpThroughputLoss; both also with a stored baseline drawn
// the same way, whose paired trials' spread the verdicts then pool (docs/statistics.md 3.2, 3.3).
// lp trials are a smoothed bootstrap of the recorded ones (noise-models.ts says why).

import type { ArmName, Thresholds } from '../../perf/lib/documents/types/scenario.ts';
import type { HpTrialSamples } from '../../perf/lib/evaluate/stats/hp-samples.ts';
import type { LpTrialSamples } from '../../perf/lib/evaluate/stats/lp-samples.ts';
import { TAIL_PERCENTILE, percentileOfSorted } from '../../perf/lib/evaluate/stats/percentile.ts';
import { pooledPercentileNs } from '../../perf/lib/evaluate/stats/intervals/percentile-ratio-interval.ts';
import { createSeededRandom, hashTextToSeed, type SeededRandom } from '../../perf/lib/evaluate/stats/random/seeded-random.ts';
import type { ArmSamples, RunStatistics } from '../../perf/lib/evaluate/stats/run-statistics.ts';
import { judgeHpP99Improvement } from '../../perf/lib/evaluate/verdicts/hp-p99-improvement.ts';
import { judgeLpThroughputLoss } from '../../perf/lib/evaluate/verdicts/lp-throughput-loss.ts';
import { aloneSamplesOf } from './calibration.ts';
import { type BaselineTemplate, storedBaselineOf } from './lp-loss-replay.ts';
import { resampleIterationDurations, resampleTrialLatencies, trialLogRateSd } from './noise-models.ts';

export interface RecordedPair extends BaselineTemplate {
  /** Per trial, ascending, of the recorded run. */
  hp: { baseline: Float64Array[]; xsched: Float64Array[] };
  lpDurations: { baseline: Float64Array[]; xsched: Float64Array[] };
  thresholds: Thresholds;
}

const rateOf = (durationsNs: Float64Array): number => 1e9 / (durationsNs.reduce((s, d) => s + d, 0) / durationsNs.length);
// Geometric: the verdict centres on the mean log ratio of trials, and a simulated trial is one
// recorded trial (chosen at random) resampled, so this places the true ratio on the threshold. An
// arithmetic mean left a bias of the trials' spread (Jensen), enough to move the false-fail rate
// at the threshold by several points when the simulated noise is small.
const meanRate = (trials: Float64Array[]): number => Math.exp(trials.reduce((s, t) => s + Math.log(rateOf(t)), 0) / trials.length);

function hpTrial(trial: number, latenciesNs: Float64Array, windowNs: number): HpTrialSamples {
  return { trial, windowNs, scheduled: latenciesNs.length, completed: latenciesNs.length, notCompleted: 0, malformed: 0, latenciesNs, servicesNs: latenciesNs, lastFinishNs: windowNs };
}

function lpTrial(trial: number, durationsNs: Float64Array, windowNs: number): LpTrialSamples {
  return { trial, windowNs, batch: 1, iterations: durationsNs.length, iterPerSec: rateOf(durationsNs), durationsNs, coveredNs: windowNs, malformed: 0 };
}

/** The context the verdicts read, for simulated trials of the baseline and xsched arms. */
function contextOf(pair: RecordedPair, runId: string, hp: Record<'baseline' | 'xsched', HpTrialSamples[]>, lp: Record<'baseline' | 'xsched', LpTrialSamples[]>) {
  const samples: RunStatistics['samples'] = new Map([
    ...aloneSamplesOf(pair.record),
    ...(['baseline', 'xsched'] as const).map((arm): [ArmName, ArmSamples] => [arm, { arm, skipped: [], hp: hp[arm], lp: lp[arm] }]),
  ]);
  const record = { ...pair.record, runId };
  return { record, stats: { arms: [], samples }, thresholds: pair.thresholds, baseline: null };
}

export interface ThresholdFalseFails {
  improvement: number;
  /** hp-p99-improvement with a stored baseline of the same model (spread pooled). */
  improvementPooled: number;
  lpLoss: number;
  /** lp-throughput-loss with a stored baseline of the same model (spread pooled). */
  lpLossPooled: number;
  runs: number;
}

export function thresholdFalseFails(pair: RecordedPair, trials: number, runs: number, seedText: string): ThresholdFalseFails {
  const random: SeededRandom = createSeededRandom(hashTextToSeed(seedText));
  const windowNs = pair.record.scenario.durationMs * 1e6;
  const ratioNow = pooledPercentileNs(pair.hp.xsched.map((latenciesNs, trial) => ({ trial, latenciesNs })), TAIL_PERCENTILE) /
    pooledPercentileNs(pair.hp.baseline.map((latenciesNs, trial) => ({ trial, latenciesNs })), TAIL_PERCENTILE);
  const hpScale = (1 - pair.thresholds.hpP99ImprovementMinFraction) / ratioNow;
  const lpRatioNow = meanRate(pair.lpDurations.xsched) / meanRate(pair.lpDurations.baseline);
  const lpScale = lpRatioNow / (1 - pair.thresholds.lpThroughputLossMaxFraction);
  const jitter = { baseline: trialLogRateSd(pair.lpDurations.baseline), xsched: trialLogRateSd(pair.lpDurations.xsched) };
  const lpDraw = (arm: 'baseline' | 'xsched', scale: number): Float64Array => resampleIterationDurations(random, pair.lpDurations[arm], scale, jitter[arm]);
  let improvementFails = 0;
  let improvementPooledFails = 0;
  let lpFails = 0;
  let lpPooledFails = 0;
  for (let r = 0; r < runs; r++) {
    const indices = Array.from({ length: trials }, (_, t) => t);
    const hp = {
      baseline: indices.map((t) => hpTrial(t, resampleTrialLatencies(random, pair.hp.baseline, 1), windowNs)),
      xsched: indices.map((t) => hpTrial(t, resampleTrialLatencies(random, pair.hp.xsched, hpScale), windowNs)),
    };
    const lp = {
      baseline: indices.map((t) => lpTrial(t, lpDraw('baseline', 1), windowNs)),
      xsched: indices.map((t) => lpTrial(t, lpDraw('xsched', lpScale), windowNs)),
    };
    const context = contextOf(pair, `${seedText}-${r}`, hp, lp);
    if (judgeHpP99Improvement(context).status === 'fail') improvementFails++;
    if (judgeLpThroughputLoss(context).status === 'fail') lpFails++;
    const storedRate = (arm: 'baseline' | 'xsched', scale: number) => indices.map(() => rateOf(lpDraw(arm, scale)));
    const storedP99 = (arm: 'baseline' | 'xsched', scale: number) => indices.map(() => percentileOfSorted(resampleTrialLatencies(random, pair.hp[arm], scale), TAIL_PERCENTILE) / 1e6);
    const stored = storedBaselineOf(
      pair.baseline,
      { runId: `${seedText}-${r}-stored`, baseline: storedRate('baseline', 1), xsched: storedRate('xsched', lpScale) },
      { baseline: storedP99('baseline', 1), xsched: storedP99('xsched', hpScale) },
    );
    if (judgeLpThroughputLoss({ ...context, baseline: stored }).status === 'fail') lpPooledFails++;
    if (judgeHpP99Improvement({ ...context, baseline: stored }).status === 'fail') improvementPooledFails++;
  }
  return { improvement: improvementFails / runs, improvementPooled: improvementPooledFails / runs, lpLoss: lpFails / runs, lpLossPooled: lpPooledFails / runs, runs };
}
