// START instants are CLOCK_MONOTONIC nanoseconds; Node's clock must be that clock.
// Python's time.clock_gettime_ns(CLOCK_MONOTONIC) read between two Node readings
// must fall between them (CLOCK_REALTIME or CLOCK_BOOTTIME would not, in general).

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { msToNs, nowMonotonicNs } from '../../../perf/lib/run/orchestrate/monotonic-clock.ts';

function findPython(): string | null {
  try {
    execFileSync('python3', ['-c', 'pass'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    return null;
  }
}

const python = findPython();

describe('monotonic clock', () => {
  it.skipIf(python === null)('process.hrtime.bigint() reads CLOCK_MONOTONIC (checked against python3)', () => {
    const before = nowMonotonicNs();
    const out = execFileSync(python as string, ['-c', 'import time; print(time.clock_gettime_ns(time.CLOCK_MONOTONIC))'], { encoding: 'utf8' });
    const after = nowMonotonicNs();
    const pythonNs = BigInt(out.trim());
    expect(pythonNs >= before && pythonNs <= after).toBe(true);
  });

  it('converts milliseconds to nanoseconds exactly for whole and fractional values', () => {
    expect(msToNs(300)).toBe(300_000_000n);
    expect(msToNs(0.5)).toBe(500_000n);
  });
});
