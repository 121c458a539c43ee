// PERF_HISTORY_URL -> a history store: `sqlite:<file>` (embedded, the default) or
// `postgres://user:password@host/db` (shared by several runners). Validated where it enters.

import { resolve } from 'node:path';
import type { HistoryStore } from './history-store.ts';
import { SqlHistoryStore } from './sql-history-store.ts';

export const HISTORY_URL_VARIABLE = 'PERF_HISTORY_URL';
export const DEFAULT_HISTORY_FILE = 'history.sqlite';

export type HistoryTarget = { backend: 'sqlite'; file: string } | { backend: 'postgres'; url: string };

export class HistoryConfigError extends Error {
  override readonly name = 'HistoryConfigError';
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export function parseHistoryUrl(value: string): HistoryTarget {
  const text = value.trim();
  if (/^postgres(ql)?:\/\//.test(text)) return { backend: 'postgres', url: text };
  if (text.startsWith('sqlite:')) {
    const file = text.slice('sqlite:'.length);
    if (file === '') throw new HistoryConfigError(`${HISTORY_URL_VARIABLE}=${JSON.stringify(value)} names no file: use sqlite:results/history.sqlite`);
    return { backend: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  }
  throw new HistoryConfigError(
    `${HISTORY_URL_VARIABLE}=${JSON.stringify(value)} is not a history store: use sqlite:<file> (embedded) or postgres://user:password@host:5432/db`,
  );
}

/** The configured target; null when PERF_HISTORY_URL is unset (runs are then not recorded). */
export function configuredHistoryTarget(env: Record<string, string | undefined>): HistoryTarget | null {
  const value = env[HISTORY_URL_VARIABLE];
  return value === undefined || value.trim() === '' ? null : parseHistoryUrl(value);
}

/** As configuredHistoryTarget, falling back to <resultsDir>/history.sqlite for the history command. */
export function historyTargetOrDefault(env: Record<string, string | undefined>, resultsDir: string): HistoryTarget {
  return configuredHistoryTarget(env) ?? { backend: 'sqlite', file: resolve(resultsDir, DEFAULT_HISTORY_FILE) };
}

/** Opens and migrates the store. The drivers load on demand: a run without history loads neither. */
export async function openHistoryStore(target: HistoryTarget): Promise<HistoryStore> {
  if (target.backend === 'sqlite') {
    const { openSqliteDriver } = await import('./sqlite-driver.ts');
    return SqlHistoryStore.open(openSqliteDriver(target.file), target.file);
  }
  const { openPostgresDriver } = await import('./postgres-driver.ts');
  return SqlHistoryStore.open(await openPostgresDriver(target.url), redactUrl(target.url));
}
