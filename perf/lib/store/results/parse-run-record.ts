// Validates a saved run record (run.json) before replay or a baseline update reads it.

import { readJsonRoot, type JsonValue } from '../../documents/fs/json-fields.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { ALL_ARMS } from '../../plan/scenarios/catalogue.ts';
import { RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, type RunRecord } from '../../documents/types/run-record.ts';
import { checkEnvironment } from './parse-environment.ts';
import { checkScenario } from './parse-scenario.ts';
import { checkRunSource } from './parse-run-source.ts';
import { checkDecimalNs, checkWorkerOutcome } from './parse-worker-outcome.ts';

function checkArmTrial(value: JsonValue): void {
  const doc = value.asObject();
  doc.get('arm').asOneOf(ALL_ARMS);
  doc.number('trial', { integer: true, min: 0 });
  doc.string('startedAt');
  doc.get('startNs').nullable(checkDecimalNs);
  doc.get('endNs').nullable(checkDecimalNs);
  doc.array('workers').forEach(checkWorkerOutcome);
  doc.get('skipped').nullable((v) => v.asString());
  doc.get('xsched').nullable((v) => v.asObject());
  doc.get('sharing').nullable((v) => v.asObject());
  if (doc.has('reference')) doc.get('reference').nullable((v) => v.asObject());
  if (doc.has('environment')) checkEnvironment(doc.get('environment'));
  if (doc.has('interrupted')) doc.boolean('interrupted');
}

function checkRunStatus(value: JsonValue): void {
  const status = value.asObject();
  const state = status.get('state').asOneOf(['complete', 'aborted'] as const);
  if (state === 'aborted') {
    status.string('reason');
    status.string('at');
  }
}

/** The run record in `value` (parsed JSON of `file`); throws a JsonFileError naming file and field. */
export function parseRunRecord(file: string, value: unknown): RunRecord {
  const doc = readJsonRoot(file, value).asObject();
  checkSchemaHeader(doc, RUN_RECORD_SCHEMA, RUN_RECORD_SCHEMA_VERSION, 'replay it with the suite version that recorded it');
  doc.string('runId');
  doc.string('createdAt');
  doc.string('suiteVersion');
  checkScenario(doc.get('scenario'));
  const host = doc.object('host');
  host.string('hostname');
  host.string('os');
  host.string('node');
  host.number('cpus', { integer: true, min: 0 });
  doc.string('workerPath');
  doc.array('trials').forEach(checkArmTrial);
  doc.array('notes').forEach((note) => note.asString());
  if (doc.has('status')) checkRunStatus(doc.get('status'));
  if (doc.has('source')) checkRunSource(doc.get('source'));
  return doc.value as unknown as RunRecord;
}
