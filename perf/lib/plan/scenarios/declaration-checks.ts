// Every problem of a scenario declaration, each quoting the value and saying what is
// accepted, in the style of the PERF_* settings (perf/lib/plan/config/variables.ts), whose
// ranges it shares (field-ranges.ts), so a declared scenario can also be overridden.

import { WORKLOAD_NAMES } from '../../documents/types/scenario.ts';
import { ALL_ARMS } from './arms.ts';
import { ALL_MODELS, ARRIVAL_PROCESSES } from './catalogue.ts';
import type { PerfScenarioDeclaration } from './declaration-types.ts';
import {
  BATCH_RANGE,
  BUDGET_MS_RANGE,
  DURATION_MS_RANGE,
  GPU_INDEX_RANGE,
  HP_RATE_HZ_RANGE,
  IMAGE_SIZE_RANGE,
  isInRange,
  SEED_RANGE,
  TRIALS_RANGE,
  type ValueRange,
} from './field-ranges.ts';
import { VERDICT_KINDS } from './gate-requirements.ts';
import { SHARING_MODES, SHARING_REQUESTS } from './sharing.ts';
import { THRESHOLD_KEYS } from './thresholds.ts';

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FIELDS = ['name', 'description', 'models', 'batch', 'rates', 'arrival', 'imageSize', 'durationMs', 'trials', 'budgetMs', 'sharing', 'arms', 'requiredVerdicts', 'minTrials', 'thresholds', 'gpuIndex', 'seed', 'confidence', 'workload'];
/** The arms each verdict compares (perf/lib/evaluate/verdicts/): without them it can never be judged. */
const ARMS_OF_VERDICT: Record<string, readonly string[]> = {
  'hp-achieved-rate': ['xsched'],
  'hp-p99-improvement': ['xsched', 'baseline'],
  'lp-throughput-loss': ['xsched', 'baseline'],
  regression: [],
};

type Check = (value: unknown) => boolean;
const fraction: Check = (v) => typeof v === 'number' && v >= 0 && v < 1;
const oneOf = (allowed: readonly unknown[]): Check => (v) => allowed.includes(v);
const text: Check = (v) => typeof v === 'string' && v.trim().length > 0;
const distinctListOf = (allowed: readonly unknown[]): Check => (v) =>
  Array.isArray(v) && v.length > 0 && v.every((item) => allowed.includes(item)) && new Set(v).size === v.length;

export function checkDeclaration(declaration: PerfScenarioDeclaration): string[] {
  if (typeof declaration !== 'object' || declaration === null) return [`the declaration is ${JSON.stringify(declaration)}: expected an object`];
  const d = declaration as unknown as Record<string, unknown>;
  const problems: string[] = [];
  const at = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), d);
  const expect = (path: string, check: Check, accepted: string, optional = false) => {
    const value = at(path);
    if (optional && value === undefined) return;
    if (!check(value)) problems.push(`${path}=${JSON.stringify(value)}: expected ${accepted}`);
  };
  const expectIn = (path: string, range: ValueRange, optional = false) => expect(path, (v) => isInRange(range, v), range.accepted, optional);
  for (const key of Object.keys(d)) if (!FIELDS.includes(key)) problems.push(`${key}: unknown field; expected one of ${FIELDS.join(', ')}`);
  expect('name', (v) => typeof v === 'string' && NAME.test(v), 'lower-case letters and digits in words joined by "-" (e.g. "poisson-burst")');
  expect('description', text, 'one line for reports: what the scenario asks of the GPU');
  for (const role of ['hp', 'lp']) {
    expect(`models.${role}`, oneOf(ALL_MODELS), `one of ${ALL_MODELS.join(', ')}`);
    expectIn(`batch.${role}`, BATCH_RANGE);
  }
  expectIn('rates.hpHz', HP_RATE_HZ_RANGE);
  expect('arrival', oneOf(ARRIVAL_PROCESSES), ARRIVAL_PROCESSES.join(' or '));
  expectIn('imageSize', IMAGE_SIZE_RANGE, true);
  expectIn('durationMs', DURATION_MS_RANGE);
  if ((d.trials === undefined) === (d.budgetMs === undefined)) {
    problems.push(`trials=${JSON.stringify(d.trials)}, budgetMs=${JSON.stringify(d.budgetMs)}: give exactly one of them`);
  }
  expectIn('trials', TRIALS_RANGE, true);
  expectIn('budgetMs', BUDGET_MS_RANGE, true);
  expect('sharing', oneOf(SHARING_REQUESTS), `one of ${SHARING_REQUESTS.join(', ')}`);
  expect('arms', distinctListOf(ALL_ARMS), `a non-empty list of distinct arms from ${ALL_ARMS.join(', ')}`);
  expect('requiredVerdicts', distinctListOf(VERDICT_KINDS), `a non-empty list of distinct verdict kinds from ${VERDICT_KINDS.join(', ')}`);
  expectIn('minTrials', TRIALS_RANGE, true);
  expectIn('gpuIndex', GPU_INDEX_RANGE, true);
  expectIn('seed', SEED_RANGE, true);
  expect('confidence', (v) => typeof v === 'number' && v >= 0.5 && v < 1, 'a level >= 0.5 and < 1 (0.95 unless given)', true);
  expect('workload', oneOf(WORKLOAD_NAMES), `one of ${WORKLOAD_NAMES.join(', ')} (native unless given; docs/workloads.md)`, true);
  problems.push(...checkThresholds(d.thresholds));
  if (problems.length === 0) problems.push(...checkCoherence(declaration));
  return problems;
}

function checkThresholds(thresholds: unknown): string[] {
  if (typeof thresholds !== 'object' || thresholds === null) {
    return [`thresholds=${JSON.stringify(thresholds)}: expected { value, why } for each of ${THRESHOLD_KEYS.join(', ')}`];
  }
  const given = thresholds as Record<string, { value?: unknown; why?: unknown } | undefined>;
  const problems = Object.keys(given).filter((k) => !(THRESHOLD_KEYS as readonly string[]).includes(k)).map((k) => `thresholds.${k}: unknown threshold; expected one of ${THRESHOLD_KEYS.join(', ')}`);
  for (const key of THRESHOLD_KEYS) {
    const entry = given[key];
    const value = entry?.value;
    const perMode = typeof value === 'object' && value !== null && SHARING_MODES.every((m) => fraction((value as Record<string, unknown>)[m])) && Object.keys(value).length === SHARING_MODES.length;
    if (!fraction(value) && !perMode) {
      problems.push(`thresholds.${key}.value=${JSON.stringify(value)}: expected a fraction >= 0 and < 1, or one for each of ${SHARING_MODES.join(', ')}`);
    }
    if (!text(entry?.why)) problems.push(`thresholds.${key}.why=${JSON.stringify(entry?.why)}: expected the reason for this number (reports show it next to the verdict)`);
  }
  return problems;
}

/** Problems between fields: a verdict without its arms, a budget that fits no trial, a schedule with no request. */
function checkCoherence(d: PerfScenarioDeclaration): string[] {
  const problems: string[] = [];
  for (const kind of d.requiredVerdicts) {
    const missing = (ARMS_OF_VERDICT[kind] ?? []).filter((arm) => !(d.arms as string[]).includes(arm));
    if (missing.length > 0) problems.push(`requiredVerdicts includes ${JSON.stringify(kind)}, which compares arm(s) ${missing.join(', ')} missing from arms=${JSON.stringify(d.arms)}: add them or drop the verdict`);
  }
  if (d.budgetMs !== undefined && d.budgetMs < d.durationMs * d.arms.length) {
    problems.push(`budgetMs=${d.budgetMs} fits no trial: one trial runs ${d.arms.length} arm(s) x durationMs=${d.durationMs} = ${d.durationMs * d.arms.length} ms`);
  }
  if ((d.rates.hpHz * d.durationMs) / 1000 < 1) problems.push(`rates.hpHz=${d.rates.hpHz} for durationMs=${d.durationMs} schedules no hp request: raise either`);
  return problems;
}
