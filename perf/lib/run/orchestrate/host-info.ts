// What the run record says about where it ran and with which suite version.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { RunRecord } from '../../documents/types/run-record.ts';

export function describeHost(): RunRecord['host'] {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    cpus: cpus.length,
    // XSched's xserver and the workers' launch threads run on the CPU; machines of one GPU model
    // differ in XSched's level (docs/statistics.md 6), and this lets a reader group runs by CPU.
    ...(cpus[0]?.model ? { cpuModel: cpus[0].model.trim() } : {}),
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
