// npm run perf:replay -- [<run dir or run.json> ...]
// Re-evaluates saved runs (no GPU needed) against the stored baselines and prints
// the verdicts. Without arguments: PERF_REPLAY, else the runs in results/latest.json.
// Exit status: 0 pass or inconclusive, 1 fail, 2 invalid (the worst run decides),
// 3 when a run could not be replayed at all.

import { parseArgs } from 'node:util';
import { missingBaselineMessage } from '../perf/lib/store/baselines/missing-baseline.ts';
import { loadSettings } from '../perf/lib/plan/config/load-settings.ts';
import { renderTerminalSummary } from '../perf/lib/output/report/index.ts';
import { readLatestRuns } from '../perf/lib/store/results/latest-runs.ts';
import { replayRun, type ReplayedRun } from '../perf/lib/suite/replay-run.ts';
import type { Settings } from '../perf/lib/plan/config/settings.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const EXIT_BY_STATUS = { pass: 0, inconclusive: 0, fail: 1, invalid: 2 } as const;
const EXIT_ERROR = 3;
const USAGE = 'usage: npm run perf:replay -- [<run dir or run.json> ...]   (default: PERF_REPLAY, else results/latest.json)';

async function chooseRuns(positionals: string[], settings: Settings): Promise<string[]> {
  if (positionals.length > 0) return positionals;
  if (settings.replayPath) return [settings.replayPath];
  return readLatestRuns(settings.resultsDir);
}

/** Prints one replayed run; returns its exit status. */
function reportRun(run: ReplayedRun, settings: Settings, io: ScriptIo): number {
  const { record, evaluation, baselineKey, baseline, savedEvaluation } = run;
  // Rendering belongs to perf/lib/output/report; this script only adds what is replay-specific.
  io.out(renderTerminalSummary([{ record, evaluation }], { color: io.color }));
  let exitCode: number = EXIT_BY_STATUS[evaluation.status];
  if (baselineKey && !baseline) {
    io.out(missingBaselineMessage(baselineKey, settings.baselinesDir));
    if (settings.requireBaseline) {
      io.out('PERF_REQUIRE_BASELINE is set: a missing baseline fails.');
      exitCode = Math.max(exitCode, EXIT_BY_STATUS.fail);
    }
  }
  // The summary above already lists the reasons; this line is for grep and for logs.
  io.out(`${record.runId} (${record.scenario.name}): ${evaluation.status.toUpperCase()}`);
  if (savedEvaluation && savedEvaluation.status !== evaluation.status) {
    io.out(`  note: the evaluation saved with the run said ${savedEvaluation.status}; this checkout's evaluation says ${evaluation.status}`);
  }
  return exitCode;
}

export async function main(argv: string[], io: ScriptIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const settings = loadSettings(io.env, io.cwd);
  for (const warning of settings.warnings) io.err(`warning: ${warning}`);
  let worst = 0;
  for (const path of await chooseRuns(positionals, settings)) {
    try {
      worst = Math.max(worst, reportRun(await replayRun(path, settings.baselinesDir), settings, io));
    } catch (error) {
      io.err(`could not replay ${path}: ${(error as Error).message}`);
      worst = EXIT_ERROR;
    }
  }
  return worst;
}

export const script: Script = { name: 'perf:replay', main, errorExitCode: EXIT_ERROR, usage: USAGE };

runWhenInvoked(import.meta.url, script);
