// The PyTorch workload (workloads/pytorch) through the suite's own protocol code on CPU tensors:
// located as the scenario's workload, spawned with the arguments buildWorkerArgs gives the native
// worker (plus --device cpu), one process per role, READY validated, START sent, the result files
// read by readWorkerResult. Needs a python3 on PATH that imports torch: without one the test skips
// naming the package, and under CI (which installs python3-torch, .ci/run) it fails.

import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkerArgs } from '../../../perf/lib/run/worker/worker-args.ts';
import { locateWorkloadWorker } from '../../../perf/lib/run/worker/locate-workload.ts';
import { readWorkerResult } from '../../../perf/lib/run/worker/read-worker-result.ts';
import { spawnWorker } from '../../../perf/lib/run/worker/worker-process.ts';
import { problemsAgainstSchema } from '../../../scripts/schemas/check-against-schema.ts';
import type { Role } from '../../../perf/lib/documents/types/scenario.ts';
import { makeScenario } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const MISSING = 'no python3 on PATH imports torch: install python3-torch and python3-torchvision (Debian) or PyTorch (pip)';

/** Whether torch and torchvision are installed, without importing them: an import of torch
 * costs seconds of CPU, and the workers import it anyway (a broken install fails the test). */
const HAS_TORCH = "import importlib.util, sys; sys.exit(0 if all(importlib.util.find_spec(m) for m in ('torch', 'torchvision')) else 1)";

/** The first PATH directory whose python3 has torch and torchvision; null when none does. */
async function findTorchPython(): Promise<string | null> {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '' || !existsSync(join(directory, 'python3'))) continue;
    const probe = await execa(join(directory, 'python3'), ['-c', HAS_TORCH], { reject: false, timeout: 120_000 });
    if (probe.exitCode === 0) return directory;
  }
  return null;
}

describe('the PyTorch workload on CPU tensors', () => {
  it('runs hp and lp through READY, START, DONE and yields valid result files', { timeout: 240_000 }, async (context) => {
    const torchDirectory = await findTorchPython();
    if (torchDirectory === null) {
      if (process.env.CI) throw new Error(`${MISSING}: CI must run the PyTorch workload test`);
      context.skip(MISSING);
    }
    const { path: workerPath, foundBy } = await locateWorkloadWorker('pytorch', { env: {} });
    expect(foundBy).toBe('workload pytorch');
    const scenario = makeScenario({ durationMs: 500, hp: { rateHz: 20, imageSize: 32 }, lp: { imageSize: 32 } });
    const dir = makeTempDir('xsp-torch-');
    const env = { PATH: `${torchDirectory}${delimiter}${process.env.PATH ?? ''}` };
    const roles: Role[] = ['hp', 'lp'];
    const workers = await Promise.all(
      roles.map((role) => {
        const args = buildWorkerArgs({ scenario, arm: 'stream-priority', role, trial: 0, resultPath: join(dir, `${role}.json`), drainMs: 2000, warmupIterations: 1 });
        return spawnWorker({ workerPath, args: [...args, '--device', 'cpu'], env, role, logPath: join(dir, 'logs', `${role}.log`), killGraceMs: 2000 });
      }),
    );
    await Promise.all(workers.map((w) => w.readyOrExit));
    for (const worker of workers) {
      expect(worker.readyError, `READY of ${worker.role}`).toBeNull();
      expect(worker.fingerprint).toMatchObject({ role: worker.role, platform: 'cpu', framework: { name: 'pytorch', modelSource: 'torchvision', mathMode: expect.stringMatching(/^fp32-strict/) } });
    }
    const startNs = process.hrtime.bigint() + 300_000_000n;
    const endNs = startNs + 500_000_000n;
    for (const worker of workers) worker.sendStart(startNs, endNs);
    for (const worker of workers) expect(await worker.exited, `exit of ${worker.role} (log ${worker.logPath})`).toEqual({ exitCode: 0, signal: null, spawnError: null });
    const [hp, lp] = await Promise.all(roles.map((role) => readWorkerResult(join(dir, `${role}.json`), { role, startNs: String(startNs), endNs: String(endNs) })));
    expect(hp?.requests?.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => i * 50_000_000));
    expect(hp?.options).toMatchObject({ streamPriority: 'high', imageSize: 32, rateHz: 20 });
    expect(lp?.iterations?.length).toBeGreaterThan(0);
    expect(lp?.streamUse).toEqual({ defaultStreamLaunches: null, detail: 'cpu test mode: no streams' });
    // The files themselves, as written, against the published schema (integer nanosecond offsets, streamUse, framework).
    const files = roles.map((role) => ({ file: `${role}.json`, value: JSON.parse(readFileSync(join(dir, `${role}.json`), 'utf8')) as unknown }));
    expect(problemsAgainstSchema('schemas/worker-result.schema.json', files)).toEqual([]);
  });
});
