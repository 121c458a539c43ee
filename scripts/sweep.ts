// npm run perf:sweep   (docs/sweeps.md)
// Runs a trade-off sweep of one scenario on this host's GPU: hp-alone, baseline and one arm per
// point of the PERF_SWEEP_* grid, interleaved per trial, each arm-trial saved as it ends, so the
// same command with the same PERF_SWEEP_DIR resumes a stopped sweep. Prints the GPU-time estimate
// first, then writes sweep-evaluation.json, report.html (frontier plot) and summary.md.
// Exit status: 0 pass, 1 fail, 3 error, 4 untested, 5 inconclusive (as perf:replay).

import { join } from 'node:path';
import { createProgressPrinter, isInteractiveTerminal } from '../perf/lib/output/report/index.ts';
import { ALL_ARMS } from '../perf/lib/plan/scenarios/arms.ts';
import { expandGrid, estimateGpuTime, FIXED_UNITS } from '../perf/lib/plan/sweeps/expand.ts';
import { readSweepGrid } from '../perf/lib/plan/sweeps/grid.ts';
import { readSweepSettings } from '../perf/lib/plan/sweeps/sweep-settings.ts';
import type { SweepStatus } from '../perf/lib/evaluate/sweeps/sweep-status.ts';
import { planScenario } from '../perf/lib/suite/scenario-plan.ts';
import { listenForStops } from '../perf/lib/suite/stop-triggers.ts';
import { addFrontierRegression, comparedSweep, loadPreviousSweep } from '../perf/lib/suite/sweep/compare-sweep.ts';
import { liveUnitTrialRunner } from '../perf/lib/suite/sweep/live-unit-trial.ts';
import { runSweep } from '../perf/lib/suite/sweep/run-sweep.ts';
import { writeSweepOutputs } from '../perf/lib/suite/sweep/write-sweep-outputs.ts';
import { runWhenInvoked, type Script } from './script-main.ts';

const EXIT_BY_STATUS: Record<SweepStatus, number> = { pass: 0, fail: 1, untested: 4, inconclusive: 5 };
const USAGE = 'usage: PERF_SCENARIOS=<one scenario> PERF_SWEEP_XSCHED_LP_THRESHOLD=1,2,4 [PERF_SWEEP_MPS_LP_PERCENT=70,80 ...] npm run perf:sweep (docs/sweeps.md)';

export const sweepScript: Script = {
  name: 'perf:sweep',
  errorExitCode: 3,
  usage: USAGE,
  async main(_argv, io) {
    const names = (io.env.PERF_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (names.length !== 1) throw new Error(`PERF_SCENARIOS=${JSON.stringify(io.env.PERF_SCENARIOS ?? '')} must name exactly one scenario to sweep`);
    const plan = await planScenario(names[0]!, io.env, io.cwd);
    if (plan.action !== 'run') throw new Error(`cannot sweep ${names[0]}: ${plan.action === 'replay' ? 'PERF_REPLAY is set' : plan.reason}`);
    const { scenario, settings } = plan;
    const points = expandGrid(readSweepGrid(io.env, scenario.sharing));
    const sweep = readSweepSettings(io.env);
    // Read before any GPU time, so a wrong PERF_SWEEP_COMPARE_TO fails at once.
    const previous = sweep.compareTo === null ? null : await loadPreviousSweep(sweep.compareTo, sweep.budgets);
    const estimate = estimateGpuTime(points.length + FIXED_UNITS.length, scenario.trials, scenario.durationMs, sweep.startupMs);
    io.err(`${estimate.text}${sweep.adaptive ? ' (adaptive: at most this, plus hp-alone and baseline again for the refinement)' : ''}`);
    const sweepId = `sweep-${scenario.name}-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`;
    const sweepDir = sweep.dir ?? join(settings.resultsDir, 'sweeps', sweepId);
    io.err(`sweep directory: ${sweepDir} (run the same command with PERF_SWEEP_DIR=${sweepDir} to resume)`);
    const abort = new AbortController();
    const stops = listenForStops(abort);
    const printer = createProgressPrinter(process.stderr, { isTTY: isInteractiveTerminal(process.stderr, io.env), columns: process.stderr.columns ?? 100 });
    const began = performance.now();
    try {
      const outcome = await runSweep({
        sweepDir, scenario, points, budgets: sweep.budgets, adaptive: sweep.adaptive, knownArms: ALL_ARMS, log: io.err,
        runUnitTrial: liveUnitTrialRunner({
          sweepId, scenario, settings, workerPath: plan.workerPath, platform: plan.platform, gpuSummary: plan.gpuSummary,
          baseEnv: io.env, onProgress: (event) => printer.onEvent(event), signal: abort.signal,
        }),
      });
      const elapsedMin = Math.round((performance.now() - began) / 6000) / 10;
      const notes = [`GPU: ${plan.gpuSummary}`, `${outcome.ran} arm-trial(s) run now in ${elapsedMin} min, ${outcome.kept} kept from an earlier, stopped run of this sweep`, estimate.text];
      const evaluation = previous === null ? outcome.evaluation : addFrontierRegression(outcome.evaluation, {
        now: comparedSweep(sweepDir, outcome.key, outcome.evaluation.points, outcome.units), previous, budgets: sweep.budgets, tolerance: sweep.compareTolerance,
      });
      const outputs = await writeSweepOutputs(sweepDir, `${scenario.name} sweep`, evaluation, notes, io.env);
      io.out(outputs.markdown);
      io.err(`report: ${outputs.reportPath}; evaluation: ${outputs.evaluationPath}`);
      return EXIT_BY_STATUS[evaluation.decision.status];
    } finally {
      printer.close();
      stops.dispose();
    }
  },
};

runWhenInvoked(import.meta.url, sweepScript);
