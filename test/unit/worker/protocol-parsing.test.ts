// READY/PROGRESS/DONE lines, the fingerprint and the result file, against the
// examples of docs/protocol.md and hand-made defects.

import { describe, expect, it } from 'vitest';
import { parseFingerprintJson } from '../../../perf/lib/run/worker/parse-fingerprint.ts';
import { parseWorkerLine } from '../../../perf/lib/run/worker/parse-worker-line.ts';
import { FieldReader } from '../../../perf/lib/run/worker/protocol-fields.ts';
import { validateWorkerResult } from '../../../perf/lib/run/worker/read-worker-result.ts';

// The READY example of docs/protocol.md.
const FINGERPRINT = {
  schemaVersion: 1, workerVersion: '0.1.0', pid: 4242, hostname: 'gpu-host', role: 'hp', platform: 'cuda',
  gpu: { index: 0, name: 'NVIDIA H100 80GB HBM3', arch: 'sm_90', uuid: 'GPU-5f1d', pciBusId: '0000:19:00.0', memoryTotalBytes: 85045477376, multiprocessorCount: 132 },
  runtimeVersion: '13.0', driverVersion: '13.0', xschedLibraries: [],
  mps: { client: false, source: 'cudaDevAttrMpsEnabled', pipeDirectory: null },
  stream: { priority: 'default', value: 0, leastPriority: 0, greatestPriority: -5 },
  clock: 'CLOCK_MONOTONIC',
};

function hpResult(overrides: Record<string, unknown> = {}) {
  return {
    schema: 'xsched-perf.worker-result', schemaVersion: 1,
    options: { role: 'hp', model: 'resnet18', batch: 1, imageSize: 224, gpuIndex: 0, seed: 1, durationMs: 60000,
      streamPriority: 'default', rateHz: 10, arrival: 'uniform', warmupIterations: 5, injectDelayUs: 0 },
    fingerprint: FINGERPRINT, startNs: '123456789000000', endNs: '123516789000000', partial: false, partialReason: null,
    requests: [[0, 41200, 2398000], [100000000, 100012000, 102377000]], unstartedRequests: 0,
    warmup: { iterations: 5, meanMs: 2.41 },
    ...overrides,
  };
}

const expected = { role: 'hp' as const, startNs: '123456789000000', endNs: '123516789000000' };
const validate = (doc: unknown) => validateWorkerResult(FieldReader.fromUnknown('result file r.json', doc), expected);

describe('worker stdout lines', () => {
  it('recognises READY, PROGRESS and DONE, and keeps anything else', () => {
    expect(parseWorkerLine('READY {"a":1}')).toEqual({ type: 'ready', json: '{"a":1}' });
    expect(parseWorkerLine('PROGRESS 42')).toEqual({ type: 'progress', count: 42, hpP99Us: null });
    expect(parseWorkerLine('DONE /tmp/r.json\r')).toEqual({ type: 'done', path: '/tmp/r.json' });
    expect(parseWorkerLine('PROGRESS many')).toEqual({ type: 'other', line: 'PROGRESS many' });
    expect(parseWorkerLine('READY')).toEqual({ type: 'other', line: 'READY' });
  });

  it('reads the optional PROGRESS fields: p99Us, unknown keys skipped, a malformed field kept as other', () => {
    expect(parseWorkerLine('PROGRESS 812 p99Us=22481')).toEqual({ type: 'progress', count: 812, hpP99Us: 22481 });
    expect(parseWorkerLine('PROGRESS 812 futureField=x p99Us=7')).toEqual({ type: 'progress', count: 812, hpP99Us: 7 });
    expect(parseWorkerLine('PROGRESS 812 p99Us=fast')).toEqual({ type: 'other', line: 'PROGRESS 812 p99Us=fast' });
    expect(parseWorkerLine('PROGRESS 812 slow')).toEqual({ type: 'other', line: 'PROGRESS 812 slow' });
  });
});

describe('READY fingerprint', () => {
  it('accepts the example of docs/protocol.md', () => {
    expect(parseFingerprintJson('READY', JSON.stringify(FINGERPRINT))).toEqual(FINGERPRINT);
  });

  it('names the missing or wrong field', () => {
    const { uuid: _uuid, ...gpu } = FINGERPRINT.gpu;
    expect(() => parseFingerprintJson('READY line of the hp worker', JSON.stringify({ ...FINGERPRINT, gpu })))
      .toThrow('READY line of the hp worker: field "gpu.uuid" is missing');
    expect(() => parseFingerprintJson('READY', JSON.stringify({ ...FINGERPRINT, platform: 'metal' })))
      .toThrow('field "platform" must be one of "hip-amd" | "cuda" | "cpu", got "metal"');
    expect(() => parseFingerprintJson('READY', JSON.stringify({ ...FINGERPRINT, clock: 'CLOCK_REALTIME' })))
      .toThrow('field "clock" must be "CLOCK_MONOTONIC", got "CLOCK_REALTIME"');
    expect(() => parseFingerprintJson('READY', '{"schemaVersion":1,')).toThrow('READY: document is not valid JSON');
  });
});

describe('result file', () => {
  it('accepts the example of docs/protocol.md', () => {
    expect(validate(hpResult()).requests).toEqual([[0, 41200, 2398000], [100000000, 100012000, 102377000]]);
  });

  it('names the field that breaks the protocol', () => {
    expect(() => validate(hpResult({ schema: 'other' }))).toThrow('result file r.json: field "schema" must be "xsched-perf.worker-result", got "other"');
    expect(() => validate(hpResult({ schemaVersion: 2 }))).toThrow('field "schemaVersion" must be 1, got 2');
    expect(() => validate(hpResult({ startNs: '1' }))).toThrow('field "startNs" must be 123456789000000 (the START sent), got 1');
    expect(() => validate(hpResult({ requests: [[0, 5, 4]] }))).toThrow('field "requests[0]" must not go back in time (each offset >= the one before), got [0,5,4]');
    expect(() => validate(hpResult({ requests: [[0, 1.5, 4]] }))).toThrow('field "requests[0][1]" must be an integer, got 1.5');
    const { unstartedRequests: _u, ...withoutUnstarted } = hpResult();
    expect(() => validate(withoutUnstarted)).toThrow('field "unstartedRequests" is missing');
    expect(() => validate(hpResult({ unknownField: 1 }))).toThrow('field "unknownField" unknown field; known fields here: schema, schemaVersion, options');
    expect(() => validate(hpResult({ options: { ...hpResult().options, role: 'lp' } }))).toThrow('field "options.role" must be "hp" (the role started), got "lp"');
  });
});
