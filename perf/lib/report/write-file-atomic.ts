// Reports are written whole or not at all: a temporary file in the same
// directory, then a rename, so a reader never sees half a report.

import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new Error(`cannot write ${path} (via ${temp}): check that the directory is writable and the disk not full`, { cause });
  }
}
