// A catalogue entry plus the settings' overrides becomes the Scenario a run uses;
// each replaced value is recorded in scenario.overrides so reports show it.

import { getCatalogueEntry } from '../scenarios/catalogue.ts';
import { resolveSharing, type SharingRequest } from '../scenarios/sharing.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { Scenario, ScenarioOverride, SharingMode, WorkloadName } from '../../documents/types/scenario.ts';
import { applyArmsOverride } from './arms-override.ts';
import type { ScenarioOverrides, Settings } from './settings.ts';

type Scalar = number | string;

/** Where each simple override lands in the scenario. */
const SCALAR_FIELDS: Array<[keyof ScenarioOverrides, string, (s: Scenario) => Scalar, (s: Scenario, v: Scalar) => void]> = [
  ['durationMs', 'durationMs', (s) => s.durationMs, (s, v) => void (s.durationMs = v as number)],
  ['trials', 'trials', (s) => s.trials, (s, v) => void (s.trials = v as number)],
  ['gpuIndex', 'gpuIndex', (s) => s.gpuIndex, (s, v) => void (s.gpuIndex = v as number)],
  ['seed', 'seed', (s) => s.seed, (s, v) => void (s.seed = v as number)],
  ['hpRateHz', 'hp.rateHz', (s) => s.hp.rateHz, (s, v) => void (s.hp.rateHz = v as number)],
  ['hpArrival', 'hp.arrival', (s) => s.hp.arrival, (s, v) => void (s.hp.arrival = v as Scenario['hp']['arrival'])],
  ['hpBatch', 'hp.batch', (s) => s.hp.batch, (s, v) => void (s.hp.batch = v as number)],
  ['lpBatch', 'lp.batch', (s) => s.lp.batch, (s, v) => void (s.lp.batch = v as number)],
  ['workload', 'workload', (s) => s.workload ?? 'native', (s, v) => void (s.workload = v as WorkloadName)],
];

function resolveSharingMode(scenarioName: string, requested: SharingRequest, platform: WorkerPlatform | null): SharingMode {
  if (platform) return resolveSharing(requested, platform);
  if (requested !== 'auto') return requested;
  throw new Error(
    `scenario "${scenarioName}": sharing is "auto", which depends on the GPU platform, and no platform was given; ` +
      'pass the platform the worker reports (xsched-perf-worker --probe) to resolveScenario, or set PERF_SHARING',
  );
}

/** The workload a scenario runs: PERF_WORKLOAD (or the config file), else the scenario's own, else native. */
export function workloadOfScenario(name: string, settings: Settings): WorkloadName {
  return settings.overrides.workload ?? getCatalogueEntry(name).workload ?? 'native';
}

/**
 * The catalogue scenario `name` with `settings.overrides` applied. `platform` (from the
 * worker's probe) resolves sharing "auto" and rejects modes the platform lacks (MPS on AMD);
 * without it only an explicit sharing mode is accepted.
 */
export function resolveScenario(name: string, settings: Settings, platform: WorkerPlatform | null = null): Scenario {
  const entry = getCatalogueEntry(name);
  const { overrides, overrideSources } = settings;
  const sharingRequest = overrides.sharing ?? entry.sharing;
  const sharing = resolveSharingMode(name, sharingRequest, platform);
  const scenario: Scenario = {
    name: entry.name,
    description: entry.description,
    hp: entry.hp,
    lp: entry.lp,
    durationMs: entry.durationMs,
    trials: entry.trials,
    gpuIndex: entry.gpuIndex,
    seed: entry.seed,
    sharing,
    arms: applyArmsOverride(
      applyArmsOverride(entry.arms, overrides.arms),
      overrides.referenceArms === undefined ? undefined : { mode: 'edit', add: overrides.referenceArms, remove: [] },
    ),
    workload: entry.workload ?? 'native',
    thresholds: entry.thresholds.bySharing[sharing],
    confidence: entry.confidence,
  };
  const recorded: ScenarioOverride[] = [];
  const record = (key: keyof ScenarioOverrides, field: string, catalogueValue: ScenarioOverride['value'], value: ScenarioOverride['value']) =>
    recorded.push({ field, catalogueValue, value, source: overrideSources[key] ?? 'unknown source' });

  for (const [key, field, read, write] of SCALAR_FIELDS) {
    const value = overrides[key] as Scalar | undefined;
    if (value === undefined) continue;
    record(key, field, read(scenario), value);
    write(scenario, value);
  }
  if (overrides.imageSize !== undefined) {
    record('imageSize', 'imageSize', scenario.hp.imageSize, overrides.imageSize);
    scenario.hp.imageSize = overrides.imageSize;
    scenario.lp.imageSize = overrides.imageSize;
  }
  if (overrides.sharing !== undefined) record('sharing', 'sharing', entry.sharing, sharing);
  if (overrides.arms !== undefined || overrides.referenceArms !== undefined) record(overrides.arms !== undefined ? 'arms' : 'referenceArms', 'arms', entry.arms, scenario.arms);

  if (scenario.arms.length === 0) {
    throw new Error(`scenario "${name}": ${overrideSources.arms ?? 'PERF_ARMS'} removes every arm; keep at least one`);
  }
  const hpRequests = (scenario.hp.rateHz * scenario.durationMs) / 1000;
  if (hpRequests < 1) {
    throw new Error(
      `scenario "${name}": ${scenario.hp.rateHz} req/s for ${scenario.durationMs} ms schedules no hp request; ` +
        'raise PERF_HP_RATE_HZ or PERF_DURATION_S',
    );
  }
  if (recorded.length > 0) scenario.overrides = recorded;
  return scenario;
}
