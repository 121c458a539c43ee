import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireXserverLock, XserverLockError } from '../../../perf/lib/run/xsched/host-lock.ts';
import { privateLockDirectory } from '../../../perf/lib/run/xsched/lock-directory.ts';
import { commandLineOf } from '../../../perf/lib/run/xsched/lock-holder.ts';

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

/** The pid of a process that has already exited (a shell, not a node: a node start is a second of
 * CPU on a loaded 2-core machine, and spawnSync blocks this worker meanwhile). */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A lock as another run writes it; the owner's command line is read from /proc unless given. */
function writeLock(path: string, ownerPid: number, xserverPid: number | null, ownerCommand = commandLineOf(ownerPid) ?? ['node', 'gone']): void {
  const info = { schema: 'xsched-perf.xserver-lock', schemaVersion: 2, ownerPid, ownerCommand, xserverPid, port: 50000, logPath: null, acquiredAt: '2025-01-01T00:00:00.000Z' };
  writeFileSync(path, JSON.stringify(info));
}

/** A live process with these words after its command, blocked on its open stdin until killed: a
 * shell builtin, so the command line stays the shell's (`sh -c read <name> ...`). */
function spawnIdle(...words: string[]) {
  return spawn('sh', ['-c', 'read line', ...words]);
}

/** A live process whose command line looks like `xserver HPF 50000`, the port writeLock records. */
function spawnXserverLookalike() {
  return spawnIdle('fake-xserver', 'HPF', '50000');
}

async function commandLineReady(pid: number, word: string): Promise<void> {
  for (let i = 0; i < 100 && !(commandLineOf(pid) ?? []).includes(word); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('xserver host lock', () => {
  it('is taken, records the xserver, and is released', async () => {
    const path = lockPath();
    const lock = await acquireXserverLock(path);
    await lock.update({ xserverPid: 777, port: 50001, logPath: '/logs/xserver.log' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schema: 'xsched-perf.xserver-lock', schemaVersion: 2, ownerPid: process.pid, xserverPid: 777, port: 50001 });
    expect(JSON.parse(readFileSync(path, 'utf8')).ownerCommand).toEqual(commandLineOf(process.pid));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses while a live process holds it, naming holder and xserver', async () => {
    const path = lockPath();
    const holder = spawnIdle('suite-holder');
    try {
      await commandLineReady(holder.pid as number, 'suite-holder');
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
    const orphan = spawnXserverLookalike();
    try {
      await commandLineReady(orphan.pid as number, 'fake-xserver');
      writeLock(path, deadPid(), orphan.pid as number);
      await expect(acquireXserverLock(path)).rejects.toThrow(`left its xserver running`);
      await expect(acquireXserverLock(path)).rejects.toThrow(`kill ${orphan.pid}`);
    } finally {
      orphan.kill('SIGKILL');
    }
  });

  it('takes over a lock whose owner pid now names another program (a reused pid), instead of waiting for it', async () => {
    const path = lockPath();
    const stranger = spawnIdle('stranger');
    try {
      writeLock(path, stranger.pid as number, null, ['node', '/somewhere/vitest.mjs', 'run', 'perf']);
      const lock = await acquireXserverLock(path);
      expect(JSON.parse(readFileSync(path, 'utf8')).ownerPid).toBe(process.pid);
      await lock.release();
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('never advises killing a recorded xserver pid that is now another program', async () => {
    const path = lockPath();
    const stranger = spawnIdle('stranger');
    try {
      writeLock(path, deadPid(), stranger.pid as number);
      const lock = await acquireXserverLock(path); // stale: taken over, no "kill <pid>"
      await lock.release();
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('refuses a lock directory others can write, and a lock of another schema version', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'xsched-perf-lock-'));
    lockDirs.push(shared);
    chmodSync(shared, 0o777);
    await expect(acquireXserverLock(join(shared, 'xserver.lock'))).rejects.toThrow(/lock directory .* has mode 777; others could replace the lock/);
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ schema: 'xsched-perf.xserver-lock', schemaVersion: 1, ownerPid: deadPid() }));
    await expect(acquireXserverLock(path)).rejects.toThrow(/is unreadable \(not an xsched-perf\.xserver-lock version 2/);
  });

  it('lives in a 0700 directory of its own under XDG_RUNTIME_DIR, and refuses a link or an open directory there', () => {
    const runtime = mkdtempSync(join(tmpdir(), 'xsched-perf-runtime-'));
    lockDirs.push(runtime);
    const dir = privateLockDirectory({ XDG_RUNTIME_DIR: runtime });
    expect(dir).toBe(join(runtime, 'xsched-perf'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    chmodSync(dir, 0o755);
    expect(() => privateLockDirectory({ XDG_RUNTIME_DIR: runtime })).toThrow(/has mode 755/);
    rmSync(dir, { recursive: true });
    mkdirSync(join(runtime, 'elsewhere'), { mode: 0o700 });
    symlinkSync(join(runtime, 'elsewhere'), dir);
    expect(() => privateLockDirectory({ XDG_RUNTIME_DIR: runtime })).toThrow(/is a symbolic link/);
  });

  it('does not remove a lock another owner took after ours was released', async () => {
    const path = lockPath();
    const lock = await acquireXserverLock(path);
    writeLock(path, deadPid(), null); // someone else's lock now sits at the path
    await lock.release();
    expect(existsSync(path)).toBe(true);
  });
});
