// One xserver per host (XSched's IPC channels are per IPC namespace): runs that want
// one take this lock file first. A lock whose owner died is taken over, unless the
// xserver it started is still running, which is reported rather than shared.

import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../../process/daemon/process-alive.ts';

export interface XserverLockInfo {
  schema: 'xsched-perf.xserver-lock';
  schemaVersion: 1;
  ownerPid: number;
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
  return join(tmpdir(), 'xsched-perf-xserver.lock');
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeAtomically(path: string, info: XserverLockInfo, exclusive: boolean): Promise<boolean> {
  const temp = tempPathFor(path);
  await writeFile(temp, `${JSON.stringify(info, null, 2)}\n`);
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
    return JSON.parse(await readFile(path, 'utf8')) as XserverLockInfo;
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
  const info: XserverLockInfo = {
    schema: 'xsched-perf.xserver-lock',
    schemaVersion: 1,
    ownerPid: process.pid,
    xserverPid: null,
    port: null,
    logPath: null,
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await writeAtomically(path, info, true)) return makeLock(path, info);
    const held = await readLock(path);
    if (held === null) continue; // released between our two looks
    if (isProcessAlive(held.ownerPid)) {
      throw new XserverLockError(`another run owns the host's xserver: ${describeHolder(path, held)}; wait for it to finish (one xserver per host)`);
    }
    if (held.xserverPid !== null && isProcessAlive(held.xserverPid)) {
      throw new XserverLockError(
        `a run that died (pid ${held.ownerPid}) left its xserver running: ${describeHolder(path, held)}; ` +
          `stop it (kill ${held.xserverPid}) and remove ${path}`,
      );
    }
    await rm(path, { force: true }); // stale: owner and its xserver are gone
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
