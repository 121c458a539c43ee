// betweenRunNoise (perf/lib/evaluate/verdicts/between-run-noise.ts): which between-run log-SD the
// regression verdict assumes, by arm, scenario and CPU placement of the stored baseline.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { betweenRunNoise } from '../../../perf/lib/evaluate/verdicts/between-run-noise.ts';

/** Only the fields betweenRunNoise reads. */
const stored = (scenario: string, sharing: string, pinnedCpus?: number, own?: BaselineFile['betweenRunLogSd']): BaselineFile =>
  ({ key: { scenario, sharing }, ...(pinnedCpus === undefined ? {} : { workload: { pinnedCpus } }), ...(own === undefined ? {} : { betweenRunLogSd: own }) }) as unknown as BaselineFile;

describe('betweenRunNoise', () => {
  it('a pinned quick time-sliced baseline: the pinned runs\' value for the xsched arm\'s hp P99 only', () => {
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'xsched', 'hpP99')).toEqual({ logSd: 0.05, source: 'recorded pinned quick time-sliced runs' });
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'xsched', 'lpIterPerSec').logSd).toBe(0.007);
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4), 'baseline', 'hpP99').logSd).toBe(0.035);
  });

  it('a pinned quick MPS baseline: the same for its xsched arm (two pinned runs recorded)', () => {
    expect(betweenRunNoise(stored('quick', 'mps', 4), 'xsched', 'hpP99')).toEqual({ logSd: 0.05, source: 'recorded pinned quick mps runs' });
  });

  it('unpinned, or pinned where no pinned repeats were recorded: the unpinned values', () => {
    for (const file of [stored('quick', 'time-sliced'), stored('quick', 'time-sliced', 0), stored('quick', 'mps'), stored('standard', 'time-sliced', 4)]) {
      expect(betweenRunNoise(file, 'xsched', 'hpP99')).toEqual({ logSd: 0.22, source: 'the largest measured on recorded H200 runs' });
    }
    expect(betweenRunNoise(stored('intensive-30s', 'time-sliced', 4), 'xsched', 'hpP99').logSd).toBe(0.035);
  });

  it("a baseline's own value wins over both", () => {
    expect(betweenRunNoise(stored('quick', 'time-sliced', 4, { xsched: { hpP99: 0.1, lpIterPerSec: 0.01 } }), 'xsched', 'hpP99')).toEqual({ logSd: 0.1, source: 'stored with the baseline' });
  });
});
