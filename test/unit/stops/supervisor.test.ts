// A suite killed outright (SIGKILL: no handler of it runs) must not leave its children
// running: the worker dies with its parent (stdin EOF for the test double; the native
// worker also has PR_SET_PDEATHSIG), and the supervisor (perf/lib/process/supervisor/)
// stops the xserver and quits the MPS daemon once its pipe from the suite reaches EOF.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { findProcessesWithEnv } from '../../../perf/lib/process/daemon/process-scan.ts';
import { waitUntil } from '../../../perf/lib/process/daemon/wait-until.ts';
import { makeFakeInstall, makeFakeMpsControl, removeFakeInstalls } from '../xsched/fake-install.ts';

afterAll(removeFakeInstalls);

describe('a suite killed with SIGKILL', () => {
  it('leaves no worker, xserver or MPS daemon running 3 s later', { timeout: 30_000 }, async () => {
    const fake = makeFakeInstall();
    mkdirSync(join(fake.scratch, 'empty-proc'));
    const mpsControl = makeFakeMpsControl(fake.scratch);
    const script = resolve(import.meta.dirname, 'supervised-suite-script.ts');
    const suite = execa(process.execPath, ['--import', 'tsx', script, fake.root, fake.driverDir, fake.scratch, mpsControl], { reject: false, buffer: false, stderr: 'inherit' });
    const line = await new Promise<string>((done, fail) => {
      suite.stdout?.once('data', (chunk: Buffer) => done(chunk.toString()));
      suite.once('exit', () => fail(new Error('the suite script exited before starting its children')));
    });
    const { xserverPid, workerPid, pipeDirectory } = JSON.parse(line) as { xserverPid: number; workerPid: number; pipeDirectory: string };
    const mpsPids = findProcessesWithEnv('CUDA_MPS_PIPE_DIRECTORY', pipeDirectory).map((p) => p.pid);
    expect(mpsPids.length).toBeGreaterThan(0); // the daemon (and the worker, which has the variable too)
    for (const pid of [xserverPid, workerPid, ...mpsPids]) expect(isProcessAlive(pid), `pid ${pid} before the kill`).toBe(true);

    suite.kill('SIGKILL');
    await suite;
    const killedAt = Date.now();
    const survivors = (): number[] => [xserverPid, workerPid, ...mpsPids].filter(isProcessAlive);
    // The supervisor's own cleanup (a `quit` to the MPS control program, which carries the pipe
    // directory in its environment) may still be running when the killed processes are gone.
    const mpsLeft = (): number => findProcessesWithEnv('CUDA_MPS_PIPE_DIRECTORY', pipeDirectory).length;
    await waitUntil(() => (survivors().length === 0 && mpsLeft() === 0 ? true : null), { timeoutMs: 3_000, intervalMs: 50 });
    expect(survivors(), `alive ${Date.now() - killedAt} ms after the SIGKILL`).toEqual([]);
    expect(findProcessesWithEnv('CUDA_MPS_PIPE_DIRECTORY', pipeDirectory)).toEqual([]);
  });
});
