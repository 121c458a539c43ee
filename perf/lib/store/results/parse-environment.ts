// Validates the optional `environment` of an arm-trial in run.json (docs/environment.md). Runs saved
// before it have none and stay readable; their environment checks say "not recorded".

import type { JsonObject, JsonValue } from '../../documents/fs/json-fields.ts';
import { ENVIRONMENT_RECORD_VERSION } from '../../documents/types/environment.ts';

const PHASES = ['before', 'during', 'after'] as const;
const nullableNumber = (doc: JsonObject, key: string): void => void doc.get(key).nullable((v) => v.asNumber());
const nullableString = (doc: JsonObject, key: string): void => void doc.get(key).nullable((v) => v.asString());

function checkSample(value: JsonValue, listKey: 'processes' | 'gpus', checkItem: (item: JsonObject) => void): void {
  const doc = value.asObject();
  doc.get('phase').asOneOf(PHASES);
  doc.number('atMs', { min: 0 });
  doc.string('source');
  doc.get(listKey).nullable((list) => list.asArray().forEach((item) => checkItem(item.asObject())));
  nullableString(doc, 'notAvailable');
}

function checkProcess(doc: JsonObject): void {
  doc.number('pid', { integer: true, min: 0 });
  doc.string('command');
  nullableNumber(doc, 'usedMemoryMiB');
  nullableString(doc, 'gpuId');
}

function checkGpuState(doc: JsonObject): void {
  doc.string('gpuId');
  for (const key of ['smClockMHz', 'memClockMHz', 'temperatureC', 'powerW', 'powerLimitW', 'eccCorrected', 'eccUncorrected']) nullableNumber(doc, key);
  doc.array('throttleReasons').forEach((r) => r.asString());
  for (const key of ['computeMode', 'migMode', 'persistenceMode', 'performanceLevel']) nullableString(doc, key);
}

function checkHostCpu(doc: JsonObject): void {
  for (const key of ['windowMs', 'busyCores', 'suiteCores', 'otherCores']) doc.number(key, { min: 0 });
  doc.number('cpus', { integer: true, min: 0 });
  doc.get('governors').nullable((g) => g.asArray().forEach((x) => x.asString()));
  nullableString(doc, 'governorNotAvailable');
}

export function checkEnvironment(value: JsonValue): void {
  const doc = value.asObject();
  doc.get('version').asOneOf([ENVIRONMENT_RECORD_VERSION]);
  doc.array('suitePids').forEach((p) => p.asNumber({ integer: true, min: 0 }));
  doc.array('gpuProcesses').forEach((s) => checkSample(s, 'processes', checkProcess));
  doc.array('gpuState').forEach((s) => checkSample(s, 'gpus', checkGpuState));
  doc.get('hostCpu').nullable((h) => checkHostCpu(h.asObject()));
  nullableString(doc, 'hostCpuNotAvailable');
}
