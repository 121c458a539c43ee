// Once per `vitest run perf`: an invocation id that each scenario's run registers
// under results/latest.json, and at the end one merged report of all of them
// (results/summary.md, report.html, report.json) for the job summary. Unknown PERF_*
// variables are reported here, once per invocation (in strict mode each spec fails on them
// instead, through planScenario's loadSettings).

import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { loadSettings } from './lib/plan/config/index.ts';
import { loadReportRuns, renderTerminalSummary, shouldUseColor, writeReports } from './lib/output/report/index.ts';
import { readLatestRuns } from './lib/store/results/index.ts';

export default function setup(project: TestProject) {
  const invocationId = `${new Date().toISOString()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  project.provide('invocationId', invocationId);
  try {
    for (const warning of loadSettings().warnings) process.stderr.write(`xsched-perf: warning: ${warning}\n`);
  } catch {
    // A settings error fails every spec with the whole list (scenario-plan.ts); no need to say it twice.
  }
  return async function teardown() {
    let settings;
    try {
      settings = loadSettings();
    } catch {
      return; // the specs already failed with the settings error
    }
    const runDirs = await readLatestRuns(settings.resultsDir).catch(() => []);
    if (runDirs.length === 0) return;
    const loaded = await loadReportRuns(runDirs);
    if (loaded.runs.length === 0) return;
    const written = await writeReports(settings.resultsDir, {
      runs: loaded.runs,
      generatedAt: loaded.generatedAt,
      suiteVersion: loaded.suiteVersion,
      title: `xsched-perf: ${loaded.runs.map((r) => r.record.scenario.name).join(', ')}`,
    });
    process.stdout.write(`\n${renderTerminalSummary(loaded.runs, { color: shouldUseColor(process.stdout, process.env) })}\n`);
    process.stdout.write(`xsched-perf: summary ${written.markdownPath}, report ${written.htmlPath}\n`);
  };
}
