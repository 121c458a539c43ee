// npm run perf:update-baselines [-- [--append] <vitest arguments>]
//   Runs the perf specs (`npx vitest run perf`) with PERF_UPDATE_BASELINES=1: each valid
//   run writes its baseline and prints old vs new (maybeUpdateBaseline); with --append,
//   PERF_UPDATE_BASELINES=append: each valid run is added to its stored baseline.
// npm run perf:update-baselines -- --from <run dir> [<run dir> ...]
//   Writes baselines from saved runs, re-evaluated by this checkout, each run in turn; no GPU needed.
// npm run perf:update-baselines -- --from <run dir> <run dir> [...] --combine
//   Writes ONE baseline of all the given runs (perf/lib/store/baselines/from-runs.ts), so the
//   regression verdict sees between-run noise; they must share key, workload, worker and XSched
//   settings (docs/baselines.md, "A baseline of several runs").
// npm run perf:update-baselines -- --from <run dir> [...] --append
//   Adds the runs to the stored baseline of their key (one run or several), so a baseline grows
//   by a run or two per session without keeping every run directory
//   (perf/lib/store/baselines/append-runs.ts); they are held to the stored baseline's key,
//   workload, worker and XSched settings. A run that failed a regression verdict against it is
//   refused unless --accept-regressed says it is unchanged (each such run is named in the output).
// No mode ever writes a baseline from an invalid run, one with fewer trials than the scenario's
// minTrials, or one missing an arm x trial (perf/lib/store/baselines/baseline-refusals.ts); with
// --combine or --append one such run refuses them all.
// Exit codes of --from: 0 written, 1 refused (or, with --combine or --append, runs that differ or,
// with --append, no stored baseline to add to), 3 a run or
// the stored baseline could not be read, or the arguments are wrong.

import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { formatBaselineChange } from '../perf/lib/store/baselines/format-change.ts';
import { RunsNotCombinableError, type RunToCombine } from '../perf/lib/store/baselines/from-runs.ts';
import { failedRegressions } from '../perf/lib/store/baselines/append-runs.ts';
import { appendToStoredBaseline, BaselineRefusedError, updateBaseline, updateBaselineFromRuns } from '../perf/lib/store/baselines/update-baseline.ts';
import { findBaselineRefusals } from '../perf/lib/store/baselines/baseline-refusals.ts';
import { loadSettings } from '../perf/lib/plan/config/load-settings.ts';
import { replayRun } from '../perf/lib/suite/replay-run.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const USAGE = [
  'usage: npm run perf:update-baselines [-- <vitest arguments>]      run the perf specs and write baselines of valid runs',
  '       npm run perf:update-baselines -- --append [<vitest args>]  run the perf specs and add each valid run to its stored baseline',
  '       npm run perf:update-baselines -- --from <run dir> [...]    write baselines from saved runs (no GPU), each in turn',
  '       npm run perf:update-baselines -- --from <run dir> <run dir> [...] --combine',
  '                                                                  write ONE baseline of all the runs (2 or more, same key,',
  '                                                                  workload, worker and XSched settings; docs/baselines.md)',
  '       npm run perf:update-baselines -- --from <run dir> [...] --append [--accept-regressed]',
  '                                                                  add the runs to the stored baseline of their key',
  '                                                                  (--accept-regressed: also runs that failed a regression',
  '                                                                  verdict against it, known to be unchanged)',
].join('\n');

async function runSpecs(vitestArgs: string[], mode: 'replace' | 'append'): Promise<number> {
  const result = await execa('npx', ['vitest', 'run', 'perf', ...vitestArgs], {
    // A missing baseline is what this run is about to create, so it must not fail the run.
    env: { PERF_UPDATE_BASELINES: mode === 'append' ? 'append' : '1', PERF_REQUIRE_BASELINE: '0' },
    stdio: 'inherit',
    reject: false,
  });
  return result.exitCode ?? 1;
}

/** 0 when every run was written, 1 when any was refused (invalid or incomplete), 3 when any could not be read. */
async function writeFromSavedRuns(runDirs: string[], io: ScriptIo): Promise<number> {
  const settings = loadSettings(io.env, io.cwd);
  for (const warning of settings.warnings) io.err(`warning: ${warning}`);
  let exitCode = 0;
  for (const runDir of runDirs) {
    try {
      const { record, evaluation } = await replayRun(runDir, settings.baselinesDir);
      const refusals = findBaselineRefusals(record, evaluation);
      if (refusals.length > 0) {
        io.out(`NOT written: ${record.runId} (${record.scenario.name}) is not a baseline:\n${refusals.map((r) => `  - ${r}`).join('\n')}`);
        exitCode = Math.max(exitCode, 1);
        continue;
      }
      io.out(formatBaselineChange(await updateBaseline(settings.baselinesDir, record, evaluation)));
    } catch (error) {
      io.err(`could not write a baseline from ${runDir}: ${(error as Error).message}`);
      exitCode = 3;
    }
  }
  return exitCode;
}

/**
 * --combine: one baseline of all `runDirs`; --append: the stored baseline with `runDirs` added.
 * 0 written, 1 refused, runs that differ or (append) nothing stored, 3 a run or the stored baseline unreadable.
 */
async function writeCombined(runDirs: string[], mode: 'combine' | 'append', io: ScriptIo, acceptRegressed = false): Promise<number> {
  const settings = loadSettings(io.env, io.cwd);
  for (const warning of settings.warnings) io.err(`warning: ${warning}`);
  const items: RunToCombine[] = [];
  for (const runDir of runDirs) {
    try {
      const { record, evaluation } = await replayRun(runDir, settings.baselinesDir);
      items.push({ record, evaluation });
    } catch (error) {
      io.err(`could not read ${runDir}, so no baseline is written from the ${runDirs.length} runs: ${(error as Error).message}`);
      return 3;
    }
  }
  try {
    const change = mode === 'combine' ? await updateBaselineFromRuns(settings.baselinesDir, items) : await appendToStoredBaseline(settings.baselinesDir, items, new Date(), 'refuse', { acceptRegressed });
    io.out(formatBaselineChange(change));
    const accepted = acceptRegressed ? items.flatMap((item) => failedRegressions(item).map((m) => `  - run ${item.record.runId}: ${m}`)) : [];
    if (accepted.length > 0) io.out(`note: added although they failed a regression verdict against the stored baseline (--accept-regressed):\n${accepted.join('\n')}`);
    return 0;
  } catch (error) {
    if (error instanceof BaselineRefusedError || error instanceof RunsNotCombinableError) {
      io.out(`NOT written: ${error.message}`);
      return 1;
    }
    io.err(`could not write a baseline from ${runDirs.join(' ')}: ${(error as Error).message}`);
    return 3;
  }
}

export async function main(args: string[], io: ScriptIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const combine = args.includes('--combine');
  const append = args.includes('--append');
  const acceptRegressed = args.includes('--accept-regressed');
  const rest = args.filter((arg) => arg !== '--combine' && arg !== '--append' && arg !== '--accept-regressed');
  const fromIndex = rest.indexOf('--from');
  if (combine && append) throw new Error('--combine and --append exclude each other: --combine writes a new baseline of the given runs, --append adds them to the stored one; give one');
  if (acceptRegressed && !(append && fromIndex !== -1)) {
    throw new Error('--accept-regressed works only with --from <run dir> [...] --append: it adds saved runs known to be unchanged, never runs of a live update');
  }
  if (fromIndex === -1) {
    if (combine) throw new Error('--combine works only with --from: npm run perf:update-baselines -- --from <run dir> <run dir> ... --combine');
    return runSpecs(rest, append ? 'append' : 'replace');
  }
  const { positionals } = parseArgs({ args: rest.slice(fromIndex + 1), allowPositionals: true, strict: true });
  if (fromIndex !== 0 || positionals.length === 0) throw new Error('--from takes one or more run directories (and --combine or --append) and nothing else');
  if (append) return writeCombined(positionals, 'append', io, acceptRegressed);
  if (!combine) return writeFromSavedRuns(positionals, io);
  if (positionals.length < 2) {
    throw new Error(`--combine writes one baseline of several runs and was given ${positionals.length} run directory (${positionals[0]}): give 2 or more run directories, or leave out --combine to write a baseline from this run alone`);
  }
  return writeCombined(positionals, 'combine', io);
}

export const script: Script = { name: 'perf:update-baselines', main, errorExitCode: 3, usage: USAGE };

runWhenInvoked(import.meta.url, script);
