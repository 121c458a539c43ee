// A baseline belongs to one scenario on one kind of GPU under one sharing mode:
// baselines/<scenario>/<platform>-<arch>-<gpu-slug>-<sharing>.json.
// The one place that derives, compares and describes these keys: the baseline store and
// the regression verdict must agree on what "the same hardware" means.

import { join } from 'node:path';
import { slugify } from '../../documents/fs/slugify.ts';
import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { WorkerFingerprint } from '../../documents/types/fingerprint.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { Scenario } from '../../documents/types/scenario.ts';

/** The fingerprint of the first worker that finished, in trial order; null when none did. */
export function findFirstFingerprint(record: RunRecord): WorkerFingerprint | null {
  for (const trial of record.trials) {
    for (const worker of trial.workers) {
      if (worker.ok) return worker.result.fingerprint;
    }
  }
  return null;
}

/** The key of a run of `scenario` on the GPU a worker's fingerprint or probe describes. */
export function baselineKeyOf(scenario: Pick<Scenario, 'name' | 'sharing'>, gpu: { platform: BaselineKey['platform']; gpu: Pick<WorkerFingerprint['gpu'], 'name' | 'arch'> }): BaselineKey {
  return { scenario: scenario.name, platform: gpu.platform, gpuName: gpu.gpu.name, arch: gpu.gpu.arch, sharing: scenario.sharing };
}

/** The run's key from its first finished worker; null when no worker finished. */
export function baselineKeyOfRun(record: RunRecord): BaselineKey | null {
  const fingerprint = findFirstFingerprint(record);
  // A CPU test-mode run (docs/workloads.md) measured no GPU: it has no key and is never a baseline.
  if (!fingerprint || fingerprint.platform === 'cpu') return null;
  return baselineKeyOf(record.scenario, { platform: fingerprint.platform, gpu: fingerprint.gpu });
}

/** As baselineKeyOfRun, for callers that cannot go on without a key (storing a baseline). */
export function baselineKeyFromRun(record: RunRecord): BaselineKey {
  const key = baselineKeyOfRun(record);
  if (!key) {
    throw new Error(
      `run ${record.runId} (${record.scenario.name}): no worker finished, so the run has no GPU fingerprint to key a baseline by`,
    );
  }
  return key;
}

export function sameBaselineKey(a: BaselineKey, b: BaselineKey): boolean {
  return a.scenario === b.scenario && a.platform === b.platform && a.gpuName === b.gpuName && a.arch === b.arch && a.sharing === b.sharing;
}

/** Path relative to the baselines directory. */
export function baselineRelativePath(key: BaselineKey): string {
  const fileName = [key.platform, slugify(key.arch), slugify(key.gpuName), key.sharing].join('-');
  return join(slugify(key.scenario), `${fileName}.json`);
}

export function baselinePath(dir: string, key: BaselineKey): string {
  return join(dir, baselineRelativePath(key));
}

/** Prose, for messages that tell someone which baseline file to create or update. */
export function describeBaselineKey(key: BaselineKey): string {
  return `scenario "${key.scenario}" on ${key.platform} ${key.arch} "${key.gpuName}", sharing ${key.sharing}`;
}

/** name=value pairs, for verdict messages where two keys are set side by side field by field. */
export function formatBaselineKeyFields(key: BaselineKey): string {
  return `scenario=${key.scenario} platform=${key.platform} gpu="${key.gpuName}" arch=${key.arch} sharing=${key.sharing}`;
}
