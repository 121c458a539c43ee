// START instants are CLOCK_MONOTONIC nanoseconds; Node's clock must be that clock.
// Python's time.clock_gettime_ns(CLOCK_MONOTONIC) read between two Node readings
// must fall between them (CLOCK_REALTIME or CLOCK_BOOTTIME would not, in general).

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { msToNs, nowMonotonicNs } from '../../../perf/lib/run/orchestrate/monotonic-clock.ts';

describe('monotonic clock', () => {
  it('process.hrtime.bigint() reads CLOCK_MONOTONIC (checked against python3)', (context) => {
    // One python3 start, the reading itself: finding python3 first would start it twice.
    const before = nowMonotonicNs();
    const python = spawnSync('python3', ['-c', 'import time; print(time.clock_gettime_ns(time.CLOCK_MONOTONIC))'], { encoding: 'utf8' });
    const after = nowMonotonicNs();
    if (python.error !== undefined) context.skip(`no python3 to read CLOCK_MONOTONIC with: ${python.error.message}`);
    expect(python.status, python.stderr).toBe(0);
    const pythonNs = BigInt(python.stdout.trim());
    expect(pythonNs >= before && pythonNs <= after).toBe(true);
  });

  it('converts milliseconds to nanoseconds exactly for whole and fractional values', () => {
    expect(msToNs(300)).toBe(300_000_000n);
    expect(msToNs(0.5)).toBe(500_000n);
  });
});
