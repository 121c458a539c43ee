// The same tests against both backends: an embedded SQLite file always, and a real
// PostgreSQL when PERF_TEST_POSTGRES_URL is set (.ci/run starts one; docs/history.md).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../perf/lib/documents/types/history.ts';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../perf/lib/store/history/migrations.ts';
import { openPostgresDriver } from '../../../perf/lib/store/history/postgres-driver.ts';
import type { SqlDriver } from '../../../perf/lib/store/history/sql-driver.ts';
import { SqlHistoryStore } from '../../../perf/lib/store/history/sql-history-store.ts';
import { openSqliteDriver } from '../../../perf/lib/store/history/sqlite-driver.ts';
import { SYNTHETIC_KEY, syntheticEntry } from '../../fixtures/history/synthetic-entries.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const postgresUrl = process.env.PERF_TEST_POSTGRES_URL?.trim() || null;

interface Backend {
  name: string;
  /** A driver on an empty database. */
  fresh(): Promise<SqlDriver>;
}

const sqlite: Backend = { name: 'sqlite file', fresh: async () => openSqliteDriver(join(makeTempDir('history-store-'), 'history.sqlite')) };

const postgres: Backend = {
  name: 'postgresql',
  async fresh() {
    const driver = await openPostgresDriver(postgresUrl as string);
    await driver.exec('DROP TABLE IF EXISTS history_points, history_runs, history_migrations');
    return driver;
  },
};

it('tests PostgreSQL in CI (CI=true needs PERF_TEST_POSTGRES_URL; .ci/run sets it)', () => {
  if (process.env.CI === 'true' && postgresUrl === null) {
    throw new Error('CI=true but PERF_TEST_POSTGRES_URL is not set: the PostgreSQL backend would go untested');
  }
});

const sortPoints = (entry: HistoryEntry): HistoryEntry => ({ ...entry, points: [...entry.points].sort((a, b) => `${a.arm}/${a.metric}`.localeCompare(`${b.arm}/${b.metric}`)) });

// Sequential: the PostgreSQL tests share one database.
describe.sequential.each([
  { backend: sqlite, skip: false },
  { backend: postgres, skip: postgresUrl === null },
])('history store on $backend.name', ({ backend, skip }) => {
  const test = skip ? it.skip : it;
  const open = async (): Promise<SqlHistoryStore> => SqlHistoryStore.open(await backend.fresh(), backend.name);

  test('migrates an empty store to the latest schema version', async () => {
    const driver = await backend.fresh();
    expect(await migrate(driver)).toEqual([1, 2]);
    expect(await migrate(driver)).toEqual([]);
    const rows = await driver.all('SELECT version, name FROM history_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
    await driver.close();
  });

  test('migrates a v1 store to the latest, keeping its runs', async () => {
    const driver = await backend.fresh();
    expect(await migrate(driver, 1)).toEqual([1]);
    await driver.run(
      `INSERT INTO history_runs (run_id, created_at, scenario, platform, gpu_name, arch, sharing, status, accepted, commit_sha, branch, dirty, commit_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['v1-run', '2026-01-01T00:00:00.000Z', 'quick', 'cuda', 'SYNTHETIC GPU', 'sm_90', 'mps', 'pass', 1, 'abc1234', 'main', 0, '2026-01-01T00:00:00.000Z'],
    );
    const store = await SqlHistoryStore.open(driver, backend.name);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const [entry] = await store.query();
    expect(entry?.run).toMatchObject({ runId: 'v1-run', commit: 'abc1234', origin: 'run', hostname: null, accepted: true, dirty: false });
    await store.close();
  });

  test('refuses a store whose schema is newer than this suite', async () => {
    const driver = await backend.fresh();
    await migrate(driver);
    await driver.run('INSERT INTO history_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'from the future', 'x']);
    await expect(SqlHistoryStore.open(driver, backend.name)).rejects.toThrow(/schema version 99, this suite knows up to 2/);
  });

  test('gives back what it recorded, and recording again adds nothing', async () => {
    const store = await open();
    const entries = [0, 1, 2].map((index) => syntheticEntry({ index }));
    expect(await store.record(entries)).toEqual({ added: 3, alreadyThere: 0 });
    expect(await store.record(entries.slice(1))).toEqual({ added: 0, alreadyThere: 2 });
    expect((await store.query()).map(sortPoints)).toEqual(entries.map(sortPoints));
    await store.close();
  });

  test('orders by commit time, and runs without a commit by their own time', async () => {
    const store = await open();
    const late = syntheticEntry({ index: 5 });
    const early = syntheticEntry({ index: 1 });
    const noCommit = syntheticEntry({ index: 3 });
    noCommit.run = { ...noCommit.run, commit: null, commitTime: null, branch: null, dirty: null, gitNote: 'not a git checkout' };
    await store.record([late, noCommit, early]);
    expect((await store.query()).map((e) => e.run.runId)).toEqual([early, noCommit, late].map((e) => e.run.runId));
    await store.close();
  });

  test('filters by key, branch and accepted, and takes the last N', async () => {
    const store = await open();
    const otherKey = { ...SYNTHETIC_KEY, sharing: 'time-sliced' as const };
    await store.record([
      syntheticEntry({ index: 0 }),
      syntheticEntry({ index: 1, status: 'invalid' }),
      syntheticEntry({ index: 2, status: 'aborted' }),
      syntheticEntry({ index: 3, branch: 'feature' }),
      syntheticEntry({ index: 4, key: otherKey }),
      syntheticEntry({ index: 5 }),
      syntheticEntry({ index: 6, status: 'fail' }),
    ]);
    const ids = async (filter: Parameters<SqlHistoryStore['query']>[0]) => (await store.query(filter)).map((e) => Number(e.run.runId.slice(-5)));
    expect(await ids({ key: SYNTHETIC_KEY })).toEqual([0, 1, 2, 3, 5, 6]);
    expect(await ids({ key: SYNTHETIC_KEY, branch: 'main', acceptedOnly: true })).toEqual([0, 5, 6]);
    expect(await ids({ key: SYNTHETIC_KEY, branch: 'main', acceptedOnly: true, last: 2 })).toEqual([5, 6]);
    const [last] = await store.query({ key: otherKey, last: 1 });
    expect(last?.points.length).toBeGreaterThan(0);
    await store.close();
  });

  test('reads only the metrics asked for, with every run still there, filtered or not', async () => {
    const store = await open();
    const entries = [0, 1, 2].map((index) => syntheticEntry({ index, branch: index === 1 ? 'feature' : 'main' }));
    await store.record(entries);
    const only = (entry: HistoryEntry, metrics: string[]) => sortPoints({ ...entry, points: entry.points.filter((p) => metrics.includes(p.metric)) });
    const metrics = ['hpP99Ms', 'lpIterPerSec'] as const;
    expect((await store.query({ metrics })).map(sortPoints)).toEqual(entries.map((e) => only(e, [...metrics])));
    expect((await store.query({ branch: 'main', metrics: ['hpP50Ms'] })).map(sortPoints)).toEqual([entries[0]!, entries[2]!].map((e) => only(e, ['hpP50Ms'])));
    expect((await store.query({ last: 1, metrics: ['hpP99Ms'] })).map(sortPoints)).toEqual([only(entries[2]!, ['hpP99Ms'])]);
    await store.close();
  });
});
