// What the run record says about where it ran and with which suite version.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { RunRecord } from '../../documents/types/run-record.ts';

export function describeHost(): RunRecord['host'] {
  return {
    hostname: os.hostname(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    cpus: os.cpus().length,
  };
}

/** The `version` of the repository's package.json. */
export function readSuiteVersion(): string {
  const path = new URL('../../../../package.json', import.meta.url);
  try {
    const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Sortable and unique: UTC time, scenario name, 6 random hex digits. */
export function generateRunId(scenarioName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = scenarioName.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return `${stamp}-${name}-${randomBytes(3).toString('hex')}`;
}
