// detectGpu with the fake worker's --probe (test double) and with stand-in device nodes.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGpu } from '../../../perf/lib/run/gpu/detect-gpu.ts';
import { decideGpuGate } from '../../../perf/lib/run/gpu/gpu-gate.ts';
import { FAKE_WORKER_PATH } from '../orchestrate/scenario-fixtures.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const PATH = process.env.PATH ?? '/usr/bin:/bin';

describe('detectGpu', () => {
  it('probes with the worker and returns its fingerprint', async () => {
    const detection = await detectGpu({ workerPath: FAKE_WORKER_PATH, env: { PATH } });
    expect(detection.found).toBe(true);
    expect(detection.fingerprint?.gpu.name).toContain('Fake GPU (test double');
    expect(detection.summary).toBe(`GPU 0: Fake GPU (test double, no GPU used) (fake, cuda, 0000:00:00.0) found by ${FAKE_WORKER_PATH} --probe --gpu 0`);
  });

  it('reads exit code 3 as no GPU, with the worker\'s reason', async () => {
    const detection = await detectGpu({ workerPath: FAKE_WORKER_PATH, env: { PATH, FAKE_WORKER_MODE: 'no-gpu', PERF_CHILD_ENV_ALLOW: 'FAKE_WORKER_MODE' } });
    expect(detection).toMatchObject({ found: false, lookedFor: [`${FAKE_WORKER_PATH} --probe --gpu 0`] });
    expect(detection.summary).toContain('exited 3 (no GPU visible): xsched-perf-worker: error: no GPU visible');
  });

  it('fails loudly on other probe failures instead of calling them "no GPU"', async () => {
    await expect(detectGpu({ workerPath: FAKE_WORKER_PATH, gpuIndex: 3, env: { PATH } })).rejects.toThrow('GPU index 3 out of range');
  });

  it('without a worker, looks for device nodes and tools and says which', async () => {
    const dir = makeTempDir('xsp-gpu-');
    const none = await detectGpu({ deviceNodes: [join(dir, 'kfd')], tools: ['no-such-gpu-tool'], env: { PATH: dir } });
    expect(none).toEqual({
      found: false,
      lookedFor: [join(dir, 'kfd'), 'no-such-gpu-tool on PATH'],
      summary: `no GPU: looked for ${join(dir, 'kfd')}, no-such-gpu-tool on PATH and found none (no worker binary given to probe with)`,
    });
    await writeFile(join(dir, 'kfd'), '');
    const present = await detectGpu({ deviceNodes: [join(dir, 'kfd')], tools: [], env: { PATH: dir } });
    expect(present.found).toBe(true);
    expect(present.summary).toContain(`GPU device node(s) ${join(dir, 'kfd')} present`);
  });
});

describe('decideGpuGate', () => {
  const missing = { found: false, lookedFor: ['/dev/kfd'], summary: 'no GPU: looked for /dev/kfd and found none' };

  it('runs with a GPU, skips without one, fails without one when PERF_REQUIRE_GPU=1', () => {
    expect(decideGpuGate({ ...missing, found: true }, {})).toEqual({ action: 'run' });
    expect(decideGpuGate(missing, {})).toEqual({ action: 'skip', reason: missing.summary });
    expect(decideGpuGate(missing, { PERF_REQUIRE_GPU: '0' })).toEqual({ action: 'skip', reason: missing.summary });
    expect(decideGpuGate(missing, { PERF_REQUIRE_GPU: '1' })).toEqual({ action: 'fail', reason: `PERF_REQUIRE_GPU=1 but ${missing.summary}` });
    expect(decideGpuGate(missing, { PERF_REQUIRE_GPU: 'yes' })).toEqual({ action: 'fail', reason: 'PERF_REQUIRE_GPU must be 1 or 0, got "yes"' });
  });
});
