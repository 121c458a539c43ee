// Every setting the suite reads: its environment variable, its config-file key,
// what it accepts and its default. docs/configuration.md mirrors this table.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_ARMS, ARRIVAL_PROCESSES, DEFAULT_ARMS } from '../scenarios/catalogue.ts';
import { REFERENCE_ARMS } from '../scenarios/arms.ts';
import { BATCH_RANGE, DURATION_S_RANGE, GPU_INDEX_RANGE, HP_RATE_HZ_RANGE, IMAGE_SIZE_RANGE, SEED_RANGE, TRIALS_RANGE } from '../scenarios/field-ranges.ts';
import { SHARING_REQUESTS } from '../scenarios/sharing.ts';
import { WORKLOAD_NAMES, type ArrivalProcess } from '../../documents/types/scenario.ts';
import { parseArmsOverride } from './arms-override.ts';
import { knownScenarioNames, SCENARIOS_ACCEPTED } from './scenario-names.ts';
import type { CpuRequest, ScenarioOverrides, Settings } from './settings.ts';
import { parseCpuList } from '../../process/cpu-list.ts';
import {
  BOOLEAN_ACCEPTED,
  parseBoolean,
  parseDistinctList,
  parseInRange,
  parseIntegerIn,
  parseNonEmptyText,
  parseNumberAbove,
  parseOneOf,
} from './value-parsers.ts';

export type SettingsDraft = Omit<Settings, 'warnings' | 'configFile'>;

export interface SettingVariable {
  env: string;
  /** Key in the config file; null for per-invocation settings (environment only). */
  fileKey: string | null;
  accepted: string;
  defaultText: string;
  /** Parses `raw` (paths resolve against `baseDir`) and stores it; false when rejected. */
  apply(raw: string, draft: SettingsDraft, source: string, baseDir: string): boolean;
}

function variable<T>(spec: {
  env: string;
  fileKey: string | null;
  accepted: string;
  defaultText: string;
  parse: (raw: string, baseDir: string) => T | undefined;
  store: (draft: SettingsDraft, value: T, source: string) => void;
}): SettingVariable {
  const { parse, store, ...rest } = spec;
  return {
    ...rest,
    apply(raw, draft, source, baseDir) {
      const value = parse(raw, baseDir);
      if (value === undefined) return false;
      store(draft, value, source);
      return true;
    },
  };
}

function override<K extends keyof ScenarioOverrides>(
  env: string,
  fileKey: string,
  key: K,
  accepted: string,
  parse: (raw: string) => ScenarioOverrides[K] | undefined,
): SettingVariable {
  return variable({
    env,
    fileKey,
    accepted,
    defaultText: "the scenario's value",
    parse,
    store: (draft, value, source) => {
      draft.overrides[key] = value;
      draft.overrideSources[key] = source;
    },
  });
}

const existingPath = (raw: string, baseDir: string): string | undefined =>
  raw.length > 0 && existsSync(resolve(baseDir, raw)) ? resolve(baseDir, raw) : undefined;
const anyPath = (raw: string, baseDir: string): string | undefined => (raw.length > 0 ? resolve(baseDir, raw) : undefined);
const seconds = parseInRange(DURATION_S_RANGE);

export const SETTING_VARIABLES: readonly SettingVariable[] = [
  variable<string[]>({
    env: 'PERF_SCENARIOS',
    fileKey: 'scenarios',
    accepted: SCENARIOS_ACCEPTED,
    defaultText: 'quick',
    parse: (raw, baseDir) => parseDistinctList(knownScenarioNames(baseDir))(raw),
    store: (draft, value) => void (draft.scenarios = value),
  }),
  override('PERF_DURATION_S', 'durationS', 'durationMs', DURATION_S_RANGE.accepted, (raw) => {
    const value = seconds(raw);
    return value === undefined ? undefined : Math.round(value * 1000);
  }),
  override('PERF_TRIALS', 'trials', 'trials', TRIALS_RANGE.accepted, parseInRange(TRIALS_RANGE)),
  override('PERF_GPU', 'gpu', 'gpuIndex', GPU_INDEX_RANGE.accepted, parseInRange(GPU_INDEX_RANGE)),
  override('PERF_HP_RATE_HZ', 'hpRateHz', 'hpRateHz', HP_RATE_HZ_RANGE.accepted, parseInRange(HP_RATE_HZ_RANGE)),
  override('PERF_HP_ARRIVAL', 'hpArrival', 'hpArrival', ARRIVAL_PROCESSES.join(' or '), parseOneOf<ArrivalProcess>(ARRIVAL_PROCESSES)),
  override('PERF_HP_BATCH', 'hpBatch', 'hpBatch', BATCH_RANGE.accepted, parseInRange(BATCH_RANGE)),
  override('PERF_LP_BATCH', 'lpBatch', 'lpBatch', BATCH_RANGE.accepted, parseInRange(BATCH_RANGE)),
  override('PERF_IMAGE_SIZE', 'imageSize', 'imageSize', IMAGE_SIZE_RANGE.accepted, parseInRange(IMAGE_SIZE_RANGE)),
  override('PERF_SEED', 'seed', 'seed', SEED_RANGE.accepted, parseInRange(SEED_RANGE)),
  override('PERF_WORKLOAD', 'workload', 'workload', `one of ${WORKLOAD_NAMES.join(', ')}`, parseOneOf(WORKLOAD_NAMES)),
  override('PERF_SHARING', 'sharing', 'sharing', `one of ${SHARING_REQUESTS.join(', ')}`, parseOneOf(SHARING_REQUESTS)),
  override(
    'PERF_ARMS',
    'arms',
    'arms',
    `a comma list of distinct arms from ${ALL_ARMS.join(', ')} (replaces the scenario's arms), ` +
      `or of +arm / -arm items (edit the default ${DEFAULT_ARMS.join(', ')})`,
    parseArmsOverride,
  ),
  override(
    'PERF_REFERENCE_ARMS',
    'referenceArms',
    'referenceArms',
    `a comma list of distinct reference arms from ${REFERENCE_ARMS.join(', ')}, added to the scenario's arms (docs/arms.md)`,
    parseDistinctList(REFERENCE_ARMS),
  ),
  variable({
    env: 'PERF_RESULTS_DIR',
    fileKey: 'resultsDir',
    accepted: 'a directory path (created when missing)',
    defaultText: 'results',
    parse: anyPath,
    store: (draft, value) => void (draft.resultsDir = value),
  }),
  variable({
    env: 'PERF_BASELINES_DIR',
    fileKey: 'baselinesDir',
    accepted: 'a directory path',
    defaultText: 'baselines',
    parse: anyPath,
    store: (draft, value) => void (draft.baselinesDir = value),
  }),
  variable({
    env: 'PERF_WORKER',
    fileKey: 'worker',
    accepted: 'the path of an existing worker executable',
    defaultText: 'unset: the worker built by npm run build:native',
    parse: existingPath,
    store: (draft, value) => void (draft.workerPath = value),
  }),
  variable({
    env: 'PERF_REQUIRE_GPU',
    fileKey: 'requireGpu',
    accepted: BOOLEAN_ACCEPTED,
    defaultText: '0 (no GPU: the perf specs skip)',
    parse: parseBoolean,
    store: (draft, value) => void (draft.requireGpu = value),
  }),
  variable({
    env: 'PERF_REQUIRE_BASELINE',
    fileKey: 'requireBaseline',
    accepted: BOOLEAN_ACCEPTED,
    defaultText: '0 (a missing baseline is a warning)',
    parse: parseBoolean,
    store: (draft, value) => void (draft.requireBaseline = value),
  }),
  variable({
    env: 'PERF_STRICT',
    fileKey: 'strict',
    accepted: BOOLEAN_ACCEPTED,
    defaultText: '0, but on when CI is true or 1 (only pass is green; unknown PERF_* variables fail)',
    parse: parseBoolean,
    store: (draft, value) => void (draft.strict = value),
  }),
  variable({
    env: 'PERF_REPLAY',
    fileKey: null,
    accepted: 'the path of an existing run directory or run.json',
    defaultText: 'unset (run on the GPU)',
    parse: (raw, baseDir) => parseNonEmptyText(raw) && existingPath(raw, baseDir),
    store: (draft, value) => void (draft.replayPath = value),
  }),
  variable({
    env: 'PERF_UPDATE_BASELINES',
    fileKey: null,
    accepted: `${BOOLEAN_ACCEPTED} (true: each valid run replaces its stored baseline), or append (each valid run is added to it)`,
    defaultText: '0',
    parse: (raw) => {
      if (raw.trim().toLowerCase() === 'append') return 'append' as const;
      const on = parseBoolean(raw);
      return on === undefined ? undefined : on ? ('replace' as const) : false;
    },
    store: (draft, value) => void (draft.updateBaselines = value),
  }),
  variable({
    env: 'PERF_READY_TIMEOUT_S',
    fileKey: null,
    accepted: 'seconds a worker may take from start to READY (model build and warm-up): a number > 0 and <= 3600',
    defaultText: '180',
    parse: parseNumberAbove(0, 3600),
    store: (draft, value) => void (draft.readyTimeoutMs = Math.round(value * 1000)),
  }),
  variable({
    env: 'PERF_START_LEAD_MS',
    fileKey: null,
    accepted: 'milliseconds between sending START and the start instant of every arm-trial (raise it when workers fail as "late" on a loaded host): an integer >= 50 and <= 60000',
    defaultText: '1000',
    parse: parseIntegerIn(50, 60_000),
    store: (draft, value) => void (draft.startLeadMs = value),
  }),
  variable({
    env: 'PERF_ENV_SAMPLE_S',
    fileKey: null,
    accepted: 'seconds between GPU and host samples while the workers run (docs/environment.md): a number >= 0.1 and <= 3600',
    defaultText: '2',
    parse: parseNumberAbove(0.099, 3600),
    store: (draft, value) => void (draft.environmentSampleMs = Math.round(value * 1000)),
  }),
  variable<CpuRequest>({
    env: 'PERF_CPUS',
    fileKey: 'cpus',
    accepted: '`auto` (the first 4 CPUs this process may use on the GPU\'s NUMA node), `none` (not pinned), or a CPU list such as 0-3 or 0,2,4,6',
    defaultText: 'auto',
    parse: (raw) => {
      if (raw === 'auto' || raw === 'none') return { mode: raw };
      const cpus = parseCpuList(raw);
      return cpus === undefined ? undefined : { mode: 'list', cpus };
    },
    store: (draft, value) => void (draft.cpus = value),
  }),
  variable({
    env: 'PERF_INJECT_DELAY_US',
    fileKey: null,
    accepted: 'microseconds added before every hp request of the arms where both models share the GPU (the alone arms stay clean): an integer >= 0 and <= 1000000 (for testing the gate only)',
    defaultText: '0',
    parse: parseIntegerIn(0, 1_000_000),
    store: (draft, value) => void (draft.injectDelayUs = value),
  }),
];
