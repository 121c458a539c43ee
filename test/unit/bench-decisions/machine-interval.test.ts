import { describe, expect, it } from 'vitest';
import { formatMachineInterval, machineInterval, readTarget } from '../../../scripts/bench-decisions/machine-interval.ts';
import type { MachineCounts } from '../../../scripts/bench-decisions/regression-sim.ts';

/** Per machine: draws and how many passed every verdict (failCounts unused here). */
const counts = (...passes: Array<[number, number]>): Map<string, MachineCounts> =>
  new Map(passes.map(([draws, allPassCount], i) => [`GPU-${i}`, { draws, allPassCount, failCounts: new Map() }]));
const passShare = (c: MachineCounts): number => c.allPassCount / c.draws;

describe('a rate with its interval over machines', () => {
  it('is the mean of the machine rates with a t interval over them, worked by hand', () => {
    // Rates 1, 1, 0.5: mean 5/6; SD sqrt(1/12) = 0.2887; SE 0.1667; t(0.95, 2 df) = 2.92, half-width 0.4867.
    const interval = machineInterval(counts([10, 10], [20, 20], [10, 5]), passShare, 0.9)!;
    expect(interval.rate).toBeCloseTo(5 / 6, 10);
    expect(interval.machines).toBe(3);
    expect(interval.low).toBeCloseTo(5 / 6 - 2.919986 * Math.sqrt(1 / 12 / 3), 5);
    expect(interval.high).toBe(1);
    expect(readTarget(interval, 0.95)).toBe('not shown either way');
  });

  it('reads met, not met, or neither against a lower bound', () => {
    expect(readTarget(machineInterval(counts([4, 4], [4, 4], [4, 4]), passShare, 0.9)!, 0.95)).toBe('met');
    expect(readTarget(machineInterval(counts([10, 5], [10, 5], [10, 6]), passShare, 0.9)!, 0.9)).toBe('not met');
  });

  it('gives none from fewer than 3 machines, where two at 100% would read as certain', () => {
    expect(machineInterval(counts([4, 4], [4, 4]), passShare, 0.9)).toBeNull();
    expect(machineInterval(counts([4, 4], [4, 4], [0, 0]), passShare, 0.9)).toBeNull();
  });

  it('prints the rate, the interval, the machines and the reading', () => {
    expect(formatMachineInterval({ rate: 0.912, machines: 9, low: 0.748, high: 1 }, 0.95)).toBe('91.2% [74.8%, 100.0%] over 9 machines: not shown either way (>= 95.0%)');
  });
});
