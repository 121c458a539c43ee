// The embedded backend: one SQLite file through better-sqlite3, no server. Statements are
// prepared once and reused, which is what makes importing 10 000 runs fast.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { inTransaction, type SqlDriver, type SqlRow, type SqlValue } from './sql-driver.ts';

export function openSqliteDriver(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL: a reader (the trend page) does not block the suite recording a run.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache, not the default 2 MiB: the trend page reads every point of a 40 MB
  // store (10 000 runs, docs/history.md Scale) and the small cache re-read pages from the OS.
  db.pragma('cache_size = -65536');
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  const driver: SqlDriver = {
    dialect: 'sqlite',
    exec: async (sql) => void db.exec(sql),
    run: async (sql, params: readonly SqlValue[] = []) => void statement(sql).run(...params),
    all: async (sql, params: readonly SqlValue[] = []) => statement(sql).all(...params) as SqlRow[],
    transaction: (work) => inTransaction(driver, work),
    close: async () => void db.close(),
  };
  return driver;
}
