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
import { armOrderForTrial } from './arm-order.ts';
import { describeRunSource } from '../source/index.ts';
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
    source: await describeRunSource(process.cwd(), options.sourceEnv),
    childEnv: options.childEnv,
  };
  const aborted = (): ScenarioAbortedError => {
    const reason = signal?.reason instanceof Error ? signal.reason.message : String(signal?.reason ?? 'aborted');
    record.status = { state: 'aborted', reason, at: new Date().toISOString() };
    return new ScenarioAbortedError(record, signal?.reason);
  };
  if (signal?.aborted) throw aborted();
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
      for (const arm of armOrderForTrial(scenario.arms, trial, scenario.seed)) {
        if (signal?.aborted) throw aborted();
        const ctx: ArmTrialContext = { options, scenarioSession: session, arm, trial, logDir, resultDir, note, emit };
        emit({ type: 'arm-start', scenario: scenario.name, arm, trial, trials: scenario.trials, durationMs: scenario.durationMs });
        const armRecord = await runArmTrial(ctx);
        // Not aborted when it began (checked above): an abort now came during this arm-trial.
        if (signal?.aborted) armRecord.interrupted = true;
        record.trials.push(armRecord);
        if (!signal?.aborted) await checkpoint(options, record, note);
        const failed = armRecord.workers.find((w) => !w.ok);
        emit({
          type: 'arm-end', scenario: scenario.name, arm, trial,
          ok: armRecord.skipped === null && failed === undefined,
          skipped: armRecord.skipped,
          message: failed && !failed.ok ? `${failed.failure.kind}: ${failed.failure.message}` : null,
        });
      }
    }
    if (signal?.aborted) throw aborted();
    record.status = { state: 'complete' };
    return record;
  } finally {
    await scenarioSession?.close().catch((error: unknown) => note(`scenario session close() threw: ${errorMessage(error)}`));
    emit({ type: 'scenario-end', scenario: scenario.name, elapsedMs: performance.now() - began });
  }
}

async function checkpoint(options: ResolvedRunOptions, record: RunRecord, note: (line: string) => void): Promise<void> {
  try {
    await options.onCheckpoint?.(record);
  } catch (error) {
    note(`saving the record after an arm-trial failed: ${errorMessage(error)}`);
  }
}

async function openScenarioSession(options: ResolvedRunOptions, logDir: string): Promise<ScenarioSession> {
  try {
    return await options.provider.openScenario(options.scenario, { logDir, signal: options.signal });
  } catch (error) {
    throw new Error(`runScenario: provider.openScenario failed for scenario ${options.scenario.name}: ${errorMessage(error)}`, { cause: error });
  }
}
