// spawnWorker and stopWith against the fake worker (test double), which must stop
// on SIGTERM and stdin EOF the way docs/protocol.md says the real worker does.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalProcessGroup } from '../../../perf/lib/process/process-groups.ts';
import { spawnWorker, type WorkerProcess } from '../../../perf/lib/run/worker/worker-process.ts';
import { FAKE_WORKER_PATH } from '../orchestrate/scenario-fixtures.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

async function startFake(env: Record<string, string> = {}, onProgress?: (count: number) => void): Promise<{ worker: WorkerProcess; resultPath: string }> {
  const dir = makeTempDir('xsp-worker-');
  const resultPath = join(dir, 'hp.json');
  const worker = await spawnWorker({
    workerPath: FAKE_WORKER_PATH,
    args: ['--role', 'hp', '--model', 'resnet18', '--result', resultPath, '--duration-ms', '5000', '--rate-hz', '20'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    role: 'hp',
    logPath: join(dir, 'logs', 'hp.log'),
    killGraceMs: 2_000,
    onProgress,
  });
  return { worker, resultPath };
}

describe.concurrent('a worker process', () => {
  it('stops mid-run on SIGTERM with a partial result and exit code 10', async () => {
    let measuring = (): void => {};
    const firstProgress = new Promise<void>((resolve) => (measuring = resolve));
    const { worker, resultPath } = await startFake({ FAKE_WORKER_PROGRESS_MS: '50' }, () => measuring());
    await worker.readyOrExit;
    expect(worker.fingerprint?.workerVersion).toBe('0.1.0-fake');
    const startNs = process.hrtime.bigint() + 100_000_000n;
    worker.sendStart(startNs, startNs + 5_000_000_000n);
    await firstProgress; // PROGRESS comes only once the worker is measuring
    // Signal only, stdin kept open: the exit must come from SIGTERM itself.
    signalProcessGroup(worker.pid as number, 'SIGTERM');
    expect(await worker.exited).toEqual({ exitCode: 10, signal: null, spawnError: null });
    const result = JSON.parse(await readFile(resultPath, 'utf8'));
    expect(result).toMatchObject({ partial: true, partialReason: 'stopped by SIGTERM' });
  });

  it('stops a ready worker before START without SIGKILL, and logs its command line', async () => {
    const { worker } = await startFake();
    await worker.readyOrExit;
    const exit = await worker.stopWith('aborted', 'test');
    expect(exit.exitCode === 6 || exit.exitCode === 10).toBe(true); // EOF (6) and SIGTERM (10) race
    expect(worker.stop).toEqual({ reason: 'aborted', detail: 'test', forced: false });
    expect(await readFile(worker.logPath, 'utf8')).toMatch(/^# xsched-perf: .*fake-worker-[0-9a-f]{12} --role hp/);
  });
});
