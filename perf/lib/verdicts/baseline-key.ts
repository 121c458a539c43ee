// The stored-baseline key of a run: scenario, platform, GPU name and arch, sharing mode.

import type { BaselineKey } from '../types/baseline.ts';
import type { RunRecord } from '../types/run-record.ts';

/** From the first worker that reported a fingerprint; null when none did. */
export function baselineKeyOfRun(record: RunRecord): BaselineKey | null {
  for (const trial of record.trials) {
    for (const outcome of trial.workers) {
      if (!outcome.ok) continue;
      const { platform, gpu } = outcome.result.fingerprint;
      return { scenario: record.scenario.name, platform, gpuName: gpu.name, arch: gpu.arch, sharing: record.scenario.sharing };
    }
  }
  return null;
}

export function describeBaselineKey(key: BaselineKey): string {
  return `scenario=${key.scenario} platform=${key.platform} gpu="${key.gpuName}" arch=${key.arch} sharing=${key.sharing}`;
}

export function sameBaselineKey(a: BaselineKey, b: BaselineKey): boolean {
  return a.scenario === b.scenario && a.platform === b.platform && a.gpuName === b.gpuName && a.arch === b.arch && a.sharing === b.sharing;
}
