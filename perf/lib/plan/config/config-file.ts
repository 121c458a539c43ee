// The optional JSON config file (PERF_CONFIG, or xsched-perf.config.json in the
// working directory): the same settings as the environment, under camelCase keys.
// Unlike the environment, the file belongs to the suite alone, so an unknown key
// is an error, not a warning.

import { dirname } from 'node:path';
import { readJsonFileSync } from '../../documents/fs/read-json-file.ts';
import { SETTING_VARIABLES, type SettingVariable } from './variables.ts';

export const DEFAULT_CONFIG_FILE_NAME = 'xsched-perf.config.json';
export const CONFIG_SCHEMA = 'xsched-perf.config';
export const CONFIG_SCHEMA_VERSION = 1;

export interface ConfigFileEntry {
  variable: SettingVariable;
  /** The value as text, the form the parsers take. */
  raw: string;
  /** For messages and override records: `<file> "trials"`. */
  source: string;
  /** Directory relative paths in the file resolve against. */
  baseDir: string;
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return undefined;
}

/** Entries to apply plus every problem found (all reported together). Throws only for unreadable JSON. */
export function readConfigFile(file: string): { entries: ConfigFileEntry[]; problems: string[] } {
  const doc = readJsonFileSync(file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { entries: [], problems: [`${file}: expected a JSON object of settings`] };
  }
  const byKey = new Map(SETTING_VARIABLES.filter((v) => v.fileKey !== null).map((v) => [v.fileKey as string, v]));
  const entries: ConfigFileEntry[] = [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'schema' && value === CONFIG_SCHEMA) continue;
    if (key === 'schemaVersion' && value === CONFIG_SCHEMA_VERSION) continue;
    if (key === 'schema' || key === 'schemaVersion') {
      const expected = key === 'schema' ? JSON.stringify(CONFIG_SCHEMA) : CONFIG_SCHEMA_VERSION;
      problems.push(`${file}: "${key}" = ${JSON.stringify(value)}: expected ${expected} (or leave it out)`);
      continue;
    }
    const variable = byKey.get(key);
    if (!variable) {
      problems.push(`${file}: unknown key "${key}"; known keys: ${[...byKey.keys()].join(', ')}`);
      continue;
    }
    const raw = toText(value);
    if (raw === undefined) {
      problems.push(`${file}: "${key}" = ${JSON.stringify(value)}: expected ${variable.accepted}`);
      continue;
    }
    entries.push({ variable, raw, source: `${file} "${key}"`, baseDir: dirname(file) });
  }
  return { entries, problems };
}
