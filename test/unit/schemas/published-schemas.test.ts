// The published JSON Schema files (schemas/) are what the valibot schemas generate, the
// suite's own documents match them, and the check the native tests run on the worker's
// output (scripts/check-json-schemas.ts, native/cmake/XspCpuTests.cmake) catches a bad one.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsAgainstSchema } from '../../../scripts/schemas/check-against-schema.ts';
import { renderJsonSchemas, SCHEMA_DIR } from '../../../scripts/schemas/render-json-schemas.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/evaluate-run.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { buildJsonReport } from '../../../perf/lib/output/report/json-report.ts';
import { makeCompleteRunRecord, makeFingerprint } from '../baselines/run-fixture.ts';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const schemaFile = (name: string): string => join(SCHEMA_DIR, `${name}.schema.json`);
const check = (name: string, value: unknown): string[] => problemsAgainstSchema(schemaFile(name), [{ file: name, value: roundTrip(value) }]);

// The shape of a worker's hp result (docs/protocol.md, "Result file").
function hpResult(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'xsched-perf.worker-result', schemaVersion: 1,
    options: { role: 'hp', model: 'resnet18', batch: 1, imageSize: 224, gpuIndex: 0, seed: 1, durationMs: 60000,
      streamPriority: 'default', rateHz: 10, arrival: 'uniform', warmupIterations: 5, injectDelayUs: 0 },
    fingerprint: makeFingerprint('hp'), startNs: '123456789000000', endNs: '123516789000000', partial: false, partialReason: null,
    requests: [[0, 41200, 2398000]], unstartedRequests: 0, warmup: { iterations: 5, meanMs: 2.41 },
    ...overrides,
  };
}

describe('published JSON Schema files', () => {
  it('are what npm run schemas:write generates (run it after changing perf/lib/documents/schemas)', () => {
    for (const [file, text] of renderJsonSchemas()) {
      expect(readFileSync(join(SCHEMA_DIR, file), 'utf8'), `${SCHEMA_DIR}/${file} is stale: npm run schemas:write`).toBe(text);
    }
  });

  it('accept the documents the suite writes: run record, evaluation, baseline, report', () => {
    const record = makeCompleteRunRecord();
    const evaluation = evaluateRun(record, null);
    const baseline = baselineFromRun(record, evaluation);
    expect(check('run-record', record)).toEqual([]);
    expect(check('evaluation', evaluation)).toEqual([]);
    expect(check('baseline', baseline)).toEqual([]);
    expect(check('report', buildJsonReport({ runs: [{ evaluation, baseline }], generatedAt: '2026-11-21T21:40:00Z', suiteVersion: '0.2.0' }))).toEqual([]);
  });
});

describe('the recorded H200 run in examples/h200-intensive-mps', () => {
  const example = (file: string): { file: string; value: unknown } => ({ file, value: JSON.parse(readFileSync(join('examples/h200-intensive-mps', file), 'utf8')) });

  it("matches: run.json, evaluation.json and every worker's result file", () => {
    const workers = readdirSync('examples/h200-intensive-mps/workers').map((file) => example(join('workers', file)));
    expect(workers.length).toBeGreaterThan(0);
    expect(problemsAgainstSchema(schemaFile('worker-result'), workers)).toEqual([]);
    expect(problemsAgainstSchema(schemaFile('run-record'), [example('run.json')])).toEqual([]);
    expect(problemsAgainstSchema(schemaFile('evaluation'), [example('evaluation.json')])).toEqual([]);
  });
});

describe("the native tests' check of the worker's output", () => {
  it('accepts a result of the documented shape', () => {
    expect(check('worker-result', hpResult())).toEqual([]);
    expect(check('fingerprint', makeFingerprint('lp'))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['partial as text', { partial: 'no' }, /\/partial must be boolean/],
    ['a request tuple of two offsets', { requests: [[0, 41200]] }, /\/requests\/0 must NOT have fewer than 3 items/],
    ['a negative offset', { requests: [[0, -1, 5]] }, /\/requests\/0\/1 must be >= 0/],
    ['a field the protocol does not have', { extra: 1 }, /must NOT have additional properties.*"additionalProperty":"extra"/],
    ['an absolute instant as a number', { startNs: 123456789000000 }, /\/startNs must be string/],
    ['another schemaVersion', { schemaVersion: 2 }, /\/schemaVersion must be equal to constant/],
    ['a fingerprint without the GPU uuid', { fingerprint: { ...makeFingerprint('hp'), gpu: { ...makeFingerprint('hp').gpu, uuid: undefined } } }, /\/fingerprint\/gpu must have required property 'uuid'/],
  ])('fails on a mutated result: %s', (_what, mutation, problem) => {
    const problems = check('worker-result', hpResult(mutation));
    expect(problems.join('\n')).toMatch(problem);
  });
});
