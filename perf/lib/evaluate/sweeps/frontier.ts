// The Pareto frontier of (hp P99, lp loss) over a sweep's points, lower is better on both.
// A point leaves the frontier only when another dominates it *with confidence*: the other's
// whole interval lies below this point's whole interval on both axes (docs/sweeps.md).
// Overlapping intervals keep both points: one trial cannot tell them apart.

import type { Estimate, SweepPoint } from '../../documents/types/sweep.ts';

/** A point with both intervals and a proven state: the only kind that counts. */
export type JudgedPoint = SweepPoint & { hpP99Ms: Estimate; lpLoss: Estimate; proof: { status: 'proven' } };

export function isJudged(point: SweepPoint): point is JudgedPoint {
  return point.proof.status === 'proven' && point.hpP99Ms !== null && point.lpLoss !== null;
}

/** The point with the lowest hp P99 estimate (the first of equals); undefined without points. */
export function lowestP99(points: readonly JudgedPoint[]): JudgedPoint | undefined {
  return [...points].sort((a, b) => a.hpP99Ms.estimate - b.hpP99Ms.estimate)[0];
}

/** True when `by` is better than `point` on both axes with non-overlapping intervals. */
function dominatesWithConfidence(by: JudgedPoint, point: JudgedPoint): boolean {
  return by.hpP99Ms.high < point.hpP99Ms.low && by.lpLoss.high < point.lpLoss.low;
}

export interface Frontier {
  /** Judged points no other judged point dominates with confidence, by lp loss estimate. */
  kept: JudgedPoint[];
  /** Judged points dominated with confidence, each with the id of one point that dominates it. */
  dominated: Array<{ point: JudgedPoint; by: string }>;
  /** Points that do not count, with why (unproven, or no data). */
  excluded: Array<{ point: SweepPoint; reason: string }>;
  /** The staircase to draw: kept points whose estimates no other kept point's estimates beat. */
  line: JudgedPoint[];
}

function exclusionReason(point: SweepPoint): string {
  if (point.proof.status === 'unproven') return `unproven: ${point.proof.reason}`;
  if (point.hpP99Ms === null) return 'no hp latency data';
  return 'no lp throughput data against the baseline';
}

const byLossThenP99 = (a: JudgedPoint, b: JudgedPoint): number =>
  a.lpLoss.estimate - b.lpLoss.estimate || a.hpP99Ms.estimate - b.hpP99Ms.estimate;

export function computeFrontier(points: readonly SweepPoint[]): Frontier {
  const judged = points.filter(isJudged);
  const excluded = points.filter((p) => !isJudged(p)).map((point) => ({ point, reason: exclusionReason(point) }));
  const kept: JudgedPoint[] = [];
  const dominated: Frontier['dominated'] = [];
  for (const point of judged) {
    const by = judged.find((other) => other !== point && dominatesWithConfidence(other, point));
    if (by === undefined) kept.push(point);
    else dominated.push({ point, by: by.id });
  }
  kept.sort(byLossThenP99);
  // Walking by rising loss, a point is on the staircase when its P99 is below every earlier one.
  const line: JudgedPoint[] = [];
  for (const point of kept) {
    const last = line[line.length - 1];
    if (last === undefined || point.hpP99Ms.estimate < last.hpP99Ms.estimate) line.push(point);
  }
  return { kept, dominated, excluded, line };
}
