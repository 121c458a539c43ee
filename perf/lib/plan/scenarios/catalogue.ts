// The named scenarios a user can run (PERF_SCENARIOS). Entries hold what is asked
// for, before environment/config overrides and before the platform is known.

import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_ARMS } from './arms.ts';
import type { ArrivalProcess, HpConfig, LpConfig, ModelName, Scenario } from '../../documents/types/scenario.ts';
import { DEFAULT_GATE, type GateRequirements } from './gate-requirements.ts';
import type { SharingRequest } from './sharing.ts';
import { INTENSIVE_THRESHOLDS, SMOKE_THRESHOLDS, STANDARD_THRESHOLDS, type ThresholdPlan } from './thresholds.ts';

/** A Scenario as asked for: a sharing request and thresholds per sharing mode, no overrides yet. */
export type CatalogueEntry = Omit<Scenario, 'sharing' | 'thresholds' | 'overrides'> &
  GateRequirements & {
    sharing: SharingRequest;
    thresholds: ThresholdPlan;
  };

export { ALL_ARMS, DEFAULT_ARMS } from './arms.ts';
/** The models the native worker can run; saved files are checked against them. */
export const ALL_MODELS: readonly ModelName[] = ['resnet18', 'resnet50'];
export const ARRIVAL_PROCESSES: readonly ArrivalProcess[] = ['uniform', 'poisson'];

// Fixed so weights, inputs and Poisson arrivals repeat from run to run; every run records it.
const SEED = 1;
const IMAGE_SIZE = 224;
const hp = (rateHz: number): HpConfig => ({ model: 'resnet18', batch: 1, imageSize: IMAGE_SIZE, rateHz, arrival: 'uniform' });
const lp = (batch: number): LpConfig => ({ model: 'resnet50', batch, imageSize: IMAGE_SIZE });

const common = { gpuIndex: 0, seed: SEED, arms: [...DEFAULT_ARMS], confidence: 0.95, ...structuredClone(DEFAULT_GATE) };

const ENTRIES: CatalogueEntry[] = [
  {
    ...common,
    name: 'quick',
    description: 'Smoke test: hp ResNet-18 b1 at 50 req/s against lp ResNet-50 b8 for 10 s; checks the machinery, not the effect size',
    // 50 req/s rather than the seed's 10: 500 requests a trial clears MLPerf LoadGen's
    // early-stopping minimum for a P99 at 95% confidence (473) even in one trial.
    hp: hp(50),
    lp: lp(8),
    durationMs: 10_000,
    trials: 3,
    sharing: 'auto',
    thresholds: SMOKE_THRESHOLDS,
  },
  {
    ...common,
    name: 'standard',
    description: "The seed's standard experiment: hp ResNet-18 b1 at 10 req/s, lp ResNet-50 b8 back to back, 60 s",
    hp: hp(10),
    lp: lp(8),
    durationMs: 60_000,
    trials: 3,
    sharing: 'auto',
    thresholds: STANDARD_THRESHOLDS,
  },
  {
    ...common,
    name: 'intensive',
    description: "The seed's intensive experiment: hp ResNet-18 b1 at 20 req/s, lp ResNet-50 b1024 back to back, 180 s",
    hp: hp(20),
    lp: lp(1024),
    durationMs: 180_000,
    trials: 3,
    sharing: 'auto',
    thresholds: INTENSIVE_THRESHOLDS,
  },
  {
    ...common,
    name: 'intensive-30s',
    // The catalogue intensive run is 3 trials x 4 arms x 180 s, about 36 GPU-minutes: more than
    // a CI job or a lent device call affords. This is the same load in a 30 s window (about
    // 7 minutes with start-up), what its committed baselines and recorded repeats measured
    // (docs/baselines.md, scripts/bench-decisions/recorded-runs.json). 600 requests a trial at
    // 20 req/s still clear LoadGen's 473 for a P99 at 95% confidence.
    description: 'The intensive load (hp ResNet-18 b1 at 20 req/s, lp ResNet-50 b1024 back to back) in a 30 s window: the length a CI job affords',
    hp: hp(20),
    lp: lp(1024),
    durationMs: 30_000,
    trials: 3,
    sharing: 'auto',
    thresholds: INTENSIVE_THRESHOLDS,
  },
];

// MPS variants: the same loads with the processes sharing SMs at once (NVIDIA only).
const MPS_ENTRIES: CatalogueEntry[] = ['standard', 'intensive', 'intensive-30s'].map((base) => {
  const entry = ENTRIES.find((e) => e.name === base) as CatalogueEntry;
  return { ...entry, name: `${base}-mps`, description: `${entry.description}; under NVIDIA MPS`, sharing: 'mps' };
});

const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map([...ENTRIES, ...MPS_ENTRIES].map((e) => [e.name, e]));
/** Scenarios declared by spec files in this process (definePerfScenario); the built-in ones are also declared there, unchanged. */
const DECLARED = new Map<string, CatalogueEntry>();
const lookup = (name: string): CatalogueEntry | undefined => CATALOGUE.get(name) ?? DECLARED.get(name);

export function listBuiltInScenarioNames(): string[] {
  return [...CATALOGUE.keys()];
}

/** The built-in names, then those declared in this process. */
export function listScenarioNames(): string[] {
  return [...CATALOGUE.keys(), ...[...DECLARED.keys()].filter((name) => !CATALOGUE.has(name))];
}

/**
 * Makes a declared scenario known to this process's planning, evaluation and baselines. A
 * built-in name must declare exactly the built-in entry: its stored baselines are keyed by it.
 */
export function registerScenario(entry: CatalogueEntry): void {
  const known = lookup(entry.name);
  if (known !== undefined && !isDeepStrictEqual(known, entry)) {
    const where = CATALOGUE.has(entry.name) ? 'a built-in scenario (perf/lib/plan/scenarios/catalogue.ts)' : 'already declared in this process';
    throw new Error(`scenario ${JSON.stringify(entry.name)} is ${where} with other values; give the new scenario its own name`);
  }
  if (!CATALOGUE.has(entry.name)) DECLARED.set(entry.name, structuredClone(entry));
}

/** A deep copy of the named entry (built in or declared); throws listing the known names when there is none. */
export function getCatalogueEntry(name: string): CatalogueEntry {
  const entry = lookup(name);
  if (!entry) {
    throw new Error(`unknown scenario ${JSON.stringify(name)}: expected one of ${listScenarioNames().join(', ')}`);
  }
  return structuredClone(entry);
}

/**
 * What scenario `name` requires to pass and to become a baseline. A name outside the
 * catalogue (a record from an older checkout, a test fixture) gets the defaults.
 */
export function gateRequirementsOf(name: string): GateRequirements {
  const entry = lookup(name) ?? DEFAULT_GATE;
  return { requiredVerdicts: [...entry.requiredVerdicts], minTrials: entry.minTrials };
}
