// Before a scenario's tests are collected: decide what the spec will do, so that a
// machine without a GPU skips with one line (or fails under PERF_REQUIRE_GPU=1) and
// a bad setting fails before any GPU time is spent.

import { loadRunRecord } from '../store/results/load-run.ts';
import { loadSettings, resolveScenario, type Settings } from '../plan/config/index.ts';
import { workloadOfScenario } from '../plan/config/resolve-scenario.ts';
import { detectGpu, decideGpuGate } from '../run/gpu/index.ts';
import { placeScenario, resolveCpuPlacement } from '../run/gpu/cpu-placement.ts';
import { locateWorker, WorkerNotFoundError } from '../run/worker/locate-worker.ts';
import { locateWorkloadWorker } from '../run/worker/locate-workload.ts';
import { SharingUnsupportedError } from '../plan/scenarios/sharing.ts';
import type { WorkerPlatform } from '../documents/types/fingerprint.ts';
import type { Scenario } from '../documents/types/scenario.ts';
import { notAPass } from './verdict-tests.ts';

export type ScenarioPlan =
  | { action: 'skip'; reason: string }
  | { action: 'fail'; reason: string }
  | { action: 'replay'; settings: Settings; runPath: string }
  | { action: 'run'; settings: Settings; scenario: Scenario; workerPath: string; platform: WorkerPlatform; gpuSummary: string };

export async function planScenario(name: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<ScenarioPlan> {
  let settings: Settings;
  try {
    settings = loadSettings(env, cwd);
  } catch (error) {
    return { action: 'fail', reason: (error as Error).message };
  }
  // A replay is selected by the saved run's own scenario, not by PERF_SCENARIOS.
  if (settings.replayPath !== null) return planReplay(name, settings);
  if (!settings.scenarios.includes(name)) {
    return { action: 'skip', reason: `not selected (PERF_SCENARIOS selects ${settings.scenarios.join(', ')})` };
  }

  const workload = workloadOfScenario(name, settings);
  let workerPath: string;
  try {
    workerPath = (await locateWorkloadWorker(workload, settings.workerPath === null ? { env } : { workerPath: settings.workerPath, env })).path;
  } catch (error) {
    if (!(error instanceof WorkerNotFoundError) || settings.workerPath !== null || workload !== 'native') throw error;
    // No worker yet: only the device nodes can say whether a GPU is here. With one, build
    // the worker for it (native/build.sh picks the platform from the device node).
    const detection = await detectGpu({ env });
    if (!detection.found) return gateOnly(decideGpuGate(detection, env), settings);
    process.stdout.write(`xsched-perf: ${detection.summary}; building the worker (npm run build:native)...\n`);
    try {
      workerPath = (await locateWorker({ env, build: true })).path;
    } catch (buildError) {
      return { action: 'fail', reason: `${detection.summary}; but ${(buildError as Error).message}` };
    }
  }
  const gpuIndex = settings.overrides.gpuIndex ?? 0;
  const detection = await detectGpu({ workerPath, gpuIndex, env });
  const gate = decideGpuGate(detection, env);
  if (gate.action !== 'run' || !detection.fingerprint) return gateOnly(gate, settings);
  const platform = detection.fingerprint.platform;
  try {
    const { placement, warning } = await resolveCpuPlacement(settings.cpus, { pciBusId: detection.fingerprint.gpu.pciBusId, pathVariable: env.PATH ?? '' });
    if (warning !== null) process.stderr.write(`xsched-perf: ${name}: ${warning}\n`);
    const scenario = placeScenario(resolveScenario(name, settings, platform), placement);
    return { action: 'run', settings, scenario, workerPath, platform, gpuSummary: detection.summary };
  } catch (error) {
    // e.g. an MPS scenario on an AMD GPU: not runnable here, and not a failure of the suite.
    if (error instanceof SharingUnsupportedError) return strictSkip({ action: 'skip', reason: error.message }, settings);
    return { action: 'fail', reason: (error as Error).message };
  }
}

function gateOnly(gate: ReturnType<typeof decideGpuGate>, settings: Settings): ScenarioPlan {
  if (gate.action === 'run') throw new Error('planScenario: a GPU was found but not probed; this is a bug');
  return gate.action === 'skip' ? strictSkip(gate, settings) : gate;
}

/** A selected scenario that cannot run here tested nothing: in strict mode that fails, as an untested outcome does. */
function strictSkip(skip: { action: 'skip'; reason: string }, settings: Settings): ScenarioPlan {
  if (!settings.strict) return skip;
  return { action: 'fail', reason: notAPass('UNTESTED', ` ${skip.reason}`, true).message };
}

async function planReplay(name: string, settings: Settings): Promise<ScenarioPlan> {
  const runPath = settings.replayPath as string;
  const record = await loadRunRecord(runPath);
  if (record.scenario.name !== name) {
    return { action: 'skip', reason: `not selected (PERF_REPLAY=${runPath} holds scenario "${record.scenario.name}")` };
  }
  return { action: 'replay', settings, runPath };
}
