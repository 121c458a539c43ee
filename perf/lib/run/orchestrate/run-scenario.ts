// Runs one scenario: every arm of every trial, interleaved (trial 0: all arms, then
// trial 1: all arms, ...), so slow drift of the machine spreads over all arms alike.
// A failing arm is recorded and the next one runs; an abort stops everything and
// throws ScenarioAbortedError carrying the partial record.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressEvent, ScenarioSession } from '../../documents/types/arm-setup.ts';
import { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, type RunRecord } from '../../documents/types/run-record.ts';
import { errorMessage, type ArmTrialContext } from './arm-context.ts';
import { describeHost, generateRunId, readSuiteVersion } from './host-info.ts';
import { runArmTrial } from './run-arm-trial.ts';
import { resolveRunOptions, type ResolvedRunOptions, type RunScenarioOptions } from './run-options.ts';
import { ScenarioAbortedError } from './scenario-aborted-error.ts';

export async function runScenario(input: RunScenarioOptions): Promise<RunRecord> {
  const options = resolveRunOptions(input);
  const { scenario, signal } = options;
  const record: RunRecord = {
    schema: RUN_RECORD_SCHEMA,
    schemaVersion: RUN_RECORD_SCHEMA_VERSION,
    runId: options.runId ?? generateRunId(scenario.name),
    createdAt: new Date().toISOString(),
    suiteVersion: readSuiteVersion(),
    scenario,
    host: describeHost(),
    workerPath: options.workerPath,
    trials: [],
    notes: options.notes,
    childEnv: options.childEnv,
  };
  if (signal?.aborted) throw new ScenarioAbortedError(record, signal.reason);
  const logDir = join(options.runDir, 'logs');
  const resultDir = join(options.runDir, 'workers');
  await mkdir(logDir, { recursive: true });
  await mkdir(resultDir, { recursive: true });
  const note = (line: string): void => void record.notes.push(line);
  const emit = (event: ProgressEvent): void => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      note(`onProgress threw on a ${event.type} event: ${errorMessage(error)}`);
    }
  };

  const began = performance.now();
  const armTrials = scenario.trials * scenario.arms.length;
  // A lower bound: model build and warm-up time is not known before the first READY.
  emit({ type: 'scenario-start', scenario: scenario.name, armTrials, estimatedMs: armTrials * (scenario.durationMs + options.startLeadMs) });
  let scenarioSession: ScenarioSession | null = null;
  try {
    const session = await openScenarioSession(options, logDir);
    scenarioSession = session;
    for (let trial = 0; trial < scenario.trials; trial++) {
      for (const arm of scenario.arms) {
        if (signal?.aborted) throw new ScenarioAbortedError(record, signal.reason);
        const ctx: ArmTrialContext = { options, scenarioSession: session, arm, trial, logDir, resultDir, note, emit };
        emit({ type: 'arm-start', scenario: scenario.name, arm, trial, trials: scenario.trials, durationMs: scenario.durationMs });
        const armRecord = await runArmTrial(ctx);
        record.trials.push(armRecord);
        const failed = armRecord.workers.find((w) => !w.ok);
        emit({
          type: 'arm-end', scenario: scenario.name, arm, trial,
          ok: armRecord.skipped === null && failed === undefined,
          skipped: armRecord.skipped,
          message: failed && !failed.ok ? `${failed.failure.kind}: ${failed.failure.message}` : null,
        });
      }
    }
    if (signal?.aborted) throw new ScenarioAbortedError(record, signal.reason);
    return record;
  } finally {
    await scenarioSession?.close().catch((error: unknown) => note(`scenario session close() threw: ${errorMessage(error)}`));
    emit({ type: 'scenario-end', scenario: scenario.name, elapsedMs: performance.now() - began });
  }
}

async function openScenarioSession(options: ResolvedRunOptions, logDir: string): Promise<ScenarioSession> {
  try {
    return await options.provider.openScenario(options.scenario, { logDir, signal: options.signal });
  } catch (error) {
    throw new Error(`runScenario: provider.openScenario failed for scenario ${options.scenario.name}: ${errorMessage(error)}`, { cause: error });
  }
}
