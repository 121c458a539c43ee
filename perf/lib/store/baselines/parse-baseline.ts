// Full validation of a baseline file: anything wrong names the file and the field,
// because a silently half-read baseline would make every later verdict wrong.

import { JsonFileError } from '../../documents/fs/read-json-file.ts';
import { readJsonRoot, type JsonObject, type JsonValue, type NumberRule } from '../../documents/fs/json-fields.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { ALL_ARMS, ALL_MODELS, ARRIVAL_PROCESSES } from '../../plan/scenarios/catalogue.ts';
import { SHARING_MODES } from '../../plan/scenarios/sharing.ts';
import { THRESHOLD_KEYS } from '../../plan/scenarios/thresholds.ts';
import {
  BASELINE_SCHEMA,
  BASELINE_SCHEMA_VERSION,
  type BaselineArm,
  type BaselineFile,
  type BaselineKey,
  type BaselineWorkload,
  type BaselineXschedSettings,
} from '../../documents/types/baseline.ts';
import { WORKLOAD_NAMES, type ArmName, type Thresholds } from '../../documents/types/scenario.ts';

// Every threshold is a fraction in [0, 1), as evaluation's resolveThresholds requires.
const FRACTION: NumberRule = { min: 0, below: 1 };
const KEY_FIELDS: Array<keyof BaselineKey> = ['scenario', 'platform', 'gpuName', 'arch', 'sharing'];
const ARM_FIELDS = ['hpP99Ms', 'hpP50Ms', 'hpAchievedRateHz', 'lpIterPerSec', 'hpHistogram'] as const;
const ROLE_FIELDS = ['model', 'batch', 'imageSize'] as const;
const COUNT: NumberRule = { integer: true, min: 1 };

function parseKey(doc: JsonObject): BaselineKey {
  doc.rejectUnknownKeys(KEY_FIELDS);
  return {
    scenario: doc.string('scenario'),
    platform: doc.get('platform').asOneOf(['hip-amd', 'cuda'] as const),
    gpuName: doc.string('gpuName'),
    arch: doc.string('arch'),
    sharing: doc.get('sharing').asOneOf(SHARING_MODES),
  };
}

function parseArm(doc: JsonObject): BaselineArm {
  doc.rejectUnknownKeys(ARM_FIELDS);
  const values = (key: string) => doc.array(key).map((v) => v.asNumber({ min: 0 }));
  const arm: BaselineArm = {
    hpP99Ms: values('hpP99Ms'),
    hpP50Ms: values('hpP50Ms'),
    hpAchievedRateHz: values('hpAchievedRateHz'),
    lpIterPerSec: values('lpIterPerSec'),
    hpHistogram: doc.get('hpHistogram').nullable((v) => v.asString()),
  };
  for (const key of ['hpP50Ms', 'hpAchievedRateHz'] as const) {
    if (arm[key].length !== arm.hpP99Ms.length) {
      const field = doc.get(key).field;
      throw new JsonFileError(doc.file, field, `has ${arm[key].length} per-trial values but hpP99Ms has ${arm.hpP99Ms.length}`);
    }
  }
  return arm;
}

function positiveNumber(value: JsonValue): number {
  const n = value.asNumber();
  if (n <= 0) value.fail('a finite number > 0');
  return n;
}

function parseRole(doc: JsonObject, extraFields: readonly string[]): BaselineWorkload['lp'] {
  doc.rejectUnknownKeys([...ROLE_FIELDS, ...extraFields]);
  return { model: doc.get('model').asOneOf(ALL_MODELS), batch: doc.number('batch', COUNT), imageSize: doc.number('imageSize', COUNT) };
}

function parseWorkload(doc: JsonObject): BaselineWorkload {
  doc.rejectUnknownKeys(['hp', 'lp', 'durationMs', 'kind']);
  const hp = doc.object('hp');
  return {
    ...(doc.has('kind') ? { kind: doc.get('kind').asOneOf(WORKLOAD_NAMES) } : {}),
    hp: { ...parseRole(hp, ['rateHz', 'arrival']), rateHz: positiveNumber(hp.get('rateHz')), arrival: hp.get('arrival').asOneOf(ARRIVAL_PROCESSES) },
    lp: parseRole(doc.object('lp'), []),
    durationMs: positiveNumber(doc.get('durationMs')),
  };
}

function parseXschedSettings(doc: JsonObject): BaselineXschedSettings {
  doc.rejectUnknownKeys(['policy', 'level', 'hp', 'lp']);
  const role = (roleDoc: JsonObject): BaselineXschedSettings['hp'] => {
    roleDoc.rejectUnknownKeys(['priority', 'threshold', 'batchSize']);
    return { priority: roleDoc.number('priority', { integer: true }), threshold: roleDoc.number('threshold', COUNT), batchSize: roleDoc.number('batchSize', COUNT) };
  };
  return { policy: doc.string('policy'), level: doc.number('level', COUNT), hp: role(doc.object('hp')), lp: role(doc.object('lp')) };
}

function parseThresholds(doc: JsonObject): Partial<Thresholds> {
  doc.rejectUnknownKeys(THRESHOLD_KEYS);
  const thresholds: Partial<Thresholds> = {};
  for (const key of THRESHOLD_KEYS) if (doc.has(key)) thresholds[key] = doc.number(key, FRACTION);
  return thresholds;
}

function parseBetweenRunLogSd(doc: JsonObject): NonNullable<BaselineFile['betweenRunLogSd']> {
  doc.rejectUnknownKeys(ALL_ARMS);
  const result: NonNullable<BaselineFile['betweenRunLogSd']> = {};
  for (const arm of ALL_ARMS) {
    if (!doc.has(arm)) continue;
    const armDoc = doc.object(arm);
    armDoc.rejectUnknownKeys(['hpP99', 'lpIterPerSec']);
    result[arm] = {};
    for (const metric of ['hpP99', 'lpIterPerSec'] as const) if (armDoc.has(metric)) result[arm][metric] = armDoc.number(metric, { min: 0 });
  }
  return result;
}

/**
 * The baseline in `value` (parsed JSON of `file`). With `expectedKey`, the key stored in
 * the file must be that key: a renamed or copied file must not stand in for other hardware.
 */
export function parseBaselineFile(file: string, value: unknown, expectedKey?: BaselineKey): BaselineFile {
  const doc = readJsonRoot(file, value).asObject();
  // The update reads the stored baseline too, so the advice removes it first: then the update writes a new one.
  checkSchemaHeader(doc, BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, `remove it and store a new one: rm '${doc.file}' && npm run perf:update-baselines`);
  doc.rejectUnknownKeys(['schema', 'schemaVersion', 'key', 'createdAt', 'runId', 'workerVersion', 'workload', 'xschedSettings', 'thresholds', 'arms', 'betweenRunLogSd']);
  const key = parseKey(doc.object('key'));
  for (const field of KEY_FIELDS) {
    if (expectedKey && key[field] !== expectedKey[field]) {
      throw new JsonFileError(file, `key.${field}`, `is ${JSON.stringify(key[field])} but the file is looked up for ${JSON.stringify(expectedKey[field])} (renamed or copied by hand?)`);
    }
  }
  const createdAt = doc.get('createdAt');
  if (Number.isNaN(Date.parse(createdAt.asString()))) createdAt.fail('an ISO 8601 date');
  const armsDoc = doc.object('arms');
  armsDoc.rejectUnknownKeys(ALL_ARMS);
  const arms: Partial<Record<ArmName, BaselineArm>> = {};
  for (const arm of ALL_ARMS) if (armsDoc.has(arm)) arms[arm] = parseArm(armsDoc.object(arm));
  return {
    schema: BASELINE_SCHEMA,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    key,
    createdAt: createdAt.asString(),
    runId: doc.string('runId'),
    workerVersion: doc.string('workerVersion'),
    ...(doc.has('commit') ? { commit: doc.string('commit') } : {}),
    // Optional: files written before the workload was recorded still read.
    ...(doc.has('workload') ? { workload: parseWorkload(doc.object('workload')) } : {}),
    ...(doc.has('xschedSettings') ? { xschedSettings: parseXschedSettings(doc.object('xschedSettings')) } : {}),
    thresholds: parseThresholds(doc.object('thresholds')),
    arms,
    ...(doc.has('betweenRunLogSd') ? { betweenRunLogSd: parseBetweenRunLogSd(doc.object('betweenRunLogSd')) } : {}),
  };
}
