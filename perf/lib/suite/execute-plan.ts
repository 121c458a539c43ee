// Runs a planned scenario on the GPU, or replays a saved run, and finishes it.

import { mkdir } from 'node:fs/promises';
import { createArmSetupProvider } from '../run/arms/provider.ts';
import { startEnvironmentSampler } from '../run/environment/sampler.ts';
import { runScenario, ScenarioAbortedError } from '../run/orchestrate/index.ts';
import { createProgressPrinter } from '../output/report/index.ts';
import { createRunDirectory, loadRunRecord, saveRunRecord } from '../store/results/index.ts';
import { finishRun, replayOutDir, type FinishedRun } from './finish-run.ts';
import type { ScenarioPlan } from './scenario-plan.ts';
import { readSuiteVersion } from '../run/orchestrate/host-info.ts';

type RunnablePlan = Extract<ScenarioPlan, { action: 'run' | 'replay' }>;

export async function executePlan(plan: RunnablePlan, invocationId: string): Promise<FinishedRun> {
  if (plan.action === 'replay') {
    const record = await loadRunRecord(plan.runPath);
    const outDir = replayOutDir(plan.settings.resultsDir, record.runId);
    await mkdir(outDir, { recursive: true });
    return finishRun({ record, outDir, settings: plan.settings, invocationId, suiteVersion: readSuiteVersion() });
  }
  const { settings, scenario } = plan;
  const { runId, dir } = await createRunDirectory(settings.resultsDir, scenario.name);
  const printer = createProgressPrinter(process.stderr, { isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns ?? 100 });
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => abort.abort(new Error(`received ${signal}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const notes = settings.injectDelayUs > 0 ? [`PERF_INJECT_DELAY_US=${settings.injectDelayUs}: a known delay was injected into every hp request (sensitivity test, not a real measurement)`] : [];
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
      environmentSampler: startEnvironmentSampler,
      notes: [`GPU: ${plan.gpuSummary}`, ...notes],
    });
    await saveRunRecord(dir, record);
    return await finishRun({ record, outDir: dir, settings, invocationId, suiteVersion: readSuiteVersion() });
  } catch (error) {
    // An aborted run keeps what it measured, for the post-mortem; it is never evaluated as a pass.
    if (error instanceof ScenarioAbortedError) await saveRunRecord(dir, error.record);
    throw error;
  } finally {
    printer.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
