// The little SQL both history backends speak: one connection, `?` placeholders (the
// PostgreSQL driver numbers them), explicit transactions. The store's SQL is written once.

export type SqlDialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlDriver {
  readonly dialect: SqlDialect;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** BEGIN, `work`, COMMIT; ROLLBACK and rethrow when `work` throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Shared by both drivers: the same BEGIN/COMMIT/ROLLBACK around `work`. */
export async function inTransaction<T>(driver: Pick<SqlDriver, 'exec'>, work: () => Promise<T>): Promise<T> {
  await driver.exec('BEGIN');
  try {
    const result = await work();
    await driver.exec('COMMIT');
    return result;
  } catch (error) {
    await driver.exec('ROLLBACK');
    throw error;
  }
}
