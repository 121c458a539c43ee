import { describe, expect, it } from 'vitest';
import { achievedRateHz, extractHpSamples } from '../../../perf/lib/evaluate/stats/hp-samples.ts';
import type { MeasurementWindow } from '../../../perf/lib/evaluate/stats/measurement-window.ts';
import { summarizeHpTrial } from '../../../perf/lib/evaluate/stats/trial-stats.ts';
import { START_NS, makeScenario, makeWorkerResult } from '../../fixtures/run-record/index.ts';

const MS = 1e6;
// A 1-second window, 4 requests scheduled 250 ms apart (4 req/s).
const scenario = makeScenario({ durationMs: 1000, hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 4, arrival: 'uniform' } });
const window: MeasurementWindow = { startNs: START_NS, endNs: START_NS + 1_000_000_000n, durationNs: 1e9 };

describe('hp samples of one trial', () => {
  it('latency counts from scheduled (queueing included), service from started', () => {
    const result = makeWorkerResult({
      scenario,
      role: 'hp',
      requests: [
        [0, 0, 2 * MS], // latency 2, service 2
        [250 * MS, 251 * MS, 254 * MS], // latency 4, service 3
        [500 * MS, 520 * MS, 530 * MS], // latency 30 (20 ms queued), service 10
        [750 * MS, 750 * MS, 751 * MS], // latency 1, service 1
      ],
    });
    const samples = extractHpSamples(result, window, 0);
    expect(Array.from(samples.latenciesNs)).toEqual([1 * MS, 2 * MS, 4 * MS, 30 * MS]);
    expect(Array.from(samples.servicesNs)).toEqual([1 * MS, 2 * MS, 3 * MS, 10 * MS]);
    const stats = summarizeHpTrial(samples, 4);
    expect(stats.scheduled).toBe(4);
    expect(stats.completed).toBe(4);
    // All 4 finished inside the 1 s window: 4 / 1 s.
    expect(stats.achievedRateHz).toBe(4);
    expect(stats.latencyMs.max).toBe(30);
    expect(stats.latencyMs.mean).toBe(9.25); // (2 + 4 + 30 + 1) / 4
    expect(stats.serviceMs.p50).toBe(2); // rank ceil(0.5 * 4) = 2 of [1, 2, 3, 10]
  });

  it('unstarted requests are scheduled but not completed, and lower the achieved rate', () => {
    const result = makeWorkerResult({ scenario, role: 'hp', requests: [[0, 0, MS], [250 * MS, 250 * MS, 251 * MS]], unstartedRequests: 2 });
    const samples = extractHpSamples(result, window, 0);
    expect(samples.scheduled).toBe(4);
    expect(samples.completed).toBe(2);
    expect(samples.notCompleted).toBe(2);
    expect(achievedRateHz(samples)).toBe(2); // 2 completed / 1 s
  });

  it('requests that never started count as longer than any finished one (hand-checked ranks)', () => {
    // Finished latencies 1, 2, 4, 30 ms plus 1 unstarted: 5 ranked values [1, 2, 4, 30, inf].
    const result = makeWorkerResult({
      scenario,
      role: 'hp',
      requests: [[0, 0, 2 * MS], [250 * MS, 251 * MS, 254 * MS], [500 * MS, 520 * MS, 530 * MS], [750 * MS, 750 * MS, 751 * MS]],
      unstartedRequests: 1,
    });
    const samples = extractHpSamples(result, window, 0);
    expect(Array.from(samples.latenciesNs)).toEqual([1 * MS, 2 * MS, 4 * MS, 30 * MS, Infinity]);
    expect(samples.completed).toBe(4);
    const stats = summarizeHpTrial(samples, 4);
    expect(stats.latencyMs.p50).toBe(4); // rank ceil(0.5 * 5) = 3
    expect(stats.latencyMs.p90).toBe(Infinity); // rank ceil(0.9 * 5) = 5: the unstarted one
    expect(stats.latencyMs.count).toBe(4); // count and mean: finished requests only
    expect(stats.latencyMs.mean).toBe(9.25);
    expect(stats.latencyMs.max).toBe(Infinity);
  });

  it('P99 stays finite with 1 unstarted in 100, and is unbounded with 2', () => {
    const finished = (n: number) => Array.from({ length: n }, (_, i): [number, number, number] => [i * MS, i * MS, i * MS + (i + 1) * 1000]);
    const wide: MeasurementWindow = { ...window };
    const one = summarizeHpTrial(extractHpSamples(makeWorkerResult({ scenario, role: 'hp', requests: finished(99), unstartedRequests: 1 }), wide, 0), 4);
    expect(one.latencyMs.p99).toBe(0.099); // rank 99 of 100: the slowest finished request, 99 us
    const two = summarizeHpTrial(extractHpSamples(makeWorkerResult({ scenario, role: 'hp', requests: finished(98), unstartedRequests: 2 }), wide, 0), 4);
    expect(two.latencyMs.p99).toBe(Infinity);
  });

  it('tail rule: a request finishing after endNs counts, over the span to its finish', () => {
    // The last request (scheduled 750 ms) finishes at 1250 ms: span 1.25 s, 4 completed -> 3.2 req/s.
    const result = makeWorkerResult({
      scenario,
      role: 'hp',
      requests: [[0, 0, MS], [250 * MS, 250 * MS, 251 * MS], [500 * MS, 500 * MS, 501 * MS], [750 * MS, 750 * MS, 1250 * MS]],
    });
    const samples = extractHpSamples(result, window, 0);
    expect(samples.lastFinishNs).toBe(1250 * MS);
    expect(achievedRateHz(samples)).toBeCloseTo(3.2, 12);
    // Its latency (500 ms) is kept: dropping the slow tail would hide exactly what matters.
    expect(samples.latenciesNs[3]).toBe(500 * MS);
  });

  it('requests scheduled outside the window are ignored; impossible times are counted as malformed', () => {
    const result = makeWorkerResult({
      scenario,
      role: 'hp',
      requests: [[0, 0, MS], [1000 * MS, 1000 * MS, 1001 * MS], [500 * MS, 510 * MS, 505 * MS]],
    });
    const samples = extractHpSamples(result, window, 0);
    expect(samples.scheduled).toBe(2); // the one at 1000 ms is at endNs: outside [0, 1000 ms)
    expect(samples.completed).toBe(1);
    expect(samples.malformed).toBe(1); // finished before started
  });

  it('shifts worker times onto the window when the worker start differs from the trial start', () => {
    const result = { ...makeWorkerResult({ scenario, role: 'hp', requests: [[0, 0, MS]] }), startNs: (START_NS + 5_000_000n).toString() };
    const samples = extractHpSamples(result, window, 0);
    expect(samples.lastFinishNs).toBe(6 * MS); // 5 ms offset + 1 ms finish
  });

  it('empty: no requests gives zero counts, zero rate', () => {
    const samples = extractHpSamples(makeWorkerResult({ scenario, role: 'hp' }), window, 0);
    expect(samples.completed).toBe(0);
    expect(achievedRateHz(samples)).toBe(0);
    expect(summarizeHpTrial(samples, 4).latencyMs.count).toBe(0);
  });
});
