// Reads and validates a worker's result file (docs/protocol.md, "Result file"):
// schema, version, required fields, record tuples, and that it answers the run
// the suite asked for (role, start and end instants).

import { readFile } from 'node:fs/promises';
import type { ArrivalProcess, ModelName, Role, StreamPriority } from '../../documents/types/scenario.ts';
import {
  WORKER_RESULT_SCHEMA,
  WORKER_RESULT_SCHEMA_VERSION,
  type WorkerOptions,
  type WorkerResult,
} from '../../documents/types/worker-result.ts';
import { BadOutputError } from './bad-output-error.ts';
import { readFingerprint } from './parse-fingerprint.ts';
import { describeJson, FieldReader } from './protocol-fields.ts';

export interface ExpectedResult {
  role: Role;
  /** The START instants the suite sent, decimal nanoseconds. */
  startNs: string;
  endNs: string;
}

export async function readWorkerResult(path: string, expected: ExpectedResult): Promise<WorkerResult> {
  const source = `result file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new BadOutputError(source, '', `could not be read (${(cause as Error).message})`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new BadOutputError(source, '', `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  return validateWorkerResult(FieldReader.fromUnknown(source, parsed), expected);
}

export function validateWorkerResult(r: FieldReader, expected: ExpectedResult): WorkerResult {
  if (r.raw('schema') !== WORKER_RESULT_SCHEMA) {
    r.fail('schema', `must be "${WORKER_RESULT_SCHEMA}", got ${describeJson(r.value.schema)}`);
  }
  if (r.raw('schemaVersion') !== WORKER_RESULT_SCHEMA_VERSION) {
    r.fail('schemaVersion', `must be ${WORKER_RESULT_SCHEMA_VERSION}, got ${describeJson(r.value.schemaVersion)}`);
  }
  const options = readOptions(r.object('options'));
  if (options.role !== expected.role) r.fail('options.role', `must be "${expected.role}" (the role started), got "${options.role}"`);
  const fingerprint = readFingerprint(r.object('fingerprint'));
  const startNs = r.decimalString('startNs');
  const endNs = r.decimalString('endNs');
  if (startNs !== expected.startNs) r.fail('startNs', `must be ${expected.startNs} (the START sent), got ${startNs}`);
  if (endNs !== expected.endNs) r.fail('endNs', `must be ${expected.endNs} (the START sent), got ${endNs}`);
  const warmup = r.object('warmup');
  const result: WorkerResult = {
    schema: WORKER_RESULT_SCHEMA,
    schemaVersion: WORKER_RESULT_SCHEMA_VERSION,
    options,
    fingerprint,
    startNs,
    endNs,
    partial: r.boolean('partial'),
    partialReason: r.nullableString('partialReason'),
    warmup: { iterations: warmup.integer('iterations', 0), meanMs: warmup.number('meanMs') },
  };
  // Optional: written by the PyTorch workload (docs/workloads.md), not by the native worker.
  if ('streamUse' in r.value) {
    const streamUse = r.object('streamUse');
    result.streamUse = { defaultStreamLaunches: streamUse.nullableBoolean('defaultStreamLaunches'), detail: streamUse.string('detail') };
  }
  if (expected.role === 'hp') {
    result.requests = readTuples(r, 'requests', 3) as Array<[number, number, number]>;
    result.unstartedRequests = r.integer('unstartedRequests', 0);
  } else {
    result.iterations = readTuples(r, 'iterations', 2) as Array<[number, number]>;
  }
  return result;
}

function readOptions(o: FieldReader): WorkerOptions {
  const role = o.oneOf<Role>('role', ['hp', 'lp']);
  const options: WorkerOptions = {
    role,
    model: o.oneOf<ModelName>('model', ['resnet18', 'resnet50']),
    batch: o.integer('batch', 1),
    imageSize: o.integer('imageSize', 1),
    gpuIndex: o.integer('gpuIndex', 0),
    seed: o.integer('seed'),
    durationMs: o.integer('durationMs', 1),
    streamPriority: o.oneOf<StreamPriority>('streamPriority', ['default', 'high', 'low']),
    warmupIterations: o.integer('warmupIterations', 0),
    injectDelayUs: o.integer('injectDelayUs', 0),
  };
  if (role === 'hp') {
    options.rateHz = o.number('rateHz');
    options.arrival = o.oneOf<ArrivalProcess>('arrival', ['uniform', 'poisson']);
  }
  return options;
}

/** Arrays of non-negative integer tuples (nanoseconds relative to startNs), each non-decreasing. */
function readTuples(r: FieldReader, key: string, width: number): number[][] {
  const list = r.raw(key);
  if (!Array.isArray(list)) r.fail(key, `must be an array, got ${describeJson(list)}`);
  list.forEach((tuple: unknown, i: number) => {
    if (!Array.isArray(tuple) || tuple.length !== width) {
      r.fail(`${key}[${i}]`, `must be an array of ${width} integers, got ${describeJson(tuple)}`);
    }
    tuple.forEach((v: unknown, j: number) => {
      if (!Number.isSafeInteger(v) || (v as number) < 0) {
        r.fail(`${key}[${i}][${j}]`, `must be a non-negative integer of nanoseconds, got ${describeJson(v)}`);
      }
      if (j > 0 && (v as number) < (tuple[j - 1] as number)) {
        r.fail(`${key}[${i}][${j}]`, `must not be before ${key}[${i}][${j - 1}] (${tuple[j - 1]}), got ${v}`);
      }
    });
  });
  return list as number[][];
}
