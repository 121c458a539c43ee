// results/latest.json points at the run directories of the last suite invocation,
// so replay and reports can find them without a path. Several spec files of one
// invocation each add their run; a new invocation starts a new list.

import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readJsonRoot } from '../../documents/fs/json-fields.ts';
import { readJsonFile, readJsonFileIfPresent } from '../../documents/fs/read-json-file.ts';
import { checkSchemaHeader } from '../../documents/fs/schema-header.ts';
import { writeJsonFileAtomic } from '../../documents/fs/write-file-atomic.ts';

export const LATEST_FILE = 'latest.json';
const LATEST_SCHEMA = 'xsched-perf.latest';
const LATEST_SCHEMA_VERSION = 1;

interface LatestRuns {
  schema: typeof LATEST_SCHEMA;
  schemaVersion: typeof LATEST_SCHEMA_VERSION;
  /** Identifies one suite invocation (e.g. the Vitest main process id and start time). */
  invocationId: string;
  updatedAt: string;
  /** Run directories relative to the results root, so the root can be moved (CI artifacts). */
  runs: string[];
}

function parseLatest(file: string, value: unknown): LatestRuns {
  const doc = readJsonRoot(file, value).asObject();
  checkSchemaHeader(doc, LATEST_SCHEMA, LATEST_SCHEMA_VERSION, 'run the suite again to rewrite it');
  return {
    schema: LATEST_SCHEMA,
    schemaVersion: LATEST_SCHEMA_VERSION,
    invocationId: doc.string('invocationId'),
    updatedAt: doc.string('updatedAt'),
    runs: doc.array('runs').map((run) => run.asString()),
  };
}

/**
 * Adds `runDir` to results/latest.json when the file belongs to the same `invocationId`,
 * else replaces the list with it. An unreadable pointer is simply replaced: it holds no data.
 */
export async function recordLatestRun(root: string, runDir: string, invocationId: string, now: Date = new Date()): Promise<void> {
  const file = join(root, LATEST_FILE);
  let previous: LatestRuns | null = null;
  try {
    const value = await readJsonFileIfPresent(file);
    previous = value === undefined ? null : parseLatest(file, value);
  } catch {
    previous = null;
  }
  const run = relative(root, resolve(runDir));
  const runs = previous?.invocationId === invocationId ? [...previous.runs.filter((r) => r !== run), run] : [run];
  const latest: LatestRuns = { schema: LATEST_SCHEMA, schemaVersion: LATEST_SCHEMA_VERSION, invocationId, updatedAt: now.toISOString(), runs };
  await mkdir(root, { recursive: true });
  await writeJsonFileAtomic(file, latest);
}

/** Absolute run directories of the last invocation; throws naming the file when there is none or it is unreadable. */
export async function readLatestRuns(root: string): Promise<string[]> {
  const file = join(root, LATEST_FILE);
  return parseLatest(file, await readJsonFile(file)).runs.map((run) => resolve(root, run));
}
