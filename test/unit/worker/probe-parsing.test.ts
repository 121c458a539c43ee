// The --probe output: the machine part of a READY fingerprint, read with the same field
// readers, so a defect in it is named the same way.

import { describe, expect, it } from 'vitest';
import { parseProbeJson } from '../../../perf/lib/run/gpu/parse-probe.ts';

// A probe answer as the worker prints it: no role or stream, which are per run.
const PROBE = {
  schemaVersion: 1, workerVersion: '0.1.0', hostname: 'gpu-host', platform: 'hip-amd',
  gpu: { index: 1, name: 'AMD Instinct MI210', arch: 'gfx90a:sramecc+:xnack-', uuid: 'GPU-7a2c', pciBusId: '0000:c1:00.0', memoryTotalBytes: 68702699520, multiprocessorCount: 104 },
  runtimeVersion: '6.2', driverVersion: '6.8',
};

describe('probe output', () => {
  it('reads the machine fields and drops the rest', () => {
    const { schemaVersion: _version, ...expected } = PROBE;
    expect(parseProbeJson('probe', JSON.stringify({ ...PROBE, pid: 99 }))).toEqual(expected);
  });

  it('names the wrong field and the source, as the READY parser does', () => {
    expect(() => parseProbeJson('output of worker --probe', JSON.stringify({ ...PROBE, gpu: { ...PROBE.gpu, multiprocessorCount: 0 } })))
      .toThrow('output of worker --probe: field "gpu.multiprocessorCount" must be >= 1, got 0');
    expect(() => parseProbeJson('probe', JSON.stringify({ ...PROBE, platform: 'metal' }))).toThrow('field "platform" must be one of "hip-amd" | "cuda", got "metal"');
    // A probe is of a GPU: the CPU test mode's platform, valid on READY, is not.
    expect(() => parseProbeJson('probe', JSON.stringify({ ...PROBE, platform: 'cpu' }))).toThrow('field "platform" must be one of "hip-amd" | "cuda", got "cpu"');
    expect(() => parseProbeJson('probe', JSON.stringify({ ...PROBE, schemaVersion: 2 }))).toThrow('field "schemaVersion" must be 1, got 2');
    expect(() => parseProbeJson('probe', 'no GPU')).toThrow('probe: document is not valid JSON');
  });
});
