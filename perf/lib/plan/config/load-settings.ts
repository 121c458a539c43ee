// Settings from defaults, then the optional config file, then the environment
// (the environment wins). Every problem is collected and reported at once.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE_NAME, readConfigFile, type ConfigFileEntry } from './config-file.ts';
import { CONFIG_FILE_VARIABLE, findUnknownVariableWarnings } from './known-variables.ts';
import { SettingsError, TIMING_DEFAULTS, type Settings } from './settings.ts';
import { SETTING_VARIABLES, type SettingsDraft } from './variables.ts';

function defaultDraft(cwd: string): SettingsDraft {
  return {
    scenarios: ['quick'],
    overrides: {},
    overrideSources: {},
    resultsDir: resolve(cwd, 'results'),
    baselinesDir: resolve(cwd, 'baselines'),
    replayPath: null,
    requireGpu: false,
    ...TIMING_DEFAULTS,
    environmentSampleMs: null,
    requireBaseline: false,
    strict: false,
    updateBaselines: false,
    cpus: { mode: 'auto' },
    workerPath: null,
  };
}

function findConfigFile(env: Record<string, string | undefined>, cwd: string, problems: string[]): string | null {
  const named = env[CONFIG_FILE_VARIABLE]?.trim();
  if (named) {
    const file = resolve(cwd, named);
    if (existsSync(file)) return file;
    problems.push(`${CONFIG_FILE_VARIABLE}=${JSON.stringify(named)}: expected the path of an existing JSON config file (${file} does not exist)`);
    return null;
  }
  const implicit = resolve(cwd, DEFAULT_CONFIG_FILE_NAME);
  return existsSync(implicit) ? implicit : null;
}

function readFileEntries(file: string, problems: string[]): ConfigFileEntry[] {
  try {
    const { entries, problems: fileProblems } = readConfigFile(file);
    problems.push(...fileProblems);
    return entries;
  } catch (error) {
    problems.push((error as Error).message);
    return [];
  }
}

/** CI=true (GitHub Actions, GitLab) or CI=1: a CI job, where only a pass may be green. */
export function isCiEnvironment(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value === 'true' || value === '1';
}

/**
 * Validated settings. Empty variables count as unset (CI templates often set them to "").
 * Throws SettingsError listing every rejected value; unknown PERF_* variables end up in
 * `warnings`, which the caller prints, or, in strict mode, among the errors.
 */
export function loadSettings(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Settings {
  const draft = defaultDraft(cwd);
  const problems: string[] = [];
  const configFile = findConfigFile(env, cwd, problems);
  const fileEntries = configFile ? readFileEntries(configFile, problems) : [];
  for (const { variable, raw, source, baseDir } of fileEntries) {
    if (!variable.apply(raw.trim(), draft, source, baseDir)) {
      problems.push(`${source}=${JSON.stringify(raw)}: expected ${variable.accepted}`);
    }
  }
  for (const variable of SETTING_VARIABLES) {
    const raw = env[variable.env]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!variable.apply(raw, draft, variable.env, cwd)) {
      problems.push(`${variable.env}=${JSON.stringify(env[variable.env])}: expected ${variable.accepted}`);
    }
  }
  // The environment may only switch strict mode on: CI=true with PERF_STRICT=0 stays strict.
  draft.strict ||= isCiEnvironment(env);
  const unknown = findUnknownVariableWarnings(env);
  // A typo must not pass silently where only a pass is green (a CI job): there it stops the run.
  if (draft.strict) problems.push(...unknown.map((warning) => `${warning} (an error in strict mode: PERF_STRICT=1 or CI=true)`));
  if (problems.length > 0) throw new SettingsError(problems);
  return { ...draft, configFile, warnings: draft.strict ? [] : unknown.map((warning) => `${warning} (ignored)`) };
}
