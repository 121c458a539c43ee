// Saved files are written whole or not at all: a reader (or a crash half way)
// never sees a truncated baseline or run record.

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to a temporary file in the same directory (so the rename stays on one
 * file system), flushes it to disk, then renames it over `path`. On any failure the
 * temporary file is removed and an existing file at `path` is left as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw new Error(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** JSON with two-space indentation and a final newline, written atomically. */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
