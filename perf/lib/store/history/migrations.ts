// The history schema, versioned: numbered migrations applied in order, each in its own
// transaction, recorded in history_migrations. Never edit a shipped migration: add one.
// The SQL is the common subset of SQLite and PostgreSQL (TEXT, INTEGER, DOUBLE PRECISION).

import type { SqlDriver } from './sql-driver.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs and their per-arm points',
    sql: `
      CREATE TABLE history_runs (
        run_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        scenario TEXT NOT NULL,
        platform TEXT NOT NULL,
        gpu_name TEXT NOT NULL,
        arch TEXT NOT NULL,
        sharing TEXT NOT NULL,
        status TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        commit_sha TEXT,
        branch TEXT,
        dirty INTEGER,
        commit_time TEXT,
        git_note TEXT,
        xsched_version TEXT,
        worker_version TEXT,
        driver_version TEXT,
        runtime_version TEXT,
        suite_version TEXT
      );
      CREATE TABLE history_points (
        run_id TEXT NOT NULL REFERENCES history_runs (run_id) ON DELETE CASCADE,
        arm TEXT NOT NULL,
        metric TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        low DOUBLE PRECISION,
        high DOUBLE PRECISION,
        interval_method TEXT,
        trials TEXT NOT NULL,
        threshold_name TEXT,
        threshold DOUBLE PRECISION,
        PRIMARY KEY (run_id, arm, metric)
      );`,
  },
  {
    version: 2,
    name: 'origin and hostname of each run, index for per-key series',
    sql: `
      ALTER TABLE history_runs ADD COLUMN origin TEXT NOT NULL DEFAULT 'run';
      ALTER TABLE history_runs ADD COLUMN hostname TEXT;
      CREATE INDEX history_runs_by_key ON history_runs (scenario, platform, gpu_name, arch, sharing, commit_time, created_at);`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS history_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

export async function schemaVersion(driver: SqlDriver): Promise<number> {
  await driver.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await driver.all('SELECT CAST(MAX(version) AS INTEGER) AS version FROM history_migrations');
  return Number(rows[0]?.version ?? 0);
}

/**
 * Applies the migrations above the store's version, up to `target`. A store newer than this
 * code throws: an older suite must not write into a schema it does not know.
 */
export async function migrate(driver: SqlDriver, target = LATEST_SCHEMA_VERSION): Promise<number[]> {
  const before = await schemaVersion(driver);
  if (before > LATEST_SCHEMA_VERSION) {
    throw new Error(`the history store is at schema version ${before}, this suite knows up to ${LATEST_SCHEMA_VERSION}: update the suite before writing to it`);
  }
  const applied: number[] = [];
  // Those below the version read above are applied already; each is checked again under the lock.
  for (const migration of MIGRATIONS.filter((m) => m.version > before && m.version <= target)) {
    const done = await driver.transaction(async () => {
      // Runners sharing one PostgreSQL store may start together: one migrates, the others wait.
      if (driver.dialect === 'postgres') await driver.exec('SELECT pg_advisory_xact_lock(7316)');
      const rows = await driver.all('SELECT version FROM history_migrations WHERE version = ?', [migration.version]);
      if (rows.length > 0) return false;
      await driver.exec(migration.sql);
      await driver.run('INSERT INTO history_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
