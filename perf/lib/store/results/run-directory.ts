// One directory per scenario run: results/<runId>/{run.json, evaluation.json, logs/, workers/}.
// The id starts with the UTC time, so directory listings sort by age.

import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { slugify } from '../../documents/fs/slugify.ts';

export const RUN_RECORD_FILE = 'run.json';
export const EVALUATION_FILE = 'evaluation.json';
export const LOGS_DIR = 'logs';
export const WORKERS_DIR = 'workers';

/** 2026-11-21T21-40-00Z-quick-ab12: UTC time, scenario, 4 random hex digits. */
const RUN_ID = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-([a-z0-9_-]+)-([0-9a-f]{4})$/;

export function formatRunId(scenarioName: string, now: Date, suffix: string): string {
  const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `${time}-${slugify(scenarioName) || 'scenario'}-${suffix}`;
}

/** The time and scenario a run id encodes; null when `runId` is not one. */
export function parseRunId(runId: string): { createdAt: string; scenario: string } | null {
  const match = RUN_ID.exec(runId);
  if (!match) return null;
  const [, day, hours, minutes, seconds, scenario] = match;
  return { createdAt: `${day}T${hours}:${minutes}:${seconds}Z`, scenario: scenario as string };
}

/**
 * Creates a fresh run directory under `root` (created if missing), with logs/ and
 * workers/ inside. Never reuses an existing directory: a clash draws a new suffix.
 */
export async function createRunDirectory(root: string, scenarioName: string, now: Date = new Date()): Promise<{ runId: string; dir: string }> {
  await mkdir(root, { recursive: true });
  for (let attempt = 0; attempt < 8; attempt++) {
    const runId = formatRunId(scenarioName, now, randomBytes(2).toString('hex'));
    const dir = join(root, runId);
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new Error(`could not create the run directory ${dir}: ${(error as Error).message}`, { cause: error });
    }
    await mkdir(join(dir, LOGS_DIR));
    await mkdir(join(dir, WORKERS_DIR));
    return { runId, dir };
  }
  throw new Error(`could not find a free run directory name under ${root} for ${scenarioName} at ${now.toISOString()}`);
}
