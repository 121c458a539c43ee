import type { BaselineFile } from '../types/baseline.ts';
import type { Thresholds } from '../types/scenario.ts';

/** The scenario's thresholds with the stored baseline's per-hardware overrides on top. */
export function mergeBaselineThresholds(scenarioThresholds: Thresholds, baseline: BaselineFile | null): Thresholds {
  return { ...scenarioThresholds, ...(baseline?.thresholds ?? {}) };
}
