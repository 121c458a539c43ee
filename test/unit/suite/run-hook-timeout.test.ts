// The spec's beforeAll timeout grows with the scenario: a catalogue standard-mps run
// (3 trials x 4 arms x 60 s) outlived Vitest's 10-minute hookTimeout on an H200 and was aborted.

import { describe, expect, it } from 'vitest';
import { getCatalogueEntry } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import { ARM_TRIAL_ALLOWANCE_MS, runHookTimeoutMs, SCENARIO_OVERHEAD_MS } from '../../../perf/lib/suite/run-hook-timeout.ts';
import type { ScenarioPlan } from '../../../perf/lib/suite/scenario-plan.ts';

const runPlan = (name: string) => ({ action: 'run', scenario: getCatalogueEntry(name) }) as unknown as ScenarioPlan;

describe('runHookTimeoutMs', () => {
  it('allows each arm-trial its window plus the watchdogs: 180 s ready + 1 s lead + 5 s drain + 20 s grace + 60 s = 266 s', () => {
    expect(ARM_TRIAL_ALLOWANCE_MS).toBe(266_000);
  });

  it('standard-mps: 12 arm-trials x (60 s + 266 s) + 600 s = 4512 s, beyond the 12 minutes its windows alone take', () => {
    expect(runHookTimeoutMs(runPlan('standard-mps'))).toBe(4_512_000);
    expect(runHookTimeoutMs(runPlan('standard-mps'))).toBeGreaterThan(12 * 60_000 + 600_000);
  });

  it('intensive: 12 x (180 s + 266 s) + 600 s = 5952 s', () => {
    expect(runHookTimeoutMs(runPlan('intensive'))).toBe(5_952_000);
  });

  it('a replay, skip or failed plan gets the fixed overhead', () => {
    expect(runHookTimeoutMs({ action: 'replay' } as unknown as ScenarioPlan)).toBe(SCENARIO_OVERHEAD_MS);
    expect(runHookTimeoutMs({ action: 'skip', reason: 'x' })).toBe(600_000);
  });
});
