// Once per `vitest run perf`: an invocation id that each scenario's run registers
// under results/latest.json, and at the end one merged report of all of them
// (results/summary.md, report.html, report.json) for the job summary. Unknown PERF_*
// variables are reported here, once per invocation (in strict mode each spec fails on them
// instead, through planScenario's loadSettings).

import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { loadSettings, type Settings } from './lib/plan/config/index.ts';
import { renderTerminalSummary, shouldUseColor } from './lib/output/report/index.ts';
import { writeInvocationReports } from './lib/suite/invocation-reports.ts';

export default function setup(project: TestProject) {
  const invocationId = `${new Date().toISOString()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  project.provide('invocationId', invocationId);
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch {
    // A settings error fails every spec with the whole list (scenario-plan.ts); no need to say it
    // twice, and no report to merge.
    return undefined;
  }
  for (const warning of settings.warnings) process.stderr.write(`xsched-perf: warning: ${warning}\n`);
  return async function teardown() {
    const merged = await writeInvocationReports(settings.resultsDir);
    if (merged === null) return;
    process.stdout.write(`\n${renderTerminalSummary(merged.runs, { color: shouldUseColor(process.stdout, process.env) })}\n`);
    process.stdout.write(`xsched-perf: summary ${merged.markdownPath}, report ${merged.htmlPath}\n`);
  };
}
