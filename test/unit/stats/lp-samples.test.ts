import { describe, expect, it } from 'vitest';
import { extractLpSamples } from '../../../perf/lib/evaluate/stats/lp-samples.ts';
import type { MeasurementWindow } from '../../../perf/lib/evaluate/stats/measurement-window.ts';
import { summarizeLpTrial } from '../../../perf/lib/evaluate/stats/trial-stats.ts';
import { START_NS, makeScenario, makeWorkerResult } from '../../fixtures/run-record/index.ts';

const MS = 1e6;
const scenario = makeScenario({ durationMs: 1000 });
const window: MeasurementWindow = { startNs: START_NS, endNs: START_NS + 1_000_000_000n, durationNs: 1e9 };

describe('lp samples of one trial', () => {
  it('counts whole iterations and pro-rates the one crossing endNs', () => {
    // 0-400, 400-800 whole; 800-1200 has 200 of its 400 ms inside: 2.5 iterations in 1 s.
    const result = makeWorkerResult({ scenario, role: 'lp', iterations: [[0, 400 * MS], [400 * MS, 800 * MS], [800 * MS, 1200 * MS]] });
    const samples = extractLpSamples(result, window, 0);
    expect(samples.iterations).toBeCloseTo(2.5, 12);
    const stats = summarizeLpTrial(samples);
    expect(stats.iterPerSec).toBeCloseTo(2.5, 12);
    expect(stats.imagesPerSec).toBeCloseTo(20, 12); // batch 8
    expect(stats.iterationMs).toMatchObject({ count: 3, mean: 400, max: 400 });
  });

  it('pro-rates an iteration that started before the window', () => {
    // -100..300 ms: 300 of 400 ms inside -> 0.75 iteration.
    const result = makeWorkerResult({ scenario, role: 'lp', iterations: [[-100 * MS, 300 * MS]] });
    expect(extractLpSamples(result, window, 0).iterations).toBeCloseTo(0.75, 12);
  });

  it('coverage is the union of iterations inside the window (gaps and overlaps handled)', () => {
    // 0-300 and 200-500 overlap (union 0-500); gap 500-700; 700-900: covered 700 ms.
    const result = makeWorkerResult({ scenario, role: 'lp', iterations: [[700 * MS, 900 * MS], [0, 300 * MS], [200 * MS, 500 * MS]] });
    expect(extractLpSamples(result, window, 0).coveredNs).toBe(700 * MS);
  });

  it('empty and all-outside inputs give zero iterations', () => {
    expect(extractLpSamples(makeWorkerResult({ scenario, role: 'lp' }), window, 0).iterations).toBe(0);
    const outside = makeWorkerResult({ scenario, role: 'lp', iterations: [[1000 * MS, 1400 * MS]] });
    expect(extractLpSamples(outside, window, 0).iterations).toBe(0);
  });

  it('malformed iterations (end before start) are counted and left out', () => {
    const result = makeWorkerResult({ scenario, role: 'lp', iterations: [[0, 500 * MS], [600 * MS, 550 * MS]] });
    const samples = extractLpSamples(result, window, 0);
    expect(samples.malformed).toBe(1);
    expect(samples.iterations).toBe(1);
  });
});
