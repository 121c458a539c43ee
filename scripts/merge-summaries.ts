// Merges the results directories of several shards (or runs) into one
// summary.md + report.html + report.json.
//   npm run perf:merge-summaries -- --out merged/ results-shard-1/ results-shard-2/
// Exit codes: 0 merged, 1 no run found, 2 bad command line.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadReportRuns } from '../perf/lib/output/report/load-report-runs.ts';
import { writeReports } from '../perf/lib/output/report/write-reports.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const USAGE = 'usage: merge-summaries --out <dir> <results-dir> [<results-dir> ...]';

export async function main(argv: string[], io: ScriptIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    io.err(`merge-summaries: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const out = parsed.values.out;
  if (!out || parsed.positionals.length === 0) {
    io.err(`merge-summaries: need --out and at least one results directory (got out=${JSON.stringify(out)}, ${parsed.positionals.length} directories)\n${USAGE}`);
    return 2;
  }
  const dirs = parsed.positionals.map((dir) => resolve(io.cwd, dir));
  const loaded = await loadReportRuns(dirs);
  for (const warning of loaded.warnings) io.err(`merge-summaries: warning: ${warning}`);
  if (loaded.runs.length === 0) {
    io.err(`merge-summaries: no complete run (RunRecord + evaluation) under ${parsed.positionals.join(', ')}`);
    return 1;
  }
  const written = await writeReports(resolve(io.cwd, out), {
    runs: loaded.runs,
    generatedAt: loaded.generatedAt,
    suiteVersion: loaded.suiteVersion,
    title: `xsched-perf results (${loaded.runs.length} runs from ${parsed.positionals.length} directories)`,
  });
  io.out(`merged ${loaded.runs.length} run(s):\n  ${written.markdownPath}\n  ${written.htmlPath}\n  ${written.jsonPath}`);
  return 0;
}

export const script: Script = { name: 'merge-summaries', main, errorExitCode: 1 };

runWhenInvoked(import.meta.url, script);
