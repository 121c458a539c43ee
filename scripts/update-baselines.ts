// npm run perf:update-baselines [-- <vitest arguments>]
//   Runs the perf specs (`npx vitest run perf`) with PERF_UPDATE_BASELINES=1: each valid
//   run writes its baseline and prints old vs new (maybeUpdateBaseline).
// npm run perf:update-baselines -- --from <run dir> [<run dir> ...]
//   Writes baselines from saved runs, re-evaluated by this checkout; no GPU needed.
// Neither mode ever writes a baseline from an invalid run, one with fewer trials than the
// scenario's minTrials, or one missing an arm x trial (perf/lib/store/baselines/baseline-refusals.ts).

import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { formatBaselineChange } from '../perf/lib/store/baselines/format-change.ts';
import { updateBaseline } from '../perf/lib/store/baselines/update-baseline.ts';
import { findBaselineRefusals } from '../perf/lib/store/baselines/baseline-refusals.ts';
import { loadSettings } from '../perf/lib/plan/config/load-settings.ts';
import { replayRun } from '../perf/lib/suite/replay-run.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const USAGE = [
  'usage: npm run perf:update-baselines [-- <vitest arguments>]      run the perf specs and write baselines of valid runs',
  '       npm run perf:update-baselines -- --from <run dir> [...]    write baselines from saved runs (no GPU)',
].join('\n');

async function runSpecs(vitestArgs: string[]): Promise<number> {
  const result = await execa('npx', ['vitest', 'run', 'perf', ...vitestArgs], {
    // A missing baseline is what this run is about to create, so it must not fail the run.
    env: { PERF_UPDATE_BASELINES: '1', PERF_REQUIRE_BASELINE: '0' },
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

export async function main(args: string[], io: ScriptIo): Promise<number> {
  const fromIndex = args.indexOf('--from');
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (fromIndex === -1) return runSpecs(args);
  const { positionals } = parseArgs({ args: args.slice(fromIndex + 1), allowPositionals: true, strict: true });
  if (fromIndex !== 0 || positionals.length === 0) throw new Error('--from takes one or more run directories and nothing else');
  return writeFromSavedRuns(positionals, io);
}

export const script: Script = { name: 'perf:update-baselines', main, errorExitCode: 3, usage: USAGE };

runWhenInvoked(import.meta.url, script);
