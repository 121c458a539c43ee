// Validates one worker's outcome inside a saved run record, down to the per-request
// tuples evaluation reads. Fields are checked, then the original object is returned,
// so fields added later by other modules pass through untouched.

import type { JsonObject, JsonValue } from '../../documents/fs/json-fields.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import type { WorkerOutcome } from '../../documents/types/run-record.ts';
import { WORKER_RESULT_SCHEMA, WORKER_RESULT_SCHEMA_VERSION } from '../../documents/types/worker-result.ts';

const ROLES = ['hp', 'lp'] as const;
const FAILURE_KINDS = ['spawn', 'never-ready', 'late', 'crash', 'hang', 'bad-output', 'aborted'] as const;
const DECIMAL_NS = /^\d+$/;

export function checkDecimalNs(value: JsonValue): string {
  const text = value.asString();
  if (!DECIMAL_NS.test(text)) value.fail('a decimal nanosecond count');
  return text;
}

function checkTuples(value: JsonValue, size: number): void {
  for (const tuple of value.asArray()) {
    const items = tuple.asArray();
    if (items.length !== size) tuple.fail(`an array of ${size} numbers`);
    items.forEach((item) => item.asNumber());
  }
}

function checkFingerprint(doc: JsonObject): void {
  doc.string('workerVersion');
  doc.get('role').asOneOf(ROLES);
  doc.get('platform').asOneOf(['hip-amd', 'cuda'] as const);
  const gpu = doc.object('gpu');
  for (const key of ['name', 'arch', 'uuid', 'pciBusId']) gpu.string(key);
  gpu.number('index', { integer: true, min: 0 });
  doc.array('xschedLibraries').forEach((path) => path.asString());
  doc.object('mps').get('client').nullable((v) => v.asBoolean());
  doc.object('stream');
}

function checkResult(doc: JsonObject): void {
  checkSchemaHeader(doc, WORKER_RESULT_SCHEMA, WORKER_RESULT_SCHEMA_VERSION, 'replay it with the suite version that recorded it');
  const options = doc.object('options');
  options.get('role').asOneOf(ROLES);
  options.number('durationMs', { min: 0 });
  checkFingerprint(doc.object('fingerprint'));
  checkDecimalNs(doc.get('startNs'));
  checkDecimalNs(doc.get('endNs'));
  doc.boolean('partial');
  doc.get('partialReason').nullable((v) => v.asString());
  if (doc.has('requests')) checkTuples(doc.get('requests'), 3);
  if (doc.has('unstartedRequests')) doc.number('unstartedRequests', { integer: true, min: 0 });
  if (doc.has('iterations')) checkTuples(doc.get('iterations'), 2);
  doc.object('warmup');
}

export function checkWorkerOutcome(value: JsonValue): WorkerOutcome {
  const doc = value.asObject();
  const ok = doc.boolean('ok');
  doc.get('role').asOneOf(ROLES);
  doc.string('logPath');
  if (ok) {
    checkDecimalNs(doc.get('readyAtNs'));
    checkResult(doc.object('result'));
  } else {
    const failure = doc.object('failure');
    failure.get('kind').asOneOf(FAILURE_KINDS);
    failure.string('message');
    failure.get('exitCode').nullable((v) => v.asNumber({ integer: true }));
    failure.get('signal').nullable((v) => v.asString());
    failure.array('lastLogLines').forEach((line) => line.asString());
  }
  return doc.value as unknown as WorkerOutcome;
}
