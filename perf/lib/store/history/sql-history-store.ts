// The history store over either SQL driver: the same statements for SQLite and PostgreSQL.

import type { HistoryEntry } from '../../documents/types/history.ts';
import type { HistoryFilter, HistoryStore, RecordResult } from './history-store.ts';
import { POINT_COLUMNS, RUN_COLUMNS, pointToRow, rowToPoint, rowToRun, runToRow } from './history-rows.ts';
import { migrate, schemaVersion } from './migrations.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';

const placeholders = (count: number): string => `(${Array.from({ length: count }, () => '?').join(', ')})`;
const INSERT_RUN = `INSERT INTO history_runs (${RUN_COLUMNS.join(', ')}) VALUES ${placeholders(RUN_COLUMNS.length)} ON CONFLICT (run_id) DO NOTHING`;
const ORDER = 'COALESCE(commit_time, created_at), created_at, run_id';
const ID_CHUNK = 500;

function insertPoints(count: number): string {
  const rows = Array.from({ length: count }, () => placeholders(POINT_COLUMNS.length)).join(', ');
  return `INSERT INTO history_points (${POINT_COLUMNS.join(', ')}) VALUES ${rows} ON CONFLICT (run_id, arm, metric) DO NOTHING`;
}

/**
 * Points of the runs `runsWhere` selects. Without a run filter, one scan of the table: looking
 * each run's points up through the key index (IN over every run id) read the 40 MB file in
 * random order and was most of the trend page's query time (docs/history.md, Scale).
 */
function allPointsSql(runsWhere: string, metricSql: string): string {
  const conditions = [runsWhere ? `run_id IN (SELECT run_id FROM history_runs ${runsWhere})` : '', metricSql].filter((c) => c !== '');
  return `SELECT * FROM history_points${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
}

function whereClause(filter: HistoryFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter.key) {
    parts.push('scenario = ? AND platform = ? AND gpu_name = ? AND arch = ? AND sharing = ?');
    params.push(filter.key.scenario, filter.key.platform, filter.key.gpuName, filter.key.arch, filter.key.sharing);
  }
  if (filter.branch !== undefined) {
    parts.push('branch = ?');
    params.push(filter.branch);
  }
  if (filter.acceptedOnly) parts.push('accepted = 1');
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export class SqlHistoryStore implements HistoryStore {
  private constructor(
    private readonly driver: SqlDriver,
    readonly location: string,
  ) {}

  /** Opens the store on `driver`, migrating its schema to the latest version. */
  static async open(driver: SqlDriver, location: string): Promise<SqlHistoryStore> {
    try {
      await migrate(driver);
    } catch (error) {
      await driver.close();
      throw error;
    }
    return new SqlHistoryStore(driver, location);
  }

  schemaVersion(): Promise<number> {
    return schemaVersion(this.driver);
  }

  private async existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      const rows = await this.driver.all(`SELECT run_id FROM history_runs WHERE run_id IN ${placeholders(chunk.length)}`, chunk);
      for (const row of rows) found.add(String(row.run_id));
    }
    return found;
  }

  record(entries: readonly HistoryEntry[]): Promise<RecordResult> {
    return this.driver.transaction(async () => {
      const existing = await this.existingIds(entries.map((e) => e.run.runId));
      let added = 0;
      for (const { run, points } of entries) {
        if (existing.has(run.runId)) continue;
        existing.add(run.runId);
        await this.driver.run(INSERT_RUN, runToRow(run));
        if (points.length > 0) await this.driver.run(insertPoints(points.length), points.flatMap((p) => pointToRow(run.runId, p)));
        added++;
      }
      return { added, alreadyThere: entries.length - added };
    });
  }

  async query(filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
    const where = whereClause(filter);
    let runs = (await this.driver.all(`SELECT * FROM history_runs ${where.sql} ORDER BY ${ORDER}`, where.params)).map(rowToRun);
    if (filter.last !== undefined) runs = runs.slice(Math.max(0, runs.length - filter.last));
    const byId = new Map(runs.map((run) => [run.runId, { run, points: [] } as HistoryEntry]));
    const metrics = filter.metrics ?? [];
    const metricSql = metrics.length > 0 ? `metric IN ${placeholders(metrics.length)}` : '';
    const pointRows =
      filter.last !== undefined
        ? await this.pointsOf([...byId.keys()], metricSql, metrics)
        : await this.driver.all(allPointsSql(where.sql, metricSql), [...where.params, ...metrics]);
    for (const row of pointRows) byId.get(String(row.run_id))?.points.push(rowToPoint(row));
    return [...byId.values()];
  }

  private async pointsOf(ids: string[], metricSql: string, metrics: readonly SqlValue[]) {
    const rows = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      const sql = `SELECT * FROM history_points WHERE run_id IN ${placeholders(chunk.length)}${metricSql ? ` AND ${metricSql}` : ''}`;
      rows.push(...(await this.driver.all(sql, [...chunk, ...metrics])));
    }
    return rows;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
