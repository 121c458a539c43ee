import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { makeFakeInstall, removeFakeInstalls } from '../xsched/fake-install.ts';

afterAll(removeFakeInstalls);

describe('exit cleanup', () => {
  it('kills the xserver and frees the lock when the suite exits without closing', () => {
    const fake = makeFakeInstall();
    const procRoot = join(fake.scratch, 'proc');
    mkdirSync(procRoot);
    const lockPath = join(fake.scratch, 'xserver.lock');
    const script = resolve(import.meta.dirname, 'exit-cleanup-script.ts');
    execFileSync(process.execPath, ['--import', 'tsx', script, fake.root, fake.driverDir, lockPath, fake.scratch, procRoot], { timeout: 20_000 });
    const log = readFileSync(join(fake.scratch, 'xsched-t0-xserver.log'), 'utf8');
    const pid = Number(/\[XSCHED INFO @ T (\d+) @/.exec(log)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(lockPath)).toBe(false);
  });
});
