import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateWorker } from '../../../perf/lib/run/worker/locate-worker.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

async function makeRepo(): Promise<string> {
  return makeTempDir('xsp-locate-');
}

async function makeExecutable(path: string): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\n', { mode: 0o755 });
  return path;
}

const NO_DEVICES = { 'hip-amd': '/nonexistent/kfd', cuda: '/nonexistent/nvidiactl' };

describe('locateWorker', () => {
  it('prefers the explicit path, then PERF_WORKER, then the build directory', async () => {
    const repoRoot = await makeRepo();
    const built = await makeExecutable(join(repoRoot, 'native/build/nvidia/xsched-perf-worker'));
    const fromEnv = await makeExecutable(join(repoRoot, 'env-worker'));
    const explicit = await makeExecutable(join(repoRoot, 'explicit-worker'));
    const env = { PERF_WORKER: fromEnv };
    expect(await locateWorker({ repoRoot, env, workerPath: explicit })).toEqual({ path: explicit, foundBy: 'option workerPath' });
    expect(await locateWorker({ repoRoot, env })).toEqual({ path: fromEnv, foundBy: 'PERF_WORKER' });
    expect(await locateWorker({ repoRoot, env: {} })).toEqual({ path: built, foundBy: 'build directory' });
  });

  it('says to run npm run build:native when nothing is built', async () => {
    const repoRoot = await makeRepo();
    await expect(locateWorker({ repoRoot, env: {} })).rejects.toThrow(
      /looked for .*native\/build\/amd\/xsched-perf-worker and .*native\/build\/nvidia\/xsched-perf-worker; run `npm run build:native`/,
    );
  });

  it('rejects a PERF_WORKER that is not an executable file, quoting it', async () => {
    const repoRoot = await makeRepo();
    const plain = join(repoRoot, 'not-executable');
    await writeFile(plain, 'text');
    await chmod(plain, 0o644);
    await expect(locateWorker({ repoRoot, env: { PERF_WORKER: plain } })).rejects.toThrow(`PERF_WORKER is "${plain}", which is not an executable file`);
    await expect(locateWorker({ repoRoot, env: { PERF_WORKER: repoRoot } })).rejects.toThrow('not an executable file');
  });

  it('lets the device node choose when both platforms are built', async () => {
    const repoRoot = await makeRepo();
    const amd = await makeExecutable(join(repoRoot, 'native/build/amd/xsched-perf-worker'));
    await makeExecutable(join(repoRoot, 'native/build/nvidia/xsched-perf-worker'));
    const kfd = join(repoRoot, 'kfd');
    await writeFile(kfd, '');
    expect((await locateWorker({ repoRoot, env: {}, deviceNodes: { 'hip-amd': kfd, cuda: '/nonexistent/nvidiactl' } })).path).toBe(amd);
    await expect(locateWorker({ repoRoot, env: {}, deviceNodes: NO_DEVICES })).rejects.toThrow('set PERF_WORKER to the one to use');
  });

  it('runs native/build.sh when asked to build', async () => {
    const repoRoot = await makeRepo();
    const script = 'mkdir -p "$(dirname "$0")/build/amd" && printf "#!/bin/sh\\n" > "$(dirname "$0")/build/amd/xsched-perf-worker" && chmod +x "$(dirname "$0")/build/amd/xsched-perf-worker"\n';
    await mkdir(join(repoRoot, 'native'), { recursive: true });
    await writeFile(join(repoRoot, 'native/build.sh'), script);
    const located = await locateWorker({ repoRoot, env: {}, build: true });
    expect(located.path).toBe(join(repoRoot, 'native/build/amd/xsched-perf-worker'));
  });

  it('reports the last lines of a failing build', async () => {
    const repoRoot = await makeRepo();
    await mkdir(join(repoRoot, 'native'), { recursive: true });
    await writeFile(join(repoRoot, 'native/build.sh'), 'echo "native/build.sh: error: nvcc not found" >&2; exit 2\n');
    await expect(locateWorker({ repoRoot, env: {}, build: true })).rejects.toThrow(/native\/build.sh failed .*\n.*nvcc not found/);
  });
});
