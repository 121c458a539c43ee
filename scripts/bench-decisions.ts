// npm run bench:decisions [-- --runs N --threshold-runs N --seed TEXT --baselines DIR --recorded FILE
//                           --scenario NAME --trials N --stored-runs K]
// Measures how the suite's decisions behave on recorded real H200 data (docs/statistics.md 6):
// the A/A pass rate and the fail rate at injected hp P99 / lp changes of the regression
// verdicts against every committed baseline, at each scenario's default trial count, and the
// false-fail rate of the hp-p99-improvement and lp-throughput-loss verdicts at their
// thresholds. Simulated by resampling; not part of npm test. A baseline of one run keeps its
// committed values and the new run is drawn from recorded shifts and trial residuals
// (regression-sim.ts); a baseline of several runs (BaselineFile.runs) is simulated by a
// bootstrap of whole recorded runs, without parametric noise (several-runs-sim.ts). Where the
// recorded runs name their machines, each target's rate is also printed with an interval over
// those machines (machine-interval.ts): how far the next machine could move it.
//   --runs N            simulated runs per regression cell (default 1000)
//   --threshold-runs N  simulated runs for the threshold verdicts (default 400)
//   --seed TEXT         seed of every PRNG stream (default bench-decisions-1)
//   --baselines DIR     read the baselines from DIR/<scenario>/*.json instead of baselines/
//   --recorded FILE     read the recorded runs from FILE instead of scripts/bench-decisions/recorded-runs.json
//                       (e.g. a subset, to see how much one group of runs moves a rate)
//   --scenario NAME     only the committed baselines of this scenario
//   --trials N          judge N trials a run instead of the scenario's default: baselines of
//                       several runs cut every recorded run, new and stored, to its first N and
//                       leave out runs with fewer, so that one set of runs compares trial counts
//                       (docs/decisions-log.md, "The lever of more judged trials, measured"); a baseline
//                       whose fitting runs are too few, or all of one machine, gets no row
//                       (or only its own-machine rows) and a note saying why
//   --stored-runs K     at most K stored runs per simulated baseline of several runs
// Exit codes: 0 printed the tables, 2 bad command line or unreadable inputs.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BaselineFile } from '../perf/lib/documents/types/baseline.ts';
import { computeRunStatistics } from '../perf/lib/evaluate/stats/run-statistics.ts';
import { getCatalogueEntry } from '../perf/lib/plan/scenarios/catalogue.ts';
import { evaluateRun } from '../perf/lib/evaluate/evaluate-run.ts';
import { baselineFromRun } from '../perf/lib/store/baselines/from-run.ts';
import { parseBaselineFile } from '../perf/lib/store/baselines/parse-baseline.ts';
import { loadRunRecord } from '../perf/lib/store/results/load-run.ts';
import { type ScenarioRow, TARGETS, formatLpLossReplay, formatRegressionTable, pct } from './bench-decisions/format-table.ts';
import { type RegressionRates, type RegressionSimInput, type RunSimulator, noiseKey, regressionRates, shiftSimulator } from './bench-decisions/regression-sim.ts';
import { type JudgedArm, type Metric, type RecordedRunsFile, configOfBaseline, metricNoise, readRecordedRuns } from './bench-decisions/scenario-noise.ts';
import { replayLpLoss } from './bench-decisions/lp-loss-replay.ts';
import { ownMachineRows } from './bench-decisions/own-machine-rows.ts';
import { formatAaByMachine } from './bench-decisions/aa-by-machine.ts';
import { formatMachineInterval, machineInterval } from './bench-decisions/machine-interval.ts';
import { acrossMachinesSimulable, runsOnMachine, severalRunsModel, severalRunsRow } from './bench-decisions/several-runs-sim.ts';
import { thresholdFalseFails } from './bench-decisions/threshold-sim.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const USAGE =
  'usage: npm run bench:decisions [-- --runs N (default 1000) --threshold-runs N (default 400) --seed TEXT (default bench-decisions-1) --baselines DIR (default baselines/) --recorded FILE (default scripts/bench-decisions/recorded-runs.json) --scenario NAME (default all) --trials N (default each scenario\'s) --stored-runs K (default the baseline\'s)]';

const root = resolve(import.meta.dirname, '..');
const positiveInt = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a positive integer, received ${JSON.stringify(text)}`);
  return n;
};
const ARMS: JudgedArm[] = ['baseline', 'xsched'];
const HP_FACTORS = [1.1, 1.2, 1.3];
const LP_FACTORS = [0.95, 0.9, 0.8];

/** A baseline of one run: recorded shifts and trial residuals around its committed values. */
function shiftRow(stored: BaselineFile, trials: number, thresholds: RegressionSimInput['thresholds'], confidence: number, recorded: RecordedRunsFile) {
  const noise = new Map<string, NonNullable<ReturnType<typeof metricNoise>>>();
  for (const arm of ARMS) {
    for (const metric of ['hp-p99', 'lp-throughput'] as Metric[]) {
      const m = metricNoise(stored, arm, metric, recorded);
      if (m !== null) noise.set(noiseKey(arm, metric), m);
    }
  }
  const storedTrials = [...noise.values()].map((n) => n.storedValues.length);
  return {
    simulator: shiftSimulator({ stored, trials, thresholds, confidence, noise }),
    trials: `${trials} / ${Math.min(...storedTrials)}-${Math.max(...storedTrials)}`,
    sources: [...new Set([...noise.entries()].map(([k, n]) => `${k}: ${n.shiftSource}`))].join('; '),
  };
}

/** The rates at the targets' changes (+20% hp P99, -10% lp), kept whole for their per-machine counts (machine-interval.ts). */
interface TargetRates {
  key: string;
  change: string;
  rates: RegressionRates;
}

/** The A/A and injected rates of one simulator, as a table row, its A/A rates (per machine: aa-by-machine.ts) and its rates at the targets' changes. */
function scenarioRow(label: string, sim: { simulator: RunSimulator; trials: string; sources: string }, runs: number, seed: string): { row: ScenarioRow; aa: RegressionRates; atTargets: TargetRates[] } {
  const keys = new Set(sim.simulator.keys);
  const aa = regressionRates(sim.simulator, null, runs, `${seed}/${label}/aa`);
  const atTargets: TargetRates[] = [];
  const armRows = ARMS.filter((arm) => keys.has(noiseKey(arm, 'hp-p99')) || keys.has(noiseKey(arm, 'lp-throughput'))).map((arm) => {
    const failAt = (metric: Metric, factor: number): number | null => {
      const key = noiseKey(arm, metric);
      if (!keys.has(key)) return null;
      const rates = regressionRates(sim.simulator, { arm, metric, factor }, runs, `${seed}/${label}/${arm}/${metric}/${factor}`);
      if (factor === HP_FACTORS[1] || factor === LP_FACTORS[1]) atTargets.push({ key, change: metric === 'hp-p99' ? '+20%' : '-10%', rates });
      return rates.failRate.get(key)!;
    };
    return {
      arm,
      aaFalseFail: { hp: aa.failRate.get(noiseKey(arm, 'hp-p99')) ?? null, lp: aa.failRate.get(noiseKey(arm, 'lp-throughput')) ?? null },
      hpFails: HP_FACTORS.map((f) => failAt('hp-p99', f)),
      lpFails: LP_FACTORS.map((f) => failAt('lp-throughput', f)),
    };
  });
  return { row: { scenario: label, trials: sim.trials, aaAllPass: aa.allPass, arms: armRows, shiftSources: sim.sources }, aa, atTargets };
}

const MACHINE_INTERVAL_CONFIDENCE = 0.9;

/** One line per target for a row whose draws name machines (several-runs-sim.ts); none otherwise. */
function formatRatesOverMachines(label: string, aa: RegressionRates, atTargets: TargetRates[]): string[] {
  const aaInterval = machineInterval(aa.byMachine, (c) => c.allPassCount / c.draws, MACHINE_INTERVAL_CONFIDENCE);
  if (aaInterval === null) return [];
  const lines = [`- ${label}, A/A every verdict passes: ${formatMachineInterval(aaInterval, TARGETS.aaPass)}`];
  for (const { key, change, rates } of atTargets) {
    const interval = machineInterval(rates.byMachine, (c) => c.failCounts.get(key)! / c.draws, MACHINE_INTERVAL_CONFIDENCE);
    if (interval !== null) lines.push(`- ${label}, ${key} fails at ${change}: ${formatMachineInterval(interval, TARGETS.detect)}`);
  }
  return lines;
}

async function main(argv: string[], io: ScriptIo): Promise<number> {
  const { values: args } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '1000' }, 'threshold-runs': { type: 'string', default: '400' }, seed: { type: 'string', default: 'bench-decisions-1' }, baselines: { type: 'string' }, recorded: { type: 'string' }, scenario: { type: 'string' }, trials: { type: 'string' }, 'stored-runs': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const runs = positiveInt('runs', args.runs!);
  const thresholdRuns = positiveInt('threshold-runs', args['threshold-runs']!);
  const seed = args.seed!;
  const trialsOverride = args.trials === undefined ? undefined : positiveInt('trials', args.trials);
  const maxStoredRuns = args['stored-runs'] === undefined ? undefined : positiveInt('stored-runs', args['stored-runs']);
  if (args.scenario !== undefined) getCatalogueEntry(args.scenario); // throws, naming the catalogue, on a typo

  const recordedPath = args.recorded === undefined ? join(root, 'scripts/bench-decisions/recorded-runs.json') : resolve(io.cwd, args.recorded);
  const recorded = readRecordedRuns(recordedPath);
  const example = await loadRunRecord(join(root, 'examples/h200-intensive-mps'));
  const exampleSamples = computeRunStatistics(example).samples;
  const rawHpOf = (arm: JudgedArm): Float64Array[] => exampleSamples.get(arm)!.hp.map((t) => t.latenciesNs);

  const baselinesDir = args.baselines === undefined ? join(root, 'baselines') : resolve(io.cwd, args.baselines);
  const baselineFiles = readdirSync(baselinesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(baselinesDir, d.name)).filter((f) => f.endsWith('.json')).map((f) => join(baselinesDir, d.name, f)))
    .sort();

  const rows: ScenarioRow[] = [];
  /** Baselines of several runs: how each was simulated (R, K), and notes where K shrank or runs were lacking. */
  const severalRuns: string[] = [];
  const severalRunsNotes: string[] = [];
  /** A runner judged against its own earlier runs (own-machine-rows.ts). */
  const ownRows: ScenarioRow[] = [];
  const ownSummaries: string[] = [];
  /** Across machines: which machines the A/A false fails came from. */
  const aaByMachine: string[] = [];
  /** Across machines: each target's rate with its interval over the machines drawn. */
  const overMachines: string[] = [];
  const began = performance.now();

  for (const file of baselineFiles) {
    const stored: BaselineFile = parseBaselineFile(file, JSON.parse(readFileSync(file, 'utf8')));
    if (args.scenario !== undefined && stored.key.scenario !== args.scenario) continue;
    const entry = getCatalogueEntry(stored.key.scenario);
    const trials = trialsOverride ?? entry.trials;
    const thresholds = { ...entry.thresholds.bySharing[stored.key.sharing], ...stored.thresholds };
    const label = `${stored.key.scenario} (${stored.key.sharing})`;
    const model = severalRunsModel({ stored, trials, thresholds, confidence: entry.confidence, cutStored: trialsOverride !== undefined, maxStoredRuns }, recorded);
    const fitting = `recorded runs of ${configOfBaseline(stored)} (worker ${stored.workerVersion})${trialsOverride === undefined ? '' : ` with ${trialsOverride} or more trials`}`;
    let sim: { simulator: RunSimulator; trials: string; sources: string } | null = null;
    if (model !== null && acrossMachinesSimulable(model)) {
      const row = severalRunsRow(model, label);
      severalRuns.push(row.summary);
      if (row.note !== null) severalRunsNotes.push(row.note);
      sim = row;
    } else if (model !== null) {
      severalRunsNotes.push(`Note: ${label}: no row across machines: the ${model.runIds.length} ${fitting} are all of one machine, so no run of another machine can be its baseline (the own-machine rows below still judge them).`);
    } else if (stored.runs !== undefined && trialsOverride !== undefined) {
      // The shifts below would judge the cut new run against the whole uncut file: another experiment than --trials asks for.
      severalRunsNotes.push(`Note: ${label}: not simulated: fewer than 2 ${fitting} have every judged metric.`);
    } else {
      if (stored.runs !== undefined) {
        severalRunsNotes.push(`Note: ${label} is a baseline of ${stored.runs.length} runs, but fewer than 2 ${fitting} have every judged metric: simulated as a baseline of one run (shifts).`);
      }
      sim = shiftRow(stored, trials, thresholds, entry.confidence, recorded);
    }
    if (sim !== null) {
      const { row, aa, atTargets } = scenarioRow(label, sim, runs, seed);
      rows.push(row);
      if (model !== null) aaByMachine.push(...formatAaByMachine(label, aa, (m) => runsOnMachine(model, m)));
      overMachines.push(...formatRatesOverMachines(label, aa, atTargets));
    }
    if (model !== null) {
      for (const own of ownMachineRows(model, label)) {
        const { row, aa, atTargets } = scenarioRow(own.label, { ...own, sources: 'none: the other recorded runs of the new run\'s machine' }, runs, seed);
        ownRows.push(row);
        overMachines.push(...formatRatesOverMachines(own.label, aa, atTargets));
        ownSummaries.push(own.summary);
      }
    }
  }

  const exampleEntry = getCatalogueEntry(example.scenario.name);
  const thresholdPair = {
    record: example,
    baseline: baselineFromRun(example, evaluateRun(example, null)),
    hp: { baseline: rawHpOf('baseline'), xsched: rawHpOf('xsched') },
    lpDurations: { baseline: exampleSamples.get('baseline')!.lp.map((t) => t.durationsNs), xsched: exampleSamples.get('xsched')!.lp.map((t) => t.durationsNs) },
    thresholds: example.scenario.thresholds,
  };
  const falseFails = thresholdFalseFails(thresholdPair, exampleEntry.trials, thresholdRuns, `${seed}/thresholds`);

  io.out(`bench:decisions  seed ${JSON.stringify(seed)}  ${runs} simulated runs per cell (regression), ${thresholdRuns} (thresholds)  ${new Date().toISOString().slice(0, 10)}`);
  io.out(`Simulated from recorded H200 runs: ${args.baselines === undefined ? 'committed baselines/' : `the baselines in ${args.baselines}`}, examples/h200-intensive-mps (raw latencies, for the threshold verdicts), ${args.recorded === undefined ? 'scripts/bench-decisions/recorded-runs.json' : `the recorded runs in ${args.recorded}`}.\n`);
  io.out(rows.length > 0 ? formatRegressionTable(rows) : '(no baseline could be simulated: the notes below say why)');
  if (severalRuns.length > 0) {
    io.out(`Baselines of several runs, simulated by resampling real recorded runs (a bootstrap of whole runs: no parametric noise, no shifts; R recorded runs, K drawn without replacement from the R - 1 other than the new run's): ${severalRuns.join('; ')}.`);
  }
  for (const note of severalRunsNotes) io.out(note);
  if (aaByMachine.length > 0) io.out(`\n${aaByMachine.join('\n')}`);
  if (overMachines.length > 0) {
    io.out(`\nThe targets' rates as a mean over the recorded machines, with a ${pct(MACHINE_INTERVAL_CONFIDENCE)} t interval over those machines (how far machines not yet recorded could move it; more simulated runs do not narrow it, runs of more machines do):`);
    io.out(overMachines.join('\n'));
  }
  if (ownRows.length > 0) {
    io.out('\nA self-hosted runner judged against a baseline of its own runs (docs/self-hosted-runner.md): each recorded run of a machine with 4 or more, against the other runs of that machine:');
    io.out(formatRegressionTable(ownRows));
    for (const summary of ownSummaries) io.out(`- ${summary}`);
  }
  io.out('\nRun-to-run shifts drawn from:');
  for (const row of rows) io.out(`- ${row.scenario}: ${row.shiftSources}`);
  io.out(`\nxsched-vs-baseline verdicts at their thresholds (${example.scenario.name}, ${exampleEntry.trials} trials, resampled from ${example.runId}; target <= ${pct(TARGETS.thresholdFalseFail)}):`);
  io.out(`| verdict | threshold | false fails | target met |\n|---|---|---|---|`);
  io.out(`| hp-p99-improvement | improvement ${pct(thresholdPair.thresholds.hpP99ImprovementMinFraction)} | ${pct(falseFails.improvement)} | ${falseFails.improvement <= TARGETS.thresholdFalseFail ? 'yes' : 'NO'} |`);
  io.out(`| hp-p99-improvement, with a stored baseline (spread pooled) | improvement ${pct(thresholdPair.thresholds.hpP99ImprovementMinFraction)} | ${pct(falseFails.improvementPooled)} | ${falseFails.improvementPooled <= TARGETS.thresholdFalseFail ? 'yes' : 'NO'} |`);
  io.out(`| lp-throughput-loss | loss ${pct(thresholdPair.thresholds.lpThroughputLossMaxFraction)} | ${pct(falseFails.lpLoss)} | ${falseFails.lpLoss <= TARGETS.thresholdFalseFail ? 'yes' : 'NO'} |`);
  io.out(`| lp-throughput-loss, with a stored baseline (spread pooled) | loss ${pct(thresholdPair.thresholds.lpThroughputLossMaxFraction)} | ${pct(falseFails.lpLossPooled)} | ${falseFails.lpLossPooled <= TARGETS.thresholdFalseFail ? 'yes' : 'NO'} |`);
  io.out('\nlp-throughput-loss on the recorded runs (A/A on real data, recorded-runs.json): each run alone, against every other run of its configuration as the stored baseline, and against all the others as one baseline of several runs:');
  io.out(formatLpLossReplay(replayLpLoss(recorded, thresholdPair)));
  io.out(`\n(${((performance.now() - began) / 1000).toFixed(0)} s)`);
  return 0;
}

export const script: Script = { name: 'bench:decisions', main, errorExitCode: 2, usage: USAGE };

runWhenInvoked(import.meta.url, script);
