// The thresholds in force for a run: the scenario's, overridden by those stored with the
// baseline for this hardware (thresholds are per scenario and per hardware: docs/configuration.md, docs/baselines.md).

import type { BaselineFile } from '../../documents/types/baseline.ts';
import { THRESHOLD_KEYS } from '../../plan/scenarios/thresholds.ts';
import type { Scenario, Thresholds } from '../../documents/types/scenario.ts';

export function resolveThresholds(scenario: Scenario, baseline: BaselineFile | null): Thresholds {
  const overrides = baseline?.thresholds ?? {};
  const merged: Thresholds = { ...scenario.thresholds, ...overrides };
  for (const field of THRESHOLD_KEYS) {
    const value = merged[field];
    const source = field in overrides ? `the stored baseline for ${baseline?.key.scenario} (thresholds.${field})` : `scenario ${scenario.name} (thresholds.${field})`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
      throw new RangeError(`${source} must be a fraction in [0, 1), received ${JSON.stringify(value)}; write 10% as 0.1`);
    }
  }
  return merged;
}
