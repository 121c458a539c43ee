// npm run perf:replay -- [<run dir or run.json> ...]
// Re-evaluates saved runs (no GPU needed) against the stored baselines and prints
// the verdicts. Without arguments: PERF_REPLAY, else the runs in results/latest.json.
// Writes what the Vitest replay writes (perf/lib/suite/replay-into-results.ts): each run's
// results/replay-<runId>/ (a copy of the record, evaluation.json, reports) and, for all of
// them, results/summary.md, report.html and report.json.
// Exit status, one per outcome (the worst run decides; docs/statistics.md, "Overall status"):
// 0 pass, 1 fail, 2 invalid, 3 a run could not be replayed at all, 4 untested, 5 inconclusive.
// Worst first: 3, 2, 1, 4, 5, 0. PERF_REQUIRE_BASELINE=1 turns a missing or not comparable
// stored baseline into a fail (1).

import { parseArgs } from 'node:util';
import { loadSettings } from '../perf/lib/plan/config/load-settings.ts';
import { renderTerminalSummary } from '../perf/lib/output/report/index.ts';
import { readLatestRuns } from '../perf/lib/store/results/latest-runs.ts';
import { readSavedEvaluationOf } from '../perf/lib/suite/replay-run.ts';
import { replayIntoResults } from '../perf/lib/suite/replay-into-results.ts';
import { writeInvocationReports } from '../perf/lib/suite/invocation-reports.ts';
import type { FinishedRun } from '../perf/lib/suite/finish-run.ts';
import type { Settings } from '../perf/lib/plan/config/settings.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';
import type { OverallStatus, ScenarioEvaluation } from '../perf/lib/documents/types/evaluation.ts';

const EXIT_BY_STATUS: Record<OverallStatus, number> = { pass: 0, fail: 1, invalid: 2, untested: 4, inconclusive: 5 };
const EXIT_ERROR = 3;
/** Exit codes, worst first: the worst of several runs is the script's status. */
const EXIT_WORST_FIRST = [EXIT_ERROR, EXIT_BY_STATUS.invalid, EXIT_BY_STATUS.fail, EXIT_BY_STATUS.untested, EXIT_BY_STATUS.inconclusive, EXIT_BY_STATUS.pass];
const worseExit = (a: number, b: number): number => (EXIT_WORST_FIRST.indexOf(a) <= EXIT_WORST_FIRST.indexOf(b) ? a : b);
const USAGE = 'usage: npm run perf:replay -- [<run dir or run.json> ...]   (default: PERF_REPLAY, else results/latest.json)';

async function chooseRuns(positionals: string[], settings: Settings): Promise<string[]> {
  if (positionals.length > 0) return positionals;
  if (settings.replayPath) return [settings.replayPath];
  return readLatestRuns(settings.resultsDir);
}

type ReplayedRun = FinishedRun & { savedEvaluation: ScenarioEvaluation | null; savedEvaluationProblem: string | null };

/** Prints one replayed run; returns its exit status. */
function reportRun(run: ReplayedRun, settings: Settings, io: ScriptIo): number {
  const { record, evaluation, baseline, baselineProblem, savedEvaluation } = run;
  // Rendering belongs to perf/lib/output/report; this script only adds what is replay-specific.
  // The baseline goes along so the headline names the one judged against, as report.html does.
  io.out(renderTerminalSummary([{ record, evaluation, baseline }], { color: io.color }));
  let exitCode = EXIT_BY_STATUS[evaluation.status];
  if (baselineProblem !== null) {
    io.out(baselineProblem);
    if (settings.requireBaseline) {
      io.out('PERF_REQUIRE_BASELINE is set: a missing or not comparable baseline fails.');
      exitCode = worseExit(exitCode, EXIT_BY_STATUS.fail);
    }
  }
  // The summary above already lists the reasons; this line is for grep and for logs.
  io.out(`${record.runId} (${record.scenario.name}): ${evaluation.status.toUpperCase()}: ${evaluation.statusReason}`);
  if (run.savedEvaluationProblem !== null) io.out(`  note: the evaluation saved with the run was not read: ${run.savedEvaluationProblem}`);
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
  const invocationId = `replay-${new Date().toISOString()}-${process.pid}`;
  for (const path of await chooseRuns(positionals, settings)) {
    try {
      // Read before the replay, which may write over it when replaying results/replay-<runId>/ itself.
      const { saved, problem } = await readSavedEvaluationOf(path);
      const finished = await replayIntoResults(path, settings, invocationId, io.out);
      worst = worseExit(worst, reportRun({ ...finished, savedEvaluation: saved, savedEvaluationProblem: problem }, settings, io));
    } catch (error) {
      io.err(`could not replay ${path}: ${(error as Error).message}`);
      worst = EXIT_ERROR;
    }
  }
  const merged = await writeInvocationReports(settings.resultsDir);
  if (merged !== null) io.out(`summary ${merged.markdownPath}, report ${merged.htmlPath}`);
  return worst;
}

export const script: Script = { name: 'perf:replay', main, errorExitCode: EXIT_ERROR, usage: USAGE };

runWhenInvoked(import.meta.url, script);
