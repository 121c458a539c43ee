// betweenRunNoise (perf/lib/evaluate/verdicts/between-run-noise.ts): which between-run log-SD the
// regression verdict assumes, by arm, scenario and CPU placement of the stored baseline.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { betweenRunNoise } from '../../../perf/lib/evaluate/verdicts/between-run-noise.ts';

/** Only the fields betweenRunNoise reads. */
const stored = (scenario: string, sharing: string, pinnedCpus?: number, own?: BaselineFile['betweenRunLogSd']): BaselineFile =>
  ({ key: { scenario, sharing }, ...(pinnedCpus === undefined ? {} : { workload: { pinnedCpus } }), ...(own === undefined ? {} : { betweenRunLogSd: own }) }) as unknown as BaselineFile;

describe('betweenRunNoise', () => {
  it('a pinned quick time-sliced baseline: the pinned runs\' values for the xsched arm only', () => {
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'xsched', 'hpP99')).toEqual({ logSd: 0.06, source: 'recorded pinned quick time-sliced runs', estimateFromRuns: false });
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'xsched', 'lpIterPerSec').logSd).toBe(0.025);
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'baseline', 'hpP99').logSd).toBe(0.035);
  });

  it('a pinned quick MPS baseline: the same for its xsched arm (two pinned runs recorded)', () => {
    expect(betweenRunNoise(stored('quick', 'mps', 4), 'xsched', 'hpP99')).toEqual({ logSd: 0.05, source: 'recorded pinned quick mps runs', estimateFromRuns: false });
  });

  it('unpinned, or pinned where no pinned repeats were recorded: the unpinned values', () => {
    for (const file of [stored('quick', 'time-sliced'), stored('quick', 'time-sliced', 0), stored('quick', 'mps'), stored('standard', 'time-sliced', 4)]) {
      expect(betweenRunNoise(file, 'xsched', 'hpP99')).toEqual({ logSd: 0.22, source: 'the largest measured on recorded H200 runs', estimateFromRuns: false });
    }
    expect(betweenRunNoise(stored('intensive-30s', 'time-sliced', 4), 'xsched', 'hpP99').logSd).toBe(0.035);
  });

  it("a baseline's own value wins over both", () => {
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4, { xsched: { hpP99: 0.1, lpIterPerSec: 0.01 } }), 'xsched', 'hpP99')).toEqual({ logSd: 0.1, source: 'stored with the baseline', estimateFromRuns: false });
  });

  describe('a baseline of several runs', () => {
    const run = (id: string, startedAt: string, machine?: string) => ({ runId: id, startedAt, ...(machine ? { machine } : {}) });
    /** quick pinned, xsched hp values of `runs.length` runs of 2 trials each (lp-alone-like arm without hp). */
    const several = (runs: ReturnType<typeof run>[], own?: BaselineFile['betweenRunLogSd']): BaselineFile => {
      const trialRuns = runs.flatMap((_, i) => [i, i]);
      return {
        ...stored('quick', 'time-sliced', 4, own),
        runs,
        arms: {
          xsched: { hpP99Ms: trialRuns.map(() => 1.2), lpIterPerSec: trialRuns.map(() => 286), trialRuns },
          'lp-alone': { hpP99Ms: [], lpIterPerSec: trialRuns.map(() => 314), trialRuns },
        },
      } as unknown as BaselineFile;
    };
    const threeMachines = [run('a', '2026-11-30T09:00:00Z', 'GPU-1'), run('b', '2026-11-30T10:00:00Z', 'GPU-2'), run('c', '2026-11-30T11:00:00Z', 'GPU-3')];

    it('3 runs on 3 machines: estimated from them, no floor', () => {
      expect(betweenRunNoise(several(threeMachines), 'xsched', 'hpP99')).toEqual({
        logSd: 0,
        source: "estimated from the baseline's 3 runs on 3 machines over 2.0 h",
        estimateFromRuns: true,
        machineOfRun: ['GPU-1', 'GPU-2', 'GPU-3'],
      });
    });

    it('3 runs on one machine over 30 hours count as days: estimated, no floor', () => {
      const days = [run('a', '2026-11-28T09:00:00Z', 'GPU-1'), run('b', '2026-11-29T10:00:00Z', 'GPU-1'), run('c', '2026-11-29T15:00:00Z', 'GPU-1')];
      expect(betweenRunNoise(several(days), 'xsched', 'lpIterPerSec')).toMatchObject({ logSd: 0, estimateFromRuns: true });
    });

    it('3 runs back to back on one machine: estimated, but never below the recorded value', () => {
      const sameMachine = [run('a', '2026-11-30T09:00:00Z', 'GPU-1'), run('b', '2026-11-30T09:03:00Z', 'GPU-1'), run('c', '2026-11-30T09:06:00Z', 'GPU-1')];
      const noise = betweenRunNoise(several(sameMachine), 'xsched', 'hpP99');
      expect(noise.logSd).toBe(0.06);
      expect(noise.estimateFromRuns).toBe(true);
      expect(noise.source).toContain('not below recorded pinned quick time-sliced runs (0.06): its runs are from 1 machine over 0.1 h');
    });

    it('4 runs on 2 machines within a day: one difference of machine levels is too few, the recorded value is a floor', () => {
      const two = [run('a', '2026-11-30T09:00:00Z', 'GPU-1'), run('b', '2026-11-30T09:03:00Z', 'GPU-1'), run('c', '2026-11-30T12:00:00Z', 'GPU-2'), run('d', '2026-11-30T12:03:00Z', 'GPU-2')];
      const noise = betweenRunNoise(several(two), 'xsched', 'hpP99');
      expect(noise.logSd).toBe(0.06);
      expect(noise.source).toContain('its runs are from 2 machines over 3.0 h, less than a day or 3 machines');
    });

    it('runs that name no machine (a baseline from history): only a span of a day or more counts', () => {
      const days = [run('a', '2026-11-28T09:00:00Z'), run('b', '2026-11-29T10:00:00Z'), run('c', '2026-11-29T15:00:00Z')];
      expect(betweenRunNoise(several(days), 'xsched', 'hpP99')).toEqual({ logSd: 0, source: "estimated from the baseline's 3 runs on unknown machines over 30.0 h", estimateFromRuns: true });
      const hours = [run('a', '2026-11-30T09:00:00Z'), run('b', '2026-11-30T10:00:00Z'), run('c', '2026-11-30T11:00:00Z', 'GPU-1')];
      expect(betweenRunNoise(several(hours), 'xsched', 'hpP99')).toMatchObject({ logSd: 0.06, estimateFromRuns: true });
      expect(betweenRunNoise(several(hours), 'xsched', 'hpP99').source).toContain('its runs are from 1 machine (and some unknown) over 2.0 h');
    });

    it('2 runs are too few to estimate from: assumed, as for one run', () => {
      expect(betweenRunNoise(several(threeMachines.slice(0, 2)), 'xsched', 'hpP99')).toEqual({ logSd: 0.06, source: 'recorded pinned quick time-sliced runs', estimateFromRuns: false });
    });

    it('an arm without values of the metric has no runs to estimate from', () => {
      expect(betweenRunNoise(several(threeMachines), 'lp-alone', 'hpP99').estimateFromRuns).toBe(false);
    });

    it("a hand-set value in the baseline still wins", () => {
      expect(betweenRunNoise(several(threeMachines, { xsched: { hpP99: 0.1 } }), 'xsched', 'hpP99')).toEqual({ logSd: 0.1, source: 'stored with the baseline', estimateFromRuns: false });
    });
  });
});
