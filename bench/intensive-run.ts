// SYNTHETIC: the run the benchmarks time, at the intensive scenario's real sizes: 10 trials
// of 180 s, hp at 20 req/s, lp ResNet-50 batch 1024 at about 4 iter/s, four arms. Built by
// the test fixtures' queueing model (test/fixtures/synthetic-run); nothing here is measured.

import type { RunRecord } from '../perf/lib/documents/types/index.ts';
import { makeScenario } from '../test/fixtures/run-record/scenario.ts';
import { buildSyntheticRecord, type SyntheticRunSpec } from '../test/fixtures/synthetic-run/synthetic-record.ts';

export const INTENSIVE_TRIALS = 10;
export const INTENSIVE_DURATION_MS = 180_000;

export function intensiveSpec(hpRateHz = 20): SyntheticRunSpec {
  return {
    runId: `synthetic-bench-intensive-${hpRateHz}hz`,
    createdAt: '2025-01-15T10:00:00.000Z',
    seed: 5,
    platform: 'cuda',
    scenario: makeScenario({
      name: 'synthetic-intensive',
      description: 'SYNTHETIC benchmark input: the intensive scenario at its real sizes (invented numbers)',
      hp: { rateHz: hpRateHz },
      lp: { batch: 1024 },
      durationMs: INTENSIVE_DURATION_MS,
      trials: INTENSIVE_TRIALS,
    }),
    arms: {
      'hp-alone': { hp: { serviceMedianMs: 1.6, sigma: 0.08, stallProbability: 0.002, stallMs: 1.5 }, lp: null },
      'lp-alone': { hp: null, lp: { iterationMedianMs: 250, sigma: 0.01 } },
      baseline: { hp: { serviceMedianMs: 19, sigma: 0.25, stallProbability: 0.02, stallMs: 20 }, lp: { iterationMedianMs: 255, sigma: 0.02 } },
      xsched: { hp: { serviceMedianMs: 3.1, sigma: 0.12, stallProbability: 0.01, stallMs: 4 }, lp: { iterationMedianMs: 262, sigma: 0.02 } },
    },
  };
}

export function buildIntensiveRun(hpRateHz = 20): RunRecord {
  return buildSyntheticRecord(intensiveSpec(hpRateHz));
}
