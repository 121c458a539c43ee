import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireXserverLock, XserverLockError } from '../../../perf/lib/run/xsched/host-lock.ts';

// Each test its own lock in its own directory, never the host's default lock path.
const lockDirs: string[] = [];
function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xsched-perf-lock-'));
  lockDirs.push(dir);
  return join(dir, 'xserver.lock');
}
afterAll(() => {
  for (const dir of lockDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(path: string, ownerPid: number, xserverPid: number | null): void {
  const info = { schema: 'xsched-perf.xserver-lock', schemaVersion: 1, ownerPid, xserverPid, port: 50000, logPath: null, acquiredAt: '2025-01-01T00:00:00.000Z' };
  writeFileSync(path, JSON.stringify(info));
}

describe('xserver host lock', () => {
  it('is taken, records the xserver, and is released', async () => {
    const path = lockPath();
    const lock = await acquireXserverLock(path);
    await lock.update({ xserverPid: 777, port: 50001, logPath: '/logs/xserver.log' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schema: 'xsched-perf.xserver-lock', schemaVersion: 1, ownerPid: process.pid, xserverPid: 777, port: 50001 });
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses while a live process holds it, naming holder and xserver', async () => {
    const path = lockPath();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeLock(path, holder.pid as number, 999_999);
      const attempt = acquireXserverLock(path);
      await expect(attempt).rejects.toThrow(XserverLockError);
      await expect(attempt).rejects.toThrow(`is held by pid ${holder.pid} since 2025-01-01T00:00:00.000Z, xserver pid 999999 on port 50000`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a stale lock whose owner is dead', async () => {
    const path = lockPath();
    writeLock(path, deadPid(), null);
    const lock = await acquireXserverLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).ownerPid).toBe(process.pid);
    await lock.release();
  });

  it('reports an xserver left running by a dead owner instead of taking over', async () => {
    const path = lockPath();
    const orphan = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeLock(path, deadPid(), orphan.pid as number);
      await expect(acquireXserverLock(path)).rejects.toThrow(`left its xserver running`);
      await expect(acquireXserverLock(path)).rejects.toThrow(`kill ${orphan.pid}`);
    } finally {
      orphan.kill('SIGKILL');
    }
  });

  it('does not remove a lock another owner took after ours was released', async () => {
    const path = lockPath();
    const lock = await acquireXserverLock(path);
    writeLock(path, deadPid(), null); // someone else's lock now sits at the path
    await lock.release();
    expect(existsSync(path)).toBe(true);
  });
});
