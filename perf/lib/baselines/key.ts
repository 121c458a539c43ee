// A baseline belongs to one scenario on one kind of GPU under one sharing mode:
// baselines/<scenario>/<platform>-<arch>-<gpu-slug>-<sharing>.json.

import { join } from 'node:path';
import { slugify } from '../fs/slugify.ts';
import type { BaselineKey } from '../types/baseline.ts';
import type { WorkerFingerprint } from '../types/fingerprint.ts';
import type { RunRecord } from '../types/run-record.ts';

/** The fingerprint of the first worker that finished, in trial order; null when none did. */
export function findFirstFingerprint(record: RunRecord): WorkerFingerprint | null {
  for (const trial of record.trials) {
    for (const worker of trial.workers) {
      if (worker.ok) return worker.result.fingerprint;
    }
  }
  return null;
}

export function baselineKeyFromRun(record: RunRecord): BaselineKey {
  const fingerprint = findFirstFingerprint(record);
  if (!fingerprint) {
    throw new Error(
      `run ${record.runId} (${record.scenario.name}): no worker finished, so the run has no GPU fingerprint to key a baseline by`,
    );
  }
  return {
    scenario: record.scenario.name,
    platform: fingerprint.platform,
    gpuName: fingerprint.gpu.name,
    arch: fingerprint.gpu.arch,
    sharing: record.scenario.sharing,
  };
}

/** Path relative to the baselines directory. */
export function baselineRelativePath(key: BaselineKey): string {
  const fileName = [key.platform, slugify(key.arch), slugify(key.gpuName), key.sharing].join('-');
  return join(slugify(key.scenario), `${fileName}.json`);
}

export function baselinePath(dir: string, key: BaselineKey): string {
  return join(dir, baselineRelativePath(key));
}

export function describeBaselineKey(key: BaselineKey): string {
  return `scenario "${key.scenario}" on ${key.platform} ${key.arch} "${key.gpuName}", sharing ${key.sharing}`;
}
