// A scenario as a spec declares it (definePerfScenario, perf/lib/suite/define-perf-scenario.ts):
// the words a team uses (models, batch, rates, arrival, duration, trials or a time budget,
// sharing, arms, required verdicts, thresholds each with its reason), checked and turned into
// the catalogue's own shape (CatalogueEntry), so a declared scenario runs, is keyed and is
// judged exactly like a built-in one.

import type { SharingMode, Thresholds } from '../../documents/types/scenario.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { checkDeclaration } from './declaration-checks.ts';
import { SHARING_MODES } from './sharing.ts';
import type { PerfScenarioDeclaration, ThresholdDeclaration } from './declaration-types.ts';
import { THRESHOLD_KEYS } from './thresholds.ts';

export type { PerfScenarioDeclaration, ThresholdDeclaration } from './declaration-types.ts';

export class ScenarioDeclarationError extends Error {
  override readonly name = 'ScenarioDeclarationError';
  constructor(
    readonly scenario: string,
    readonly problems: string[],
  ) {
    super(`definePerfScenario ${JSON.stringify(scenario)}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The declaration checked (throws ScenarioDeclarationError listing every problem) and as a catalogue entry. */
export function entryFromDeclaration(declaration: PerfScenarioDeclaration): CatalogueEntry {
  const problems = checkDeclaration(declaration);
  if (problems.length > 0) throw new ScenarioDeclarationError(String(declaration?.name), problems);
  const d = declaration;
  const imageSize = d.imageSize ?? 224;
  const trials = d.trials ?? Math.floor((d.budgetMs as number) / (d.durationMs * d.arms.length));
  const bySharing = Object.fromEntries(
    SHARING_MODES.map((mode) => [mode, Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, valueFor(d.thresholds[key].value, mode)]))]),
  ) as unknown as Record<SharingMode, Thresholds>;
  return {
    name: d.name,
    description: d.description,
    hp: { model: d.models.hp, batch: d.batch.hp, imageSize, rateHz: d.rates.hpHz, arrival: d.arrival },
    lp: { model: d.models.lp, batch: d.batch.lp, imageSize },
    durationMs: d.durationMs,
    trials,
    gpuIndex: d.gpuIndex ?? 0,
    seed: d.seed ?? 1,
    arms: [...d.arms],
    confidence: d.confidence ?? 0.95,
    requiredVerdicts: [...d.requiredVerdicts],
    minTrials: d.minTrials ?? 3,
    sharing: d.sharing,
    thresholds: { bySharing, why: Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, d.thresholds[key].why])) as Record<keyof Thresholds, string> },
    ...(d.workload === undefined ? {} : { workload: d.workload }),
  };
}

const valueFor = (value: ThresholdDeclaration['value'], mode: SharingMode): number => (typeof value === 'number' ? value : value[mode]);

/** A catalogue entry written as a declaration: the built-in specs declare their scenario this way. */
export function declarationOfEntry(entry: CatalogueEntry): PerfScenarioDeclaration {
  return {
    name: entry.name,
    description: entry.description,
    models: { hp: entry.hp.model, lp: entry.lp.model },
    batch: { hp: entry.hp.batch, lp: entry.lp.batch },
    rates: { hpHz: entry.hp.rateHz },
    arrival: entry.hp.arrival,
    imageSize: entry.hp.imageSize,
    durationMs: entry.durationMs,
    trials: entry.trials,
    sharing: entry.sharing,
    arms: [...entry.arms],
    requiredVerdicts: [...entry.requiredVerdicts],
    minTrials: entry.minTrials,
    thresholds: Object.fromEntries(
      THRESHOLD_KEYS.map((key) => [key, { value: Object.fromEntries(SHARING_MODES.map((m) => [m, entry.thresholds.bySharing[m][key]])), why: entry.thresholds.why[key] }]),
    ) as PerfScenarioDeclaration['thresholds'],
    gpuIndex: entry.gpuIndex,
    seed: entry.seed,
    confidence: entry.confidence,
    ...(entry.workload === undefined ? {} : { workload: entry.workload }),
  };
}
