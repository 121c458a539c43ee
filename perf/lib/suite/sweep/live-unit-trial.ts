// A sweep unit-trial on the GPU: the scenario with the unit's one arm and one trial, run by
// the same orchestrator as every run (run/orchestrate/run-scenario.ts). The unit's suite
// settings reach the arm through the provider's environment: an xsched point's
// PERF_XSCHED_THRESHOLD_LP is read by readXschedConfig when that run opens (docs/xsched.md).

import { mkdir } from 'node:fs/promises';
import type { ProgressEvent } from '../../documents/types/arm-setup.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { ArmName, Scenario } from '../../documents/types/scenario.ts';
import { slugify } from '../../documents/fs/slugify.ts';
import type { Settings } from '../../plan/config/settings.ts';
import type { SweepUnit } from '../../plan/sweeps/expand.ts';
import { createArmSetupProvider } from '../../run/arms/provider.ts';
import { startEnvironmentSampler } from '../../run/environment/sampler.ts';
import { runScenario } from '../../run/orchestrate/index.ts';
import type { RunSweepOptions } from './run-sweep.ts';

/** The suite environment the unit's run opens with: the sweep's, with the unit's settings on top. */
export function unitProviderEnv(baseEnv: NodeJS.ProcessEnv, unit: SweepUnit): NodeJS.ProcessEnv {
  return { ...baseEnv, ...unit.suiteEnv };
}

/** The scenario of one unit-trial: the unit's arm only, one trial. */
export function unitScenario(scenario: Scenario, unit: SweepUnit): Scenario {
  // Arm names beyond ArmName (mps-lp70, ...) come from the reference-arm work; the driver runs only names arms.ts knows.
  return { ...scenario, arms: [unit.arm as ArmName], trials: 1 };
}

interface LiveSweepContext {
  sweepId: string;
  scenario: Scenario;
  settings: Settings;
  workerPath: string;
  platform: WorkerPlatform;
  gpuSummary: string;
  baseEnv: NodeJS.ProcessEnv;
  onProgress: (event: ProgressEvent) => void;
  signal: AbortSignal;
}

export function liveUnitTrialRunner(context: LiveSweepContext): RunSweepOptions['runUnitTrial'] {
  const { settings } = context;
  return async (unit, trial, runDir) => {
    await mkdir(runDir, { recursive: true });
    return runScenario({
      scenario: unitScenario(context.scenario, unit),
      workerPath: context.workerPath,
      runDir,
      runId: `${context.sweepId}-${slugify(unit.id)}-t${trial}`,
      provider: createArmSetupProvider({ platform: context.platform, env: unitProviderEnv(context.baseEnv, unit) }),
      onProgress: context.onProgress,
      signal: context.signal,
      environmentSampler: (options) => startEnvironmentSampler(settings.environmentSampleMs === null ? options : { ...options, intervalMs: settings.environmentSampleMs }),
      readyTimeoutMs: settings.readyTimeoutMs,
      startLeadMs: settings.startLeadMs,
      notes: [`GPU: ${context.gpuSummary}`, `sweep ${context.sweepId}: unit ${unit.id}, sweep trial ${trial}`],
    });
  };
}
