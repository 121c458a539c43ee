// Between-run log-SD of one configuration's metric, from several recorded runs of it:
// one-way random-effects method of moments on log values,
//   sigma_b^2 = max(0, var(run mean logs) - s_w^2 * mean(1 / n_run)),
// s_w^2 the within-run variance of log values pooled over the runs.

export interface RecordedGroup {
  config: string;
  arm: string;
  metric: string;
  runs: Record<string, number[]>;
  /** The worker version the runs were recorded with (several-runs-sim.ts takes only the baseline's). */
  workerVersion?: string;
  /** Runs known only as a ratio of their mean against a listed run, with their trial count. */
  otherDayRatios?: Array<{ against: string; ratio: number; trials: number }>;
}

export interface BetweenRunEstimate {
  runs: number;
  withinLogSd: number;
  betweenLogSd: number;
}

const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Mean log of each run of the group, the runs known only by a ratio included, with their trial counts. */
export function groupRunMeans(group: RecordedGroup): Array<{ meanLog: number; trials: number }> {
  const runs = Object.values(group.runs).map((values) => ({ meanLog: mean(values.map(Math.log)), trials: values.length }));
  for (const other of group.otherDayRatios ?? []) {
    const against = group.runs[other.against];
    if (against === undefined) throw new RangeError(`otherDayRatios names run ${JSON.stringify(other.against)}, not among ${Object.keys(group.runs).join(', ')}`);
    runs.push({ meanLog: mean(against.map(Math.log)) + Math.log(other.ratio), trials: other.trials });
  }
  return runs;
}

export function estimateBetweenRunLogSd(group: RecordedGroup): BetweenRunEstimate {
  const logRuns = Object.values(group.runs).map((values) => values.map(Math.log));
  let squares = 0;
  let df = 0;
  for (const logs of logRuns) {
    const m = mean(logs);
    squares += logs.reduce((s, v) => s + (v - m) ** 2, 0);
    df += logs.length - 1;
  }
  const withinVariance = df > 0 ? squares / df : 0;
  const runMeans = groupRunMeans(group);
  const means = runMeans.map((r) => r.meanLog);
  const sizes = runMeans.map((r) => r.trials);
  if (means.length < 2) return { runs: means.length, withinLogSd: Math.sqrt(withinVariance), betweenLogSd: Number.NaN };
  const grand = mean(means);
  const varianceOfMeans = means.reduce((s, m) => s + (m - grand) ** 2, 0) / (means.length - 1);
  const between = Math.max(0, varianceOfMeans - withinVariance * mean(sizes.map((n) => 1 / n)));
  return { runs: means.length, withinLogSd: Math.sqrt(withinVariance), betweenLogSd: Math.sqrt(between) };
}
