import { describe, expect, it } from 'vitest';
import { computeFrontier } from '../../../perf/lib/evaluate/sweeps/frontier.ts';
import { point } from './sweep-points.ts';

describe('sweep frontier: dominated only with confidence', () => {
  it('drops a point only when another is better on both axes with non-overlapping intervals', () => {
    const a = point('xsched lp-threshold=1', 'xsched-lp-threshold', [7, 7.6, 8], [0.04, 0.047, 0.055]);
    const b = point('xsched lp-threshold=8', 'xsched-lp-threshold', [30, 32, 34], [0.06, 0.07, 0.08]); // a beats it on both: dropped
    const c = point('mps lp-percent=90', 'mps-lp-percent', [1.6, 1.75, 1.9], [0.1, 0.109, 0.12]); // lower P99, higher loss: kept
    const d = point('xsched lp-threshold=2', 'xsched-lp-threshold', [7.5, 9, 11], [0.03, 0.045, 0.06]); // overlaps a: kept
    const frontier = computeFrontier([a, b, c, d]);
    expect(frontier.dominated).toEqual([{ point: b, by: a.id }]);
    expect(frontier.kept.map((p) => p.id)).toEqual([d.id, a.id, c.id]);
    // Staircase by loss estimate: d (9 ms), a (7.6 < 9), c (1.75 < 7.6).
    expect(frontier.line.map((p) => p.id)).toEqual([d.id, a.id, c.id]);
  });

  it('a kept point with a higher P99 than a cheaper one is off the drawn line', () => {
    const cheap = point('xsched lp-threshold=4', 'xsched-lp-threshold', [20, 22, 24], [0, 0.01, 0.02]);
    const worse = point('xsched lp-threshold=16', 'xsched-lp-threshold', [21, 25, 30], [0.015, 0.02, 0.03]); // overlaps: kept, but not on the line
    const frontier = computeFrontier([cheap, worse]);
    expect(frontier.kept).toHaveLength(2);
    expect(frontier.line.map((p) => p.id)).toEqual([cheap.id]);
  });

  it('unproven points and points without data never count, and say why', () => {
    const unproven = { ...point('xsched lp-threshold=1', 'xsched-lp-threshold', [1, 1, 1], [0, 0, 0]), proof: { status: 'unproven' as const, reason: 'xsched.registered.lp failed' } };
    const noLp = { ...point('mps lp-percent=70', 'mps-lp-percent', [1, 1, 1], [0, 0, 0]), lpLoss: null };
    const other = point('xsched lp-threshold=4', 'xsched-lp-threshold', [20, 22, 24], [0.005, 0.01, 0.02]);
    const frontier = computeFrontier([unproven, noLp, other]);
    expect(frontier.kept.map((p) => p.id)).toEqual([other.id]);
    expect(frontier.excluded.map((e) => e.reason)).toEqual(['unproven: xsched.registered.lp failed', 'no lp throughput data against the baseline']);
  });
});
