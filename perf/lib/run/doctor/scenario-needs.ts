// What the selected scenarios need from the host: the settings a run would load
// (PERF_SCENARIOS, PERF_SHARING, the config file; plan/config/load-settings.ts), and which
// scenarios share the GPU through MPS. Invalid settings stop a run before any GPU time, so
// the doctor names them the same way.

import { loadSettings, SettingsError, type Settings } from '../../plan/config/index.ts';
import { getCatalogueEntry } from '../../plan/scenarios/catalogue.ts';
import type { SharingRequest } from '../../plan/scenarios/sharing.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix } from './finding.ts';

export interface ScenarioNeeds {
  /** Each selected scenario with the sharing mode it asks for. */
  requests: Array<{ scenario: string; sharing: SharingRequest }>;
  /** Selected scenarios that run under MPS (an *-mps scenario, or PERF_SHARING=mps). */
  mps: string[];
  /** Selected scenarios whose workers share the GPU as separate processes. */
  separateProcesses: string[];
}

/** The settings a run would load, or the config.settings line naming why they are invalid. */
export function readDoctorSettings(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Settings | DoctorFinding {
  try {
    return loadSettings(env, cwd);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return mustFix('config.settings', error.problems.join('; '), 'correct the values named (docs/configuration.md)');
  }
}

export function scenarioNeedsOf(settings: Settings): ScenarioNeeds {
  const needs: ScenarioNeeds = { requests: [], mps: [], separateProcesses: [] };
  for (const name of settings.scenarios) {
    const sharing = settings.overrides.sharing ?? getCatalogueEntry(name).sharing;
    needs.requests.push({ scenario: name, sharing });
    (sharing === 'mps' ? needs.mps : needs.separateProcesses).push(name);
  }
  return needs;
}
