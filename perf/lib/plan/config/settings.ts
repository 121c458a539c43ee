// What the suite was asked to do, after validation (loadSettings). Scenario values
// stay separate as overrides until resolveScenario applies them to a catalogue entry.

import type { ArmName, ArrivalProcess, WorkloadName } from '../../documents/types/scenario.ts';
import type { SharingRequest } from '../scenarios/sharing.ts';

/** PERF_ARMS: a full list replaces the scenario's arms; +arm/-arm items edit them. */
export type ArmsOverride = { mode: 'replace'; arms: ArmName[] } | { mode: 'edit'; add: ArmName[]; remove: ArmName[] };

export interface ScenarioOverrides {
  durationMs?: number;
  trials?: number;
  gpuIndex?: number;
  hpRateHz?: number;
  hpArrival?: ArrivalProcess;
  hpBatch?: number;
  lpBatch?: number;
  imageSize?: number;
  seed?: number;
  sharing?: SharingRequest;
  arms?: ArmsOverride;
  workload?: WorkloadName;
  /** PERF_REFERENCE_ARMS: reference arms added after PERF_ARMS (docs/arms.md). */
  referenceArms?: ArmName[];
}

/** PERF_CPUS: `auto` (4 CPUs near the GPU), `none` (not pinned) or the CPUs given. */
export type CpuRequest = { mode: 'auto' } | { mode: 'none' } | { mode: 'list'; cpus: number[] };

export interface Settings {
  /** Catalogue names to run, in order (PERF_SCENARIOS). */
  scenarios: string[];
  overrides: ScenarioOverrides;
  /** Where each override came from: "PERF_TRIALS" or `<config file> "trials"`. */
  overrideSources: Partial<Record<keyof ScenarioOverrides, string>>;
  /** Absolute paths. */
  resultsDir: string;
  baselinesDir: string;
  /** A saved run (directory or run.json) to re-evaluate instead of running the GPU. */
  replayPath: string | null;
  /** A missing GPU fails instead of skipping. */
  requireGpu: boolean;
  /** A missing or not comparable (workload, XSched settings) stored baseline fails instead of warning. */
  requireBaseline: boolean;
  /**
   * PERF_STRICT=1 or CI=true: every scenario outcome but pass fails its tests, and an unknown
   * PERF_* variable is an error, not a warning.
   */
  strict: boolean;
  /**
   * Valid runs are written as the stored baselines (PERF_UPDATE_BASELINES): 'replace' makes each
   * run the new baseline, 'append' adds it to the stored one (store/baselines/append-runs.ts);
   * false writes nothing.
   */
  updateBaselines: false | 'replace' | 'append';
  /** A known delay added to every hp request: an injected regression for sensitivity tests; never in real measurements. */
  injectDelayUs: number;
  /** Spawn to READY, per worker (PERF_READY_TIMEOUT_S). */
  readyTimeoutMs: number;
  /** START to the start instant of every arm-trial (PERF_START_LEAD_MS). */
  startLeadMs: number;
  /** Between environment samples while the workers run (PERF_ENV_SAMPLE_S); null: the sampler's default. */
  environmentSampleMs: number | null;
  /** PERF_CPUS: where the workers and the xserver run (resolved per GPU by run/gpu/cpu-placement.ts). */
  cpus: CpuRequest;
  /** Worker executable; null leaves the choice to the worker module (the native build). */
  workerPath: string | null;
  /** The config file that was read, if any. */
  configFile: string | null;
  /** Things the user should see but that do not stop the run (unknown PERF_* variables). */
  warnings: string[];
}

/**
 * Timing defaults a run takes when no variable sets them: the settings' defaults
 * (load-settings.ts) and the orchestrator's for direct callers (RUN_DEFAULTS in
 * perf/lib/run/orchestrate/run-options.ts, which reads them from here).
 */
export const TIMING_DEFAULTS = {
  readyTimeoutMs: 180_000,
  startLeadMs: 1_000,
  injectDelayUs: 0,
} as const;

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(readonly problems: string[]) {
    super(`invalid xsched-perf settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
