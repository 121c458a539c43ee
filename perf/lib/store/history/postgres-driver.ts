// The shared backend: PostgreSQL through `pg`, one client per store, for teams whose
// runners all write to one database (docs/history.md).

import pg from 'pg';
import { inTransaction, type SqlDriver, type SqlRow, type SqlValue } from './sql-driver.ts';

/** `?` placeholders as PostgreSQL's $1, $2, ...; the store's SQL has no `?` inside strings. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function openPostgresDriver(url: string): Promise<SqlDriver> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // DOUBLE PRECISION comes back as a number already; BIGINT (COUNT) as text, so cast in SQL.
  const query = async (sql: string, params: readonly SqlValue[]): Promise<SqlRow[]> => (await client.query(numberPlaceholders(sql), [...params])).rows as SqlRow[];
  const driver: SqlDriver = {
    dialect: 'postgres',
    exec: async (sql) => void (await client.query(sql)),
    run: async (sql, params = []) => void (await query(sql, params)),
    all: (sql, params = []) => query(sql, params),
    transaction: (work) => inTransaction(driver, work),
    close: () => client.end(),
  };
  return driver;
}
