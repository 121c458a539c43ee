// Where the xserver host lock lives: a directory only this user can write, so no other
// account can plant, replace or remove the lock (docs/security.md). $XDG_RUNTIME_DIR
// (per user, 0700, set by systemd-logind) when there is one, else a directory named
// after the uid in the temporary directory, created 0700 and verified either way.

import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class LockDirectoryError extends Error {
  override readonly name = 'LockDirectoryError';
}

function currentUid(): number {
  if (typeof process.getuid !== 'function') throw new LockDirectoryError('the xserver host lock needs a POSIX system (process.getuid is missing)');
  return process.getuid();
}

/** Throws unless `dir` is a real directory (not a link) owned by this user that nobody else can write or read. */
export function verifyPrivateDirectory(dir: string): void {
  const uid = currentUid();
  const stats = lstatSync(dir);
  const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
  let problem: string | null = null;
  if (!stats.isDirectory()) problem = stats.isSymbolicLink() ? 'is a symbolic link' : 'is not a directory';
  else if (stats.uid !== uid) problem = `is owned by uid ${stats.uid}, not this user (uid ${uid})`;
  else if ((stats.mode & 0o077) !== 0) problem = `has mode ${mode}; others could replace the lock (expected 700)`;
  if (problem !== null) {
    throw new LockDirectoryError(`the xserver lock directory ${dir} ${problem}: remove it (or chmod 700 it if it is yours) and run again`);
  }
}

/** The private directory for the lock, created if missing, verified always. */
export function privateLockDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const runtimeDir = (env.XDG_RUNTIME_DIR ?? '').trim();
  const dir = runtimeDir !== '' ? join(runtimeDir, 'xsched-perf') : join(tmpdir(), `xsched-perf-${currentUid()}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new LockDirectoryError(`cannot create the xserver lock directory ${dir}: ${(error as Error).message}`, { cause: error });
    }
  }
  verifyPrivateDirectory(dir);
  return dir;
}
