// Validates the scenario stored in a run record: replay trusts these numbers
// (rates, durations, thresholds), so each must be there with the right type.

import type { JsonObject, JsonValue } from '../../documents/fs/json-fields.ts';
import { ALL_ARMS, ALL_MODELS, ARRIVAL_PROCESSES } from '../../plan/scenarios/catalogue.ts';
import { SHARING_MODES } from '../../plan/scenarios/sharing.ts';
import { THRESHOLD_KEYS } from '../../plan/scenarios/thresholds.ts';
import { WORKLOAD_NAMES, type Scenario } from '../../documents/types/scenario.ts';

function checkRole(doc: JsonObject): void {
  doc.get('model').asOneOf(ALL_MODELS);
  doc.number('batch', { integer: true, min: 1 });
  doc.number('imageSize', { integer: true, min: 1 });
}

function checkOverride(value: JsonValue): void {
  const doc = value.asObject();
  doc.string('field');
  doc.string('source');
  for (const key of ['catalogueValue', 'value']) {
    const v = doc.get(key);
    if (typeof v.value === 'number' || typeof v.value === 'string') continue;
    v.asArray().forEach((item) => item.asString());
  }
}

/** Throws a JsonFileError naming the field when `value` is not a complete Scenario. */
export function checkScenario(value: JsonValue): Scenario {
  const doc = value.asObject();
  doc.string('name');
  doc.string('description');
  const hp = doc.object('hp');
  checkRole(hp);
  hp.number('rateHz', { min: Number.MIN_VALUE });
  hp.get('arrival').asOneOf(ARRIVAL_PROCESSES);
  checkRole(doc.object('lp'));
  doc.number('durationMs', { min: 1 });
  doc.number('trials', { integer: true, min: 1 });
  doc.number('gpuIndex', { integer: true, min: 0 });
  doc.number('seed', { integer: true, min: 0 });
  doc.get('sharing').asOneOf(SHARING_MODES);
  doc.array('arms').forEach((arm) => arm.asOneOf(ALL_ARMS));
  const thresholds = doc.object('thresholds');
  for (const key of THRESHOLD_KEYS) thresholds.number(key);
  doc.number('confidence', { min: 0, max: 1 });
  if (doc.has('overrides')) doc.array('overrides').forEach(checkOverride);
  // Optional: records written before workloads could be chosen ran the native worker.
  if (doc.has('workload')) doc.get('workload').asOneOf(WORKLOAD_NAMES);
  return doc.value as unknown as Scenario;
}
