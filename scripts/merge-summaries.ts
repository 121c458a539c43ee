// Merges the results directories of several shards (or runs) into one
// summary.md + report.html + report.json.
//   npm run perf:merge-summaries -- --out merged/ results-shard-1/ results-shard-2/
// Exit codes: 0 merged, 1 no run found, 2 bad command line.

import { parseArgs } from 'node:util';
import { loadReportRuns } from '../perf/lib/output/report/load-report-runs.ts';
import { writeReports } from '../perf/lib/output/report/write-reports.ts';

const USAGE = 'usage: merge-summaries --out <dir> <results-dir> [<results-dir> ...]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`merge-summaries: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = parsed.values.out;
  if (!out || parsed.positionals.length === 0) {
    process.stderr.write(`merge-summaries: need --out and at least one results directory (got out=${JSON.stringify(out)}, ${parsed.positionals.length} directories)\n${USAGE}\n`);
    return 2;
  }
  const loaded = await loadReportRuns(parsed.positionals);
  for (const warning of loaded.warnings) process.stderr.write(`merge-summaries: warning: ${warning}\n`);
  if (loaded.runs.length === 0) {
    process.stderr.write(`merge-summaries: no complete run (RunRecord + evaluation) under ${parsed.positionals.join(', ')}\n`);
    return 1;
  }
  const written = await writeReports(out, {
    runs: loaded.runs,
    generatedAt: loaded.generatedAt,
    suiteVersion: loaded.suiteVersion,
    title: `xsched-perf results (${loaded.runs.length} runs from ${parsed.positionals.length} directories)`,
  });
  process.stdout.write(`merged ${loaded.runs.length} run(s):\n  ${written.markdownPath}\n  ${written.htmlPath}\n  ${written.jsonPath}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`merge-summaries: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`);
    process.exitCode = 1;
  },
);
