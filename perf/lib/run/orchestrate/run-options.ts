// runScenario's options: their defaults, and validation where they enter,
// with messages that quote the value received and say what to do.

import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArmSetupProvider, ProgressEvent, WorkerEnv } from '../../documents/types/arm-setup.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import { TIMING_DEFAULTS } from '../../plan/config/settings.ts';
import { rolesForArm } from '../worker/worker-args.ts';
import { allowListedEnv } from '../../process/allowed-env.ts';
import type { ChildEnvRecord } from '../../documents/types/run-record.ts';
import type { StartEnvironmentSampler } from '../environment/sampler.ts';

export interface RunScenarioOptions {
  scenario: Scenario;
  /** The worker binary (see locateWorker). */
  workerPath: string;
  /** Logs go to <runDir>/logs, worker result files to <runDir>/workers. */
  runDir: string;
  provider: ArmSetupProvider;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Spawn to READY, per worker. Default 180 000 (ResNet-50 batch 1024 builds and warms up for seconds). */
  readyTimeoutMs?: number;
  /** START is written this long before the start instant. Default 1000. */
  startLeadMs?: number;
  /** Passed to the workers as --drain-ms. Default 5000 (the worker's own default). */
  drainMs?: number;
  /** After end + drain, how long a worker may take to write its result and exit. Default 20 000. */
  hangGraceMs?: number;
  /** SIGTERM to SIGKILL when the suite stops a worker. Default 5000 (workers stop within 1 s). */
  killGraceMs?: number;
  /** Period of arm-progress events. Default 10 000. */
  progressIntervalMs?: number;
  notes?: string[];
  /** Generated (time, scenario, random) when absent. */
  runId?: string;
  /** What ArmSession.envFor starts from, after the allow list (process/allowed-env.ts). Default: process.env. */
  baseEnv?: WorkerEnv;
  /** Regression injection (--inject-delay-us) for sensitivity tests only. Default 0. */
  injectDelayUs?: number;
  /** Samples GPU processes, GPU state and host CPU around each arm-trial (docs/environment.md). Default: none. */
  environmentSampler?: StartEnvironmentSampler | null;
  /** Called with the record after each arm-trial, to save it as it grows (a killed suite keeps what it measured). */
  onCheckpoint?: (record: RunRecord) => Promise<void>;
}

export interface ResolvedRunOptions extends Required<Omit<RunScenarioOptions, 'onProgress' | 'signal' | 'runId' | 'onCheckpoint'>> {
  onCheckpoint: ((record: RunRecord) => Promise<void>) | undefined;
  onProgress: ((event: ProgressEvent) => void) | undefined;
  signal: AbortSignal | undefined;
  runId: string | undefined;
  /** The names baseEnv kept (the run record's childEnv). */
  childEnv: ChildEnvRecord;
  /** The variables the run record's source is read from, before the allow list: PERF_XSCHED_VERSION is the suite's, never a child's (run/source/xsched-source.ts). */
  sourceEnv: Record<string, string | undefined>;
}

export const RUN_DEFAULTS = {
  ...TIMING_DEFAULTS,
  drainMs: 5_000,
  hangGraceMs: 20_000,
  killGraceMs: 5_000,
  progressIntervalMs: 10_000,
} as const;

export function resolveRunOptions(options: RunScenarioOptions): ResolvedRunOptions {
  const fail = (message: string): never => {
    throw new TypeError(`runScenario: ${message}`);
  };
  validateScenario(options.scenario, fail);
  if (typeof options.runDir !== 'string' || options.runDir === '') fail(`runDir must be a directory path, got ${JSON.stringify(options.runDir)}`);
  const provider = options.provider as Partial<ArmSetupProvider> | undefined;
  if (typeof provider?.openScenario !== 'function' || typeof provider.skipReason !== 'function') {
    fail('provider must be an ArmSetupProvider (skipReason and openScenario); use createNativeProvider() for plain runs');
  }
  const number = (key: keyof typeof RUN_DEFAULTS, min: number): number => {
    const value = options[key] ?? RUN_DEFAULTS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      fail(`${key} must be a number >= ${min}, got ${JSON.stringify(value)}; leave it out for the default ${RUN_DEFAULTS[key]}`);
    }
    return value;
  };
  const env = options.baseEnv ?? process.env;
  const baseEnv = allowListedEnv(env);
  return {
    scenario: options.scenario,
    workerPath: validateWorkerPath(options.workerPath, fail),
    runDir: resolve(options.runDir),
    provider: options.provider,
    onProgress: options.onProgress,
    onCheckpoint: options.onCheckpoint,
    signal: options.signal,
    readyTimeoutMs: number('readyTimeoutMs', 1),
    startLeadMs: number('startLeadMs', 1),
    drainMs: number('drainMs', 0),
    hangGraceMs: number('hangGraceMs', 0),
    killGraceMs: number('killGraceMs', 0),
    progressIntervalMs: number('progressIntervalMs', 1),
    injectDelayUs: number('injectDelayUs', 0),
    notes: [...(options.notes ?? [])],
    runId: options.runId,
    baseEnv: baseEnv.env,
    childEnv: { passedNames: baseEnv.passedNames, droppedCount: baseEnv.droppedCount },
    sourceEnv: { XSCHED_ROOT: env.XSCHED_ROOT, PERF_XSCHED_VERSION: env.PERF_XSCHED_VERSION },
    environmentSampler: options.environmentSampler ?? null,
  };
}

function validateScenario(scenario: Scenario | undefined, fail: (message: string) => never): void {
  if (typeof scenario?.name !== 'string' || scenario.name === '') fail(`scenario.name must be a non-empty string, got ${JSON.stringify(scenario?.name)}`);
  const s = scenario as Scenario;
  if (!Number.isSafeInteger(s.durationMs) || s.durationMs <= 0) fail(`scenario ${s.name}: durationMs must be a positive integer, got ${JSON.stringify(s.durationMs)}`);
  if (!Number.isSafeInteger(s.trials) || s.trials < 1) fail(`scenario ${s.name}: trials must be an integer >= 1, got ${JSON.stringify(s.trials)}`);
  if (!Array.isArray(s.arms) || s.arms.length === 0) fail(`scenario ${s.name}: arms must list at least one arm, got ${JSON.stringify(s.arms)}`);
  for (const arm of s.arms) {
    try {
      rolesForArm(arm);
    } catch (cause) {
      fail(`scenario ${s.name}: ${(cause as Error).message}`);
    }
  }
}

function validateWorkerPath(workerPath: string, fail: (message: string) => never): string {
  if (typeof workerPath !== 'string' || workerPath === '') fail(`workerPath must be a path, got ${JSON.stringify(workerPath)}; use locateWorker()`);
  const absolute = resolve(workerPath);
  try {
    accessSync(absolute, constants.X_OK);
    if (!statSync(absolute).isFile()) throw new Error('not a file');
  } catch {
    fail(`workerPath "${workerPath}" is not an executable file; run \`npm run build:native\` or set PERF_WORKER`);
  }
  return absolute;
}
