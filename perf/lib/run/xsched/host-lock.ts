// One xserver per host (XSched's IPC channels are per IPC namespace): runs that want
// one take this lock file first. A lock whose owner died is taken over, unless the
// xserver it started is still running, which is reported rather than shared. The lock
// lives in a directory only this user can write (lock-directory.ts); another user's
// xserver is caught by the process scan in xserver.ts instead. Pids in it are trusted
// only when their command line matches (lock-holder.ts).

import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { privateLockDirectory, verifyPrivateDirectory } from './lock-directory.ts';
import { commandLineOf, isSameSuiteProcess, isXserverOnPort } from './lock-holder.ts';

export interface XserverLockInfo {
  schema: 'xsched-perf.xserver-lock';
  schemaVersion: 2;
  ownerPid: number;
  /** The owner's /proc/<pid>/cmdline when it took the lock: a reused pid does not match. */
  ownerCommand: string[];
  xserverPid: number | null;
  port: number | null;
  logPath: string | null;
  acquiredAt: string;
}

export interface XserverLock {
  path: string;
  /** Records the xserver this lock covers, so a later run can tell if it outlived us. */
  update(fields: Pick<XserverLockInfo, 'xserverPid' | 'port' | 'logPath'>): Promise<void>;
  release(): Promise<void>;
  /** For process-exit handlers, where nothing asynchronous runs. */
  releaseSync(): void;
}

export class XserverLockError extends Error {
  override readonly name = 'XserverLockError';
}

export function defaultXserverLockPath(): string {
  return join(privateLockDirectory(), 'xserver.lock');
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeAtomically(path: string, info: XserverLockInfo, exclusive: boolean): Promise<boolean> {
  const temp = tempPathFor(path);
  await writeFile(temp, `${JSON.stringify(info, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  try {
    // link() fails if the lock exists, so a lock is never seen half written.
    if (exclusive) await link(temp, path);
    else await rename(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

async function readLock(path: string): Promise<XserverLockInfo | null> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as XserverLockInfo;
    if (info.schema !== 'xsched-perf.xserver-lock' || info.schemaVersion !== 2 || !Array.isArray(info.ownerCommand)) {
      throw new Error(`not an xsched-perf.xserver-lock version 2 (schema ${JSON.stringify(info.schema)}, version ${JSON.stringify(info.schemaVersion)})`);
    }
    return info;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new XserverLockError(`xserver lock ${path} is unreadable (${(error as Error).message}): remove it if no suite is running`, { cause: error });
  }
}

function describeHolder(path: string, held: XserverLockInfo): string {
  const port = held.port === null ? '' : ` on port ${held.port}`;
  const server = held.xserverPid === null ? '' : `, xserver pid ${held.xserverPid}${port}`;
  return `${path} is held by pid ${held.ownerPid} since ${held.acquiredAt}${server}`;
}

export async function acquireXserverLock(path: string = defaultXserverLockPath()): Promise<XserverLock> {
  verifyPrivateDirectory(dirname(path));
  const info: XserverLockInfo = {
    schema: 'xsched-perf.xserver-lock',
    schemaVersion: 2,
    ownerPid: process.pid,
    ownerCommand: commandLineOf(process.pid) ?? process.argv,
    xserverPid: null,
    port: null,
    logPath: null,
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await writeAtomically(path, info, true)) return makeLock(path, info);
    const held = await readLock(path);
    if (held === null) continue; // released between our two looks
    if (isSameSuiteProcess(held.ownerPid, held.ownerCommand)) {
      throw new XserverLockError(`another run owns the host's xserver: ${describeHolder(path, held)}; wait for it to finish (one xserver per host)`);
    }
    if (held.xserverPid !== null && isXserverOnPort(held.xserverPid, held.port)) {
      throw new XserverLockError(
        `a run that died (pid ${held.ownerPid}) left its xserver running: ${describeHolder(path, held)}; ` +
          `stop it (kill ${held.xserverPid}) and remove ${path}`,
      );
    }
    await rm(path, { force: true }); // stale: owner and its xserver are gone (or their pids now name other programs)
  }
  throw new XserverLockError(`could not take the xserver lock ${path} after 5 attempts: other runs keep racing for it`);
}

function makeLock(path: string, initial: XserverLockInfo): XserverLock {
  let info = initial;
  const ownsLock = (): boolean => {
    try {
      return (JSON.parse(readFileSync(path, 'utf8')) as XserverLockInfo).ownerPid === process.pid;
    } catch {
      return false;
    }
  };
  return {
    path,
    async update(fields) {
      info = { ...info, ...fields };
      await writeAtomically(path, info, false);
    },
    async release() {
      if (ownsLock()) await rm(path, { force: true });
    },
    releaseSync() {
      if (ownsLock()) rmSync(path, { force: true });
    },
  };
}
