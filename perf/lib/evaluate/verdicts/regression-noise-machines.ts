// Between-run noise when a baseline's runs sit on a few machines, several on one
// (docs/statistics.md 3.4). Runs of one machine share its level: eleven runs on four H200s
// are four draws of "another machine", not eleven. Counting them as eleven made the quick
// baseline of 2026-11-30 expect a spread of 0.024, and a fresh H200 failed 3 of 9 unchanged
// runs (docs/gpu-results.md section 18). Two levels, estimated by the method of moments:
//   log run mean = level + machine effect (sigma_m) + run effect (sigma_r) + trial noise (s_w / sqrt(n)).
// With M machines, k_i runs on machine i (K in all), h_i = mean 1/n over its runs:
//   W   = pooled variance of run means around their machine's mean,  E[W]   = sigma_r^2 + s_w^2 h_W
//   V_m = variance of the M machine means,                          E[V_m] = sigma_m^2 + mean_i((sigma_r^2 + s_w^2 h_i) / k_i)
// The stored level is the mean of the K run means, so for a run on a machine the baseline has
// not seen (the cautious case: it may have)
//   Var(d) = a sigma_m^2 + b sigma_r^2 + s_w^2 (1/n + h/K),  a = 1 + sum k_i^2 / K^2,  b = 1 + 1/K.
// With one run per machine this is the run-level estimate of regression-noise.ts, which is
// then used instead.

import { meanOf, sumOfSquares } from '../stats/sample-moments.ts';

/** Fewer machines than this: their spread has too few degrees of freedom to stand for the next one. */
export const MIN_MACHINES = 3;

/**
 * Do runs on these machines (one entry per run) call for the two-level estimate: every run names
 * one, MIN_MACHINES or more machines, and some machine holds two or more runs?
 */
export function clustersOnMachines(machineOfRun: ReadonlyArray<string | undefined>): boolean {
  if (machineOfRun.some((m) => m === undefined || m === '')) return false;
  const machines = new Set(machineOfRun).size;
  return machines >= MIN_MACHINES && machines < machineOfRun.length;
}

export interface MachineSpread {
  /** M, the distinct machines of the stored runs. */
  machines: number;
  /** V_m, the sample variance of the machine means (M - 1 degrees of freedom). */
  machineMeanVariance: number;
  /** W, the pooled variance of run means around their machine's mean, and its degrees of freedom. */
  withinMachineRunVariance: number;
  withinMachineDf: number;
  /** a = 1 + sum k_i^2 / K^2: how much the machine effect weighs in Var(d). */
  machineWeight: number;
  /** mean over machines of 1 / k_i, and of h_i / k_i. */
  meanInverseRuns: number;
  meanInverseRunsTrials: number;
  /** h_W: mean of 1 / n over the runs of machines with 2 or more runs. */
  repeatedInverseTrials: number;
}

/**
 * The machine-level spread of the stored runs, or null when it adds nothing to the run-level
 * estimate: a run that names no machine, fewer than MIN_MACHINES machines, or one run per machine.
 */
export function machineSpread(storedLogsByRun: number[][], machineOfRun: ReadonlyArray<string | undefined>): MachineSpread | null {
  if (machineOfRun.length !== storedLogsByRun.length || !clustersOnMachines(machineOfRun)) return null;
  const byMachine = new Map<string, number[]>();
  storedLogsByRun.forEach((_, run) => byMachine.set(machineOfRun[run]!, [...(byMachine.get(machineOfRun[run]!) ?? []), run]));
  const groups = [...byMachine.values()];
  const k = storedLogsByRun.length;
  const runMeans = storedLogsByRun.map(meanOf);
  const inverseTrials = storedLogsByRun.map((r) => 1 / r.length);
  const machineMeans = groups.map((runs) => meanOf(runs.map((r) => runMeans[r]!)));
  const repeated = groups.filter((runs) => runs.length >= 2);
  const withinMachineDf = repeated.reduce((s, runs) => s + runs.length - 1, 0);
  const withinSs = groups.reduce((s, runs, i) => s + runs.reduce((t, r) => t + (runMeans[r]! - machineMeans[i]!) ** 2, 0), 0);
  return {
    machines: groups.length,
    machineMeanVariance: sumOfSquares(machineMeans) / (groups.length - 1),
    withinMachineRunVariance: withinSs / withinMachineDf,
    withinMachineDf,
    machineWeight: 1 + groups.reduce((s, runs) => s + runs.length ** 2, 0) / k ** 2,
    meanInverseRuns: meanOf(groups.map((runs) => 1 / runs.length)),
    meanInverseRunsTrials: meanOf(groups.map((runs) => meanOf(runs.map((r) => inverseTrials[r]!)) / runs.length)),
    repeatedInverseTrials: meanOf(repeated.flatMap((runs) => runs.map((r) => inverseTrials[r]!))),
  };
}

export interface MachineLevelError {
  /** Var(d) and its Satterthwaite degrees of freedom. */
  variance: number;
  df: number;
  /** sigma_m and sigma_r, each clamped at 0. */
  machineLogSd: number;
  runLogSd: number;
}

/**
 * Var(d) for nCurrent trials in this run. Each component is clamped at 0 before it is used, so
 * the result never falls below its value with no between-run noise. The degrees of freedom
 * (Satterthwaite, over the mean squares V_m, W and s_w^2 behind the components not clamped) are
 * those of a run with as many trials as the stored runs: for other trial counts Var(d) becomes
 * a difference of mean squares, whose Satterthwaite value collapses (1.5 instead of 7 for the
 * committed quick baseline at unlimited trials), so that more trials would widen the boundary.
 * What is uncertain is the stored side's spread, which this run's trial count does not change.
 */
export function machineLevelError(spread: MachineSpread, sw2: number, withinDf: number, storedRuns: number, storedInverseTrials: number, nCurrent: number): MachineLevelError {
  const s = spread;
  const a = s.machineWeight;
  const b = 1 + 1 / storedRuns;
  const sr2 = Math.max(0, s.withinMachineRunVariance - sw2 * s.repeatedInverseTrials);
  const sm2 = Math.max(0, s.machineMeanVariance - s.meanInverseRuns * sr2 - s.meanInverseRunsTrials * sw2);
  const trialTerm = sw2 * (1 / nCurrent + storedInverseTrials / storedRuns);
  const variance = a * sm2 + b * sr2 + trialTerm;
  // Var(d) at the stored runs' trial count, as a sum of coefficient x mean square over the unclamped components.
  // sm2 = V_m - m1 sr2 - m2 s_w^2 and sr2 = W - h_W s_w^2 where not clamped (a clamped one is 0).
  const coefV = sm2 > 0 ? a : 0;
  const coefW = sr2 > 0 ? b - coefV * s.meanInverseRuns : 0;
  const coefS = storedInverseTrials + storedInverseTrials / storedRuns - coefV * s.meanInverseRunsTrials - coefW * s.repeatedInverseTrials;
  const pieces = [
    [coefV * s.machineMeanVariance, s.machines - 1],
    [coefW * s.withinMachineRunVariance, s.withinMachineDf],
    [coefS * sw2, withinDf],
  ] as const;
  const atStoredTrials = pieces.reduce((sum, [value]) => sum + value, 0);
  const spreadOfEstimate = pieces.reduce((sum, [value, df]) => (value !== 0 && df > 0 ? sum + value ** 2 / df : sum), 0);
  const df = spreadOfEstimate > 0 ? atStoredTrials ** 2 / spreadOfEstimate : Number.POSITIVE_INFINITY;
  return { variance, df, machineLogSd: Math.sqrt(sm2), runLogSd: Math.sqrt(sr2) };
}
