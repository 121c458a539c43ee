// Saved files are written whole or not at all: a reader (or a crash half way)
// never sees a truncated baseline or run record.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to a temporary file in the same directory (so the rename stays on one
 * file system), flushes it to disk, then renames it over `path`. On any failure the
 * temporary file is removed and an existing file at `path` is left as it was.
 */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The file-system calls the atomic write makes; tests pass observing wrappers of the real ones. */
export interface AtomicWriteFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const NODE_FS: AtomicWriteFs = { open, rename, rm };

export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicWriteFs = NODE_FS): Promise<void> {
  const tempPath = tempPathFor(path);
  try {
    const handle = await fs.open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, path);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw new Error(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The same, synchronously: nothing else of this process runs between creating the
 * temporary file and renaming it, so a stop handler or process.exit elsewhere cannot
 * leave it behind half-written (only SIGKILL can). Used for run.json, which is written
 * while the suite is being stopped.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tempPath = tempPathFor(path);
  try {
    const fd = openSync(tempPath, 'wx');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, path);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw new Error(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** The text of a saved JSON file: two-space indentation and a final newline. */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** JSON with two-space indentation and a final newline, written atomically. */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, jsonFileText(value));
}
