// HdrHistogram's coordinated-omission demonstration: a server that stalls for 2 s while
// being offered 100 req/s. A measurement that starts its clock when a request actually
// starts sees one slow request out of 1000 and a P99 of 1 ms; one that starts at the
// scheduled time sees the ~200 requests queued behind the stall, as a user would.

import { describe, expect, it } from 'vitest';
import { extractHpSamples } from '../../../perf/lib/evaluate/stats/hp-samples.ts';
import { resolveMeasurementWindow } from '../../../perf/lib/evaluate/stats/measurement-window.ts';
import { summarizeHpTrial } from '../../../perf/lib/evaluate/stats/trial-stats.ts';
import { makeArmTrial, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { simulateOpenLoopHp } from '../evaluate/fixtures/simulated-workers.ts';

const MS = 1e6;

describe('coordinated omission: a 2 s stall at 100 Hz open loop', () => {
  const scenario = makeScenario({ durationMs: 10_000, hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 100, arrival: 'uniform' } });
  const requests = simulateOpenLoopHp({ rateHz: 100, durationMs: 10_000, serviceNs: () => 1 * MS, stall: { atNs: 5000 * MS, durationNs: 2000 * MS } });
  const result = makeWorkerResult({ scenario, role: 'hp', requests });
  const trial = makeArmTrial(scenario, 'hp-alone', 0, [okOutcome(result)]);
  const stats = summarizeHpTrial(extractHpSamples(result, resolveMeasurementWindow(trial)!, 0), 100);

  it('has 1000 requests, all completed', () => {
    expect(stats.scheduled).toBe(1000);
    expect(stats.completed).toBe(1000);
  });

  it('service time P99 stays at 1 ms: only the stalled request itself is slow', () => {
    expect(stats.serviceMs.p99).toBe(1);
  });

  it('latency from scheduled time shows the stall in P99 (would be 1 ms if measured from started)', () => {
    // About 200 requests were scheduled during the stall, waiting 2 s down to ~0.2 s;
    // the 10 slowest of 1000 (P99 = rank 990) all waited more than 1.9 s.
    expect(stats.latencyMs.p99).toBeGreaterThan(1900);
    expect(stats.latencyMs.max).toBeGreaterThanOrEqual(2000);
    expect(stats.latencyMs.p99 / stats.serviceMs.p99).toBeGreaterThan(100);
  });

  it('P90 also sees the queue (100 of 1000 waited more than ~1 s), P50 does not', () => {
    expect(stats.latencyMs.p90).toBeGreaterThan(1000);
    expect(stats.latencyMs.p50).toBe(1);
  });
});
