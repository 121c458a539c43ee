// Runs a planned scenario on the GPU, or replays a saved run, and finishes it.

import { writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createArmSetupProvider } from '../run/arms/provider.ts';
import { startEnvironmentSampler } from '../run/environment/sampler.ts';
import { runScenario, ScenarioAbortedError } from '../run/orchestrate/index.ts';
import { createProgressPrinter, isInteractiveTerminal } from '../output/report/index.ts';
import { createRunDirectory, saveRunRecord } from '../store/results/index.ts';
import { finishRun, type FinishedRun } from './finish-run.ts';
import { replayIntoResults } from './replay-into-results.ts';
import type { ScenarioPlan } from './scenario-plan.ts';
import { readSuiteVersion } from '../run/orchestrate/host-info.ts';
import type { RunRecord } from '../documents/types/run-record.ts';
import { listenForStops } from './stop-triggers.ts';

type RunnablePlan = Extract<ScenarioPlan, { action: 'run' | 'replay' }>;

export async function executePlan(plan: RunnablePlan, invocationId: string): Promise<FinishedRun> {
  if (plan.action === 'replay') return replayIntoResults(plan.runPath, plan.settings, invocationId);
  const { settings, scenario } = plan;
  const { runId, dir } = await createRunDirectory(settings.resultsDir, scenario.name);
  const printer = createProgressPrinter(process.stderr, { isTTY: isInteractiveTerminal(process.stderr, process.env), columns: process.stderr.columns ?? 100 });
  const abort = new AbortController();
  const stops = listenForStops(abort);
  let checkpoints = 0;
  // Saved after each arm-trial as `aborted`: if nothing saves it again (the suite was
  // killed), that is the truth. The final save below says `complete` or why it stopped.
  const onCheckpoint = async (partial: RunRecord): Promise<void> => {
    const reason = 'the suite ended before the run did, without saving it again (killed?)';
    await saveRunRecord(dir, { ...partial, status: { state: 'aborted', reason, at: new Date().toISOString() } });
    checkpoints += 1;
  };
  const notes = settings.injectDelayUs > 0 ? [`PERF_INJECT_DELAY_US=${settings.injectDelayUs}: a known delay was injected into every hp request of the arms that share the GPU (sensitivity test, not a real measurement)`] : [];
  try {
    const record = await runScenario({
      scenario,
      workerPath: plan.workerPath,
      runDir: dir,
      runId,
      provider: createArmSetupProvider({ platform: plan.platform }),
      onProgress: (event) => printer.onEvent(event),
      signal: abort.signal,
      injectDelayUs: settings.injectDelayUs,
      environmentSampler: (options) => startEnvironmentSampler(settings.environmentSampleMs === null ? options : { ...options, intervalMs: settings.environmentSampleMs }),
      readyTimeoutMs: settings.readyTimeoutMs,
      startLeadMs: settings.startLeadMs,
      notes: [`GPU: ${plan.gpuSummary}`, ...notes],
      onCheckpoint,
    });
    await saveRunRecord(dir, record);
    return await finishRun({ record, outDir: dir, settings, invocationId, suiteVersion: readSuiteVersion() });
  } catch (error) {
    if (error instanceof ScenarioAbortedError) {
      // An aborted run keeps what it measured, for the post-mortem; it is never evaluated as a pass.
      const path = await saveRunRecord(dir, error.record);
      const status = error.record.status;
      sayOneLine(`xsched-perf: ${scenario.name} aborted (${status?.state === 'aborted' ? status.reason : 'stopped'}); what was measured is in ${path}`);
    } else if (checkpoints === 0) {
      // Failed before the first arm-trial was recorded (bad XSCHED_ROOT, say): no empty run folder.
      await rm(dir, { recursive: true, force: true });
    }
    throw error;
  } finally {
    printer.close();
    stops.dispose();
    // The Vitest main process is gone: nobody is left to report to; the exit handlers
    // (perf/lib/process/exit-cleanup.ts) stop anything left.
    if (stops.parentGone) process.exit(130);
  }
}

/** stderr may be a pipe to a parent that is gone: a failed write must not hide the save. */
function sayOneLine(line: string): void {
  try {
    writeSync(2, `${line}\n`);
  } catch {
    // Nobody is reading.
  }
}
