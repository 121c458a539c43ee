// Reads and validates a worker's result file (docs/protocol.md, "Result file") against its
// schema (documents/schemas/worker-result.ts, published as schemas/worker-result.schema.json),
// then that it answers the run the suite asked for (role, start and end instants).

import { readFile } from 'node:fs/promises';
import type { Role } from '../../documents/types/scenario.ts';
import type { WorkerResult } from '../../documents/types/worker-result.ts';
import { WorkerResultSchema } from '../../documents/schemas/worker-result.ts';
import { parseDocument } from '../../documents/schemas/first-problem.ts';
import { BadOutputError } from './bad-output-error.ts';
import { FieldReader } from './protocol-fields.ts';

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
  return validateWorkerResult(FieldReader.fromJsonText(source, text), expected);
}

export function validateWorkerResult(r: FieldReader, expected: ExpectedResult): WorkerResult {
  const result = parseDocument(WorkerResultSchema, r.value, ({ field, problem }) => r.fail(field, problem));
  const { options } = result;
  if (options.role !== expected.role) r.fail('options.role', `must be "${expected.role}" (the role started), got "${options.role}"`);
  if (result.startNs !== expected.startNs) r.fail('startNs', `must be ${expected.startNs} (the START sent), got ${result.startNs}`);
  if (result.endNs !== expected.endNs) r.fail('endNs', `must be ${expected.endNs} (the START sent), got ${result.endNs}`);
  // The schema cannot tie fields to the role (docs/protocol.md, "Result file"): hp has requests, lp iterations.
  const roleFields = expected.role === 'hp' ? (['rateHz', 'arrival'] as const) : [];
  for (const key of roleFields) if (options[key] === undefined) r.fail(`options.${key}`, 'is missing');
  const records = expected.role === 'hp' ? (['requests', 'unstartedRequests'] as const) : (['iterations'] as const);
  for (const key of records) if (result[key] === undefined) r.fail(key, 'is missing');
  return result;
}
