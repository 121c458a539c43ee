import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../../perf/lib/evaluate/stats/distributions/binomial.ts';
import { earlyStoppingOverLatencyAllowance, minPassingRequests, minRequestsForPercentile } from '../../../perf/lib/evaluate/stats/early-stopping.ts';

describe("MLPerf LoadGen's early-stopping sample rule", () => {
  it('hand-checkable: median at 75% needs 5 requests (P(Bin(5, .5) <= 1) = 6/32 <= .25, n = 4 gives 5/16)', () => {
    expect(minRequestsForPercentile(0.5, 0.75)).toBe(5);
  });

  it("matches LoadGen's published minimums: P90 at 99% needs 64 queries, P99 at 99% needs 662", () => {
    expect(minRequestsForPercentile(0.9, 0.99)).toBe(64);
    expect(minRequestsForPercentile(0.99, 0.99)).toBe(662);
  });

  it('P99 at 95% (the scenario default) needs 473 requests: 473 passes, 472 does not', () => {
    const n = minRequestsForPercentile(0.99, 0.95);
    expect(n).toBe(473);
    expect(binomialCdf(1, n, 0.01)).toBeLessThanOrEqual(0.05);
    expect(binomialCdf(1, n - 1, 0.01)).toBeGreaterThan(0.05);
  });

  it('t = 0 would be the plain 0.99^n rule: 299 requests at 95%', () => {
    expect(minPassingRequests(0, 0.99, 0.95)).toBe(299);
  });

  it('allowance: 0 below the minimum, 1 at it, growing with more requests', () => {
    expect(earlyStoppingOverLatencyAllowance(472, 0.99, 0.95)).toBe(0);
    expect(earlyStoppingOverLatencyAllowance(473, 0.99, 0.95)).toBe(1);
    const t = earlyStoppingOverLatencyAllowance(10_800, 0.99, 0.95);
    // Must satisfy LoadGen's condition for t and fail it for t + 1.
    expect(10_800).toBeGreaterThanOrEqual(minPassingRequests(t, 0.99, 0.95) + t);
    expect(10_800).toBeLessThan(minPassingRequests(t + 1, 0.99, 0.95) + t + 1);
    expect(t).toBeGreaterThan(50);
    expect(t).toBeLessThan(108);
  });
});
