// The merged report of one invocation: every run results/latest.json lists (live runs and
// replays alike) in results/summary.md, report.html and report.json, for the job summary.
// Written by perf/global-setup.ts after `vitest run perf` and by scripts/replay.ts.

import { loadReportRuns, writeReports, type SummaryRun } from '../output/report/index.ts';
import { readLatestRuns } from '../store/results/index.ts';

export interface InvocationReports {
  runs: SummaryRun[];
  markdownPath: string;
  htmlPath: string;
}

/** null when results/latest.json is missing or lists no readable run. */
export async function writeInvocationReports(resultsDir: string): Promise<InvocationReports | null> {
  const runDirs = await readLatestRuns(resultsDir).catch(() => []);
  if (runDirs.length === 0) return null;
  const loaded = await loadReportRuns(runDirs);
  if (loaded.runs.length === 0) return null;
  const written = await writeReports(resultsDir, {
    runs: loaded.runs,
    generatedAt: loaded.generatedAt,
    suiteVersion: loaded.suiteVersion,
    title: `xsched-perf: ${loaded.runs.map((r) => r.record.scenario.name).join(', ')}`,
  });
  return { runs: loaded.runs, markdownPath: written.markdownPath, htmlPath: written.htmlPath };
}
