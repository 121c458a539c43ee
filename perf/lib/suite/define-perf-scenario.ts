// definePerfScenario: a spec file declares its scenario (perf/lib/plan/scenarios/declaration.ts),
// optionally with its team's own rules, and gets the same tests as every scenario: the run's
// validity and each verdict kind. The built-in specs declare theirs from the catalogue
// (builtInScenario), so their names, workloads and baseline keys stay what they were.

import { basename } from 'node:path';
import { expect } from 'vitest';
import { getCatalogueEntry, listBuiltInScenarioNames, registerScenario } from '../plan/scenarios/catalogue.ts';
import { declarationOfEntry, entryFromDeclaration, type PerfScenarioDeclaration } from '../plan/scenarios/declaration.ts';
import { defineScenarioSpec } from './define-scenario-spec.ts';
import type { TeamRules } from './team-rules.ts';

export type { PerfScenarioDeclaration } from '../plan/scenarios/declaration.ts';

/** A built-in scenario as a declaration, e.g. `definePerfScenario(builtInScenario('quick'))`. */
export function builtInScenario(name: string): PerfScenarioDeclaration {
  if (!listBuiltInScenarioNames().includes(name)) {
    throw new Error(`builtInScenario(${JSON.stringify(name)}): not built in; expected one of ${listBuiltInScenarioNames().join(', ')}`);
  }
  return declarationOfEntry(getCatalogueEntry(name));
}

/** A built-in scenario's thresholds with their reasons, to start a declaration's own from. */
export function builtInThresholds(name: string): PerfScenarioDeclaration['thresholds'] {
  return builtInScenario(name).thresholds;
}

/**
 * Checks the declaration (every problem at once, each quoting its value), makes the scenario
 * known to planning, evaluation and baselines, and defines its tests. The spec file must be
 * perf/<name>.perf.ts: that is how PERF_SCENARIOS finds a scenario without loading every spec.
 */
export async function definePerfScenario(declaration: PerfScenarioDeclaration, teamRules?: (rules: TeamRules) => void): Promise<void> {
  const entry = entryFromDeclaration(declaration);
  const specFile = expect.getState().testPath;
  if (specFile !== undefined && basename(specFile) !== `${entry.name}.perf.ts`) {
    throw new Error(`definePerfScenario ${JSON.stringify(entry.name)} is in ${basename(specFile)}: name the spec file ${entry.name}.perf.ts, or the scenario ${basename(specFile, '.perf.ts')}, so PERF_SCENARIOS can select it`);
  }
  registerScenario(entry);
  await defineScenarioSpec(entry.name, teamRules);
}
