// What a regression fail judged against other GPUs adds (perf/lib/evaluate/verdicts/other-machines-note.ts),
// on hand-checkable inputs; judgeBaselineRegression's use of it: own-machine-runs.test.ts.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { machineLevelSpread, otherMachinesAdvice, otherMachinesOf } from '../../../perf/lib/evaluate/verdicts/other-machines-note.ts';

const storedWith = (machines: Array<string | undefined>): BaselineFile =>
  ({ workerVersion: '0.2.0', runs: machines.map((machine, i) => ({ runId: `r${i}`, startedAt: '2026-12-01T00:00:00Z', ...(machine === undefined ? {} : { machine }) })) }) as unknown as BaselineFile;

describe('otherMachinesOf', () => {
  it('stands where the baseline names another GPU and holds fewer than 6 runs of this one', () => {
    expect(otherMachinesOf(storedWith(['GPU-a', 'GPU-b', 'GPU-b']), 'GPU-x')).toEqual({ machine: 'GPU-x', runsHere: 0, runs: 3, workerVersion: '0.2.0' });
    expect(otherMachinesOf(storedWith(['GPU-x', 'GPU-b']), 'GPU-x')?.runsHere).toBe(1);
  });

  it('is null with 6 runs of this GPU (judged against those), with no other GPU named, without runs or GPU', () => {
    expect(otherMachinesOf(storedWith(['GPU-x', 'GPU-x', 'GPU-x', 'GPU-x', 'GPU-x', 'GPU-x', 'GPU-b']), 'GPU-x')).toBeNull();
    expect(otherMachinesOf(storedWith(['GPU-x', 'GPU-x']), 'GPU-x')).toBeNull();
    expect(otherMachinesOf(storedWith([undefined, undefined]), 'GPU-x')).toBeNull();
    expect(otherMachinesOf({ workerVersion: '0.2.0' } as BaselineFile, 'GPU-x')).toBeNull();
    expect(otherMachinesOf(storedWith(['GPU-a']), undefined)).toBeNull();
  });
});

describe('machineLevelSpread', () => {
  it('the largest ratio of a GPU\'s mean log to the mean of the run means', () => {
    // Run means 0 and ln 2 on two GPUs: level ln 2 / 2, each GPU sqrt(2) away.
    expect(machineLevelSpread([1, 1, 2, 2], [0, 0, 1, 1], ['GPU-a', 'GPU-b'])).toBeCloseTo(Math.SQRT2, 12);
    // GPU-a's runs at 1 and 4 (mean ln 2), GPU-b's at 2: both at the level ln 2.
    expect(machineLevelSpread([1, 4, 2], [0, 1, 2], ['GPU-a', 'GPU-a', 'GPU-b'])).toBeCloseTo(1, 12);
  });

  it('is null with fewer than 2 named GPUs', () => {
    expect(machineLevelSpread([1, 2], [0, 1], ['GPU-a', 'GPU-a'])).toBeNull();
    expect(machineLevelSpread([1, 2], [0, 1], ['GPU-a', undefined])).toBeNull();
  });
});

describe('otherMachinesAdvice', () => {
  const at = { machine: 'GPU-x', runsHere: 0, runs: 9, workerVersion: '0.2.0' };

  it('says where this GPU stands, how far the baseline\'s GPUs differ, and the test that tells a GPU from a change', () => {
    const text = otherMachinesAdvice(at, 1.2345, 1.1);
    expect(text).toContain("The baseline holds none of its 9 runs on this GPU (GPU-x), so this run was judged against other GPUs; in this metric the baseline's GPUs differ from its level by up to x1.100, and this run reads x1.234.");
    expect(text).toContain('running this configuration again only rules out chance');
    expect(text).toContain("run the baseline's configuration on this GPU (worker 0.2.0, the suite commits and XSched settings its runs record, the same XSched build): if that fails too, it is the GPU");
    expect(text).toContain("then add those runs of the baseline's configuration (npm run perf:update-baselines -- --from <their run dirs> --append --accept-regressed) until the baseline holds 6 runs of this GPU");
  });

  it('with some runs here it was judged against all of them; without GPU levels it gives no spread', () => {
    const text = otherMachinesAdvice({ ...at, runsHere: 5, runs: 8 }, 1.3, null);
    expect(text).toContain('The baseline holds 5 of its 8 runs on this GPU (GPU-x), so this run was judged against all 8, 3 of them of other GPUs.');
    expect(text).not.toContain('differ from its level');
  });
});
