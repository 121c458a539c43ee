// PERF_* names this suite knows, so a misspelt one is reported instead of being
// silently ignored. The XSched and MPS variables are parsed by perf/lib/run/xsched and
// perf/lib/run/sharing; they are listed here only so they are not reported, and the
// XSched names come from that module so the two lists cannot drift apart.

import { XSCHED_INSTALL_VARIABLES, XSCHED_SETTING_NAMES } from './xsched-settings.ts';
import { SETTING_VARIABLES } from './variables.ts';
import { EXTRA_ALLOW_VARIABLE } from '../../process/allowed-env.ts';
import { ALL_SWEEP_VARIABLES } from '../sweeps/sweep-settings.ts';

export const CONFIG_FILE_VARIABLE = 'PERF_CONFIG';

/** Read by perf/lib/run/sharing (mps-binary.ts). */
const SHARING_MODULE_VARIABLES = ['PERF_MPS_CONTROL'];

/** Read by perf/lib/store/history (docs/history.md). */
const HISTORY_MODULE_VARIABLES = ['PERF_HISTORY_URL', 'PERF_BASELINE_FROM', 'PERF_TEST_POSTGRES_URL'];
/** Read by perf/lib/process/allowed-env.ts (every child process's environment). */
const PROCESS_MODULE_VARIABLES = [EXTRA_ALLOW_VARIABLE];

export const OTHER_MODULE_VARIABLES: readonly string[] = [...XSCHED_SETTING_NAMES, ...XSCHED_INSTALL_VARIABLES, ...SHARING_MODULE_VARIABLES, ...HISTORY_MODULE_VARIABLES, ...PROCESS_MODULE_VARIABLES, ...ALL_SWEEP_VARIABLES];

export function listKnownPerfVariables(): string[] {
  return [...new Set([CONFIG_FILE_VARIABLE, ...SETTING_VARIABLES.map((v) => v.env), ...OTHER_MODULE_VARIABLES])].sort();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** One warning per PERF_* variable in `env` that nothing reads, with the closest known name. */
export function findUnknownVariableWarnings(env: Record<string, string | undefined>): string[] {
  const known = listKnownPerfVariables();
  return Object.keys(env)
    .filter((name) => name.startsWith('PERF_') && !known.includes(name))
    .sort()
    .map((name) => {
      const closest = known.reduce((best, k) => (editDistance(name, k) < editDistance(name, best) ? k : best));
      const hint = editDistance(name, closest) <= 3 ? `did you mean ${closest}?` : `known: ${known.join(', ')}`;
      return `${name}: unknown; ${hint}`;
    });
}
