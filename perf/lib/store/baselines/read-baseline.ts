import { readJsonFileIfPresent } from '../../documents/fs/read-json-file.ts';
import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';
import { baselinePath } from './key.ts';
import { parseBaselineFile } from './parse-baseline.ts';

/**
 * The stored baseline for `key` under `dir`; null only when there is no such file.
 * A file that exists but is unreadable, corrupt, of another schema version or with a
 * missing or mistyped field throws a JsonFileError naming the file and the field.
 */
export async function readBaseline(dir: string, key: BaselineKey): Promise<BaselineFile | null> {
  const file = baselinePath(dir, key);
  const value = await readJsonFileIfPresent(file);
  return value === undefined ? null : parseBaselineFile(file, value, key);
}
