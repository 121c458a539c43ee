// A committed baseline of several runs (BaselineFile.runs, K runs), simulated by resampling
// REAL recorded runs of its configuration (recorded-runs.json): a bootstrap of whole runs, with
// no parametric noise, no run-to-run shifts and no resampled residuals. One simulated run:
// - the new run j, drawn from the R recorded runs present for every judged arm and metric (one
//   real run for all four, so their correlation is kept); its first `trials` trials, times the
//   injected factor on the injected arm and metric only;
// - the stored baseline: K runs drawn WITHOUT replacement from the candidates (K' = their number
//   when fewer), their per-trial values concatenated, trialRuns the drawn run's index 0..K'-1;
// - judged by judgeSimulatedRun (regression-sim.ts) against the committed file with its arms
//   replaced and its runs list cut to K' entries: the committed runs' start times stay, so the
//   span rule (baseline-runs-span.ts) sees what the committed baseline spans.
// Which runs are new and which stored (run-placement.ts): where recorded-runs.json names every
// run's machine (`machines`), the new run is drawn machine first and, by default, its baseline
// from other machines (a machine the baseline has not seen: the lent H200s differ from call to
// call, docs/gpu-results.md section 18), each stored run carrying its real machine so that the
// verdict's two-level estimate (regression-noise-machines.ts) sees the real clusters;
// ownMachineModel instead judges each run against the other runs of its own machine, a
// self-hosted runner's own baseline.

import type { BaselineArm, BaselineFile } from '../../perf/lib/documents/types/baseline.ts';
import type { Thresholds } from '../../perf/lib/documents/types/scenario.ts';
import type { SeededRandom } from '../../perf/lib/evaluate/stats/random/seeded-random.ts';
import { type Injection, type RunSimulator, type SimulatedValues, factorFor, judgeSimulatedRun, noiseKey } from './regression-sim.ts';
import { type Placement, candidatesFor, drawableRuns, drawNewRun } from './run-placement.ts';
import { type JudgedArm, type Metric, type RecordedRunsFile, configOfBaseline } from './scenario-noise.ts';

const ARMS: JudgedArm[] = ['baseline', 'xsched'];
const METRICS: Metric[] = ['hp-p99', 'lp-throughput'];
const DAY_MS = 24 * 3.6e6;
const valuesOf = (arm: BaselineArm, metric: Metric): number[] => (metric === 'hp-p99' ? arm.hpP99Ms : arm.lpIterPerSec);

export interface SeveralRunsInput {
  stored: BaselineFile;
  trials: number;
  thresholds: Thresholds;
  confidence: number;
  /**
   * bench:decisions --trials: every run, new and stored, cut to its first `trials` trials, and
   * runs with fewer left out, so that one set of runs compares trial counts (e.g. 3 against 5
   * judged trials in the same recorded runs). Unset: the new run's first `trials`, stored runs whole.
   */
  cutStored?: boolean;
  /** bench:decisions --stored-runs: at most this many stored runs per simulated baseline. */
  maxStoredRuns?: number;
}

export interface SeveralRunsModel extends SeveralRunsInput {
  /** The judged arm.metric keys: those with values in the committed baseline. */
  keys: string[];
  /** The R recorded runs usable for every key, in recorded order. */
  runIds: string[];
  /** Per key, per run id: the recorded per-trial values. */
  values: Map<string, Record<string, number[]>>;
  /** The committed baseline's run count K, and the most K' drawn per simulated baseline (min(K, R - 1)). */
  committedRuns: number;
  drawnRuns: number;
  /** The machine of every recorded run, when recorded-runs.json names them all; null otherwise. */
  machineOf: Record<string, string> | null;
  /** Which runs are new and which stored (run-placement.ts). */
  placement: Placement;
}

/**
 * The recorded runs a baseline of several runs is simulated from, or null when it has no runs
 * list or fewer than 2 recorded runs fit. Groups of its configuration and worker version (groups
 * that name none fit any); several groups of one arm and metric are merged.
 */
export function severalRunsModel(input: SeveralRunsInput, recorded: RecordedRunsFile): SeveralRunsModel | null {
  const { stored } = input;
  if (stored.runs === undefined) return null;
  const config = configOfBaseline(stored);
  const keys: string[] = [];
  const values = new Map<string, Record<string, number[]>>();
  for (const arm of ARMS) {
    for (const metric of METRICS) {
      const storedArm = stored.arms[arm];
      if (storedArm === undefined || valuesOf(storedArm, metric).length === 0) continue;
      const groups = recorded.groups.filter(
        (g) => g.config === config && g.arm === arm && g.metric === metric && (g.workerVersion === undefined || g.workerVersion === stored.workerVersion),
      );
      const runs = Object.assign({}, ...groups.map((g) => g.runs)) as Record<string, number[]>;
      keys.push(noiseKey(arm, metric));
      values.set(noiseKey(arm, metric), input.cutStored === true ? cutRuns(runs, input.trials) : runs);
    }
  }
  if (keys.length === 0) return null;
  const runIds = Object.keys(values.get(keys[0]!)!).filter((id) => keys.every((k) => (values.get(k)![id]?.length ?? 0) > 0));
  if (runIds.length < 2) return null;
  const committedRuns = stored.runs.length;
  const named = recorded.machines ?? {};
  const machineOf = runIds.every((id) => named[id] !== undefined) ? Object.fromEntries(runIds.map((id) => [id, named[id]!])) : null;
  return { ...input, keys, runIds, values, committedRuns, drawnRuns: Math.min(storedRunsLimit({ committedRuns, ...input }), runIds.length - 1), machineOf, placement: { kind: 'other-machines' } };
}

/** Every run cut to its first `trials` trials; runs with fewer are left out. */
function cutRuns(runs: Record<string, number[]>, trials: number): Record<string, number[]> {
  return Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length >= trials).map(([id, v]) => [id, v.slice(0, trials)]));
}

/**
 * The same runs, each new run judged against every other recorded run of its own machine (at
 * most the committed baseline's K): a runner's own baseline. machines: those to draw the new run
 * from (run-placement.ts machinesWithOwnBaseline). spanDays: the stored runs' start times set a
 * day apart, so that the span rule lets the verdict estimate between-run noise from them alone
 * (an assumption: recorded runs of one machine are hours apart, not days).
 */
export function ownMachineModel(model: SeveralRunsModel, machines: string[], spanDays: boolean): SeveralRunsModel {
  if (model.machineOf === null) throw new RangeError('ownMachineModel needs recorded runs that name their machines');
  return { ...model, placement: { kind: 'own-machine', machines, spanDays }, drawnRuns: storedRunsLimit(model) };
}

/** The most stored runs a simulated baseline may hold: the committed baseline's K, or --stored-runs where smaller. */
export const storedRunsLimit = (model: Pick<SeveralRunsModel, 'committedRuns' | 'maxStoredRuns'>): number => Math.min(model.committedRuns, model.maxStoredRuns ?? Infinity);

/** How many of the model's recorded runs name `machine` (0 where none name machines). */
export const runsOnMachine = (model: Pick<SeveralRunsModel, 'runIds' | 'machineOf'>, machine: string): number => model.runIds.filter((id) => model.machineOf?.[id] === machine).length;

/**
 * Whether the across-machines placement can draw a baseline for every new run: the recorded
 * runs that fit name 2 or more machines, or name none. `--trials 5` on runs of one H200
 * (docs/gpu-results.md section 25) is the case that cannot.
 */
export function acrossMachinesSimulable(model: Pick<SeveralRunsModel, 'machineOf'>): boolean {
  return model.machineOf === null || new Set(Object.values(model.machineOf)).size >= 2;
}

/** The trial counts of the model's recorded runs over every key: "3", or "3-6". */
export function trialsPerRun(model: SeveralRunsModel): string {
  const counts = model.keys.flatMap((k) => model.runIds.map((id) => model.values.get(k)![id]!.length));
  const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
  return lo === hi ? `${lo}` : `${lo}-${hi}`;
}

export interface SeveralRunsDraw {
  currentRun: string;
  /** The drawn stored runs, in trialRuns order. */
  storedRunIds: string[];
  values: SimulatedValues[];
  /** The committed file with the drawn arms, trialRuns and runs cut to the drawn count. */
  baseline: BaselineFile;
}

/** One simulated run: the new run and a stored baseline of K' other recorded runs. */
export function drawSeveralRuns(model: SeveralRunsModel, random: SeededRandom, injection: Injection | null): SeveralRunsDraw {
  const currentRun = drawNewRun(model, random);
  const others = candidatesFor(model, currentRun);
  // An empty stored baseline skips every verdict: counted, that would print as 0% A/A, a rate
  // nothing measured. Callers check acrossMachinesSimulable first.
  if (others.length === 0) throw new RangeError(`no recorded run to store against new run ${currentRun} (${model.placement.kind}): every fitting run is of its machine`);
  const drawn = Math.min(model.drawnRuns, others.length);
  // The first K' of a partial Fisher-Yates shuffle: K' runs without replacement, in random order.
  for (let i = 0; i < drawn; i++) {
    const j = i + random.nextIntBelow(others.length - i);
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const storedRunIds = others.slice(0, drawn);
  const values = model.keys.map((key) => {
    const [arm, metric] = key.split('.') as [JudgedArm, Metric];
    const runs = model.values.get(key)!;
    const factor = factorFor(injection, arm, metric);
    return {
      key,
      current: runs[currentRun]!.slice(0, model.trials).map((v) => v * factor),
      stored: storedRunIds.flatMap((id) => runs[id]!),
      storedRuns: storedRunIds.flatMap((id, index) => runs[id]!.map(() => index)),
    };
  });
  const arms = { ...model.stored.arms };
  for (const arm of ARMS) {
    const [hp, lp] = METRICS.map((metric) => values.find((v) => v.key === noiseKey(arm, metric)));
    if (hp === undefined && lp === undefined) continue;
    arms[arm] = { ...arms[arm]!, hpP99Ms: hp?.stored ?? [], lpIterPerSec: lp?.stored ?? [], trialRuns: (hp ?? lp)!.storedRuns };
  }
  const firstStart = Date.parse(model.stored.runs![0]!.startedAt);
  const spanDays = model.placement.kind === 'own-machine' && model.placement.spanDays;
  const runs = model.stored.runs!.slice(0, drawn).map((run, i) => ({
    ...run,
    ...(model.machineOf !== null ? { machine: model.machineOf[storedRunIds[i]!]! } : {}),
    ...(spanDays ? { startedAt: new Date(firstStart + i * DAY_MS).toISOString() } : {}),
  }));
  const baseline = { ...model.stored, runs, arms };
  return { currentRun, storedRunIds, values, baseline };
}

export const severalRunsSimulator = (model: SeveralRunsModel): RunSimulator => ({
  keys: model.keys,
  simulate: (random, injection) => {
    const draw = drawSeveralRuns(model, random, injection);
    return { statuses: judgeSimulatedRun(draw.baseline, model.thresholds, model.confidence, draw.values), newRunMachine: model.machineOf?.[draw.currentRun] ?? null };
  },
});

const choose = (n: number, k: number): number => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
};

/**
 * How many different (new run, stored runs) pairs the bootstrap can draw: R x C(R - 1, K). Its
 * rates are fractions of these cases, however many runs are simulated: with K = R - 1 only R.
 */
export function distinctPairings(r: number, k: number): number {
  return r * choose(r - 1, k);
}

/** The same for a model: per new run, C(its candidates, min(K, their number)). */
export function modelPairings(model: SeveralRunsModel): number {
  return drawableRuns(model).reduce((sum, id) => {
    const n = candidatesFor(model, id).length;
    return sum + choose(n, Math.min(model.drawnRuns, n));
  }, 0);
}

/** The benchmark's row for a baseline of several runs: its simulator, table cells and the printed summary and note. */
export function severalRunsRow(model: SeveralRunsModel, label: string) {
  const [r, k, listed] = [model.runIds.length, model.drawnRuns, model.committedRuns];
  const pairings = modelPairings(model);
  const machines = model.machineOf === null ? null : new Set(Object.values(model.machineOf)).size;
  const notes = [
    ...(machines !== null ? [`Note: ${label}'s ${r} recorded runs name their machines (${machines}): the new run is drawn machine first (each machine as likely), its baseline from runs on other machines, at most ${k} of them.`] : []),
    ...(k < listed && k === model.maxStoredRuns ? [`Note: ${label} lists ${listed} runs; each simulated baseline is at most ${k} of them (--stored-runs).`] : []),
    ...(k < listed && k !== model.maxStoredRuns ? [`Note: ${label} lists ${listed} runs, but only ${r} recorded runs of ${configOfBaseline(model.stored)} fit: each simulated baseline is ${machines === null ? `K' = R - 1 = ${k}` : `at most ${k}`} of them.`] : []),
    ...(model.cutStored === true ? [`Note: ${label}: every run, new and stored, cut to its first ${model.trials} trials; recorded runs with fewer left out (--trials).`] : []),
    ...(pairings < 1000 ? [`Note: ${label} has only ${pairings} distinct pairings of a new run and ${k} stored runs: its rates are fractions of those ${pairings} cases (100% says all ${pairings}, not every run that could come); more recorded runs resolve them finer.`] : []),
  ];
  return {
    simulator: severalRunsSimulator(model),
    trials: `${model.trials} / ${k} runs${k < listed ? ` (of ${listed})` : ''} x ${trialsPerRun(model)}`,
    sources: `none: whole recorded runs resampled (R = ${r}, K = ${k})`,
    summary: `${label}: R = ${r}${machines !== null ? ` on ${machines} machines` : ''}, K = ${k}${k < listed ? ` (it lists ${listed})` : ''}${machines !== null ? ' from other machines' : ''}, ${pairings} distinct pairings`,
    note: notes.length > 0 ? notes.join('\n') : null,
  };
}
