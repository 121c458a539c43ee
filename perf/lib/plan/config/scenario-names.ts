// The scenario names PERF_SCENARIOS may select: the built-in ones, those declared in this
// process, and those a spec file declares by its name (perf/<name>.perf.ts): each spec file
// is loaded on its own, so the quick spec must accept PERF_SCENARIOS=<a scenario another
// spec declares> without loading that spec (definePerfScenario keeps name and file name equal).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listBuiltInScenarioNames, listScenarioNames } from '../scenarios/catalogue.ts';

const SPEC_SUFFIX = '.perf.ts';

export function knownScenarioNames(baseDir: string): string[] {
  let specNames: string[] = [];
  try {
    specNames = readdirSync(join(baseDir, 'perf')).filter((file) => file.endsWith(SPEC_SUFFIX)).map((file) => file.slice(0, -SPEC_SUFFIX.length));
  } catch {
    // No perf/ folder under baseDir (a config file elsewhere, a test's temporary directory).
  }
  return [...new Set([...listScenarioNames(), ...specNames])];
}

export const SCENARIOS_ACCEPTED = `a comma list of distinct scenario names from ${listBuiltInScenarioNames().join(', ')}, or declared by a spec file perf/<name>.perf.ts`;
