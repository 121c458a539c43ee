// A trade-off sweep (docs/sweeps.md): settings per mechanism run as points, each point judged
// by its hp P99 and its lp loss against the baseline arm, both with intervals.

/** The knob a sweep turns. xsched is the system under test; the others are references. */
export type SweepMechanism = 'xsched-lp-threshold' | 'mps-lp-percent' | 'cu-mask' | 'stream-priority';

/** An estimate with its two-sided interval (same units as the estimate). */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
}

/**
 * proven: the arm's XSched state was shown as its name says (xsched active, or absent for a
 * reference); unproven: a check failed, the point never counts (perf/lib/evaluate/unproven-arms.ts).
 */
export type PointProof = { status: 'proven' } | { status: 'unproven'; reason: string };

export interface SweepPoint {
  /** Unique within a sweep, e.g. "xsched lp-threshold=4". */
  id: string;
  mechanism: SweepMechanism;
  /** The setting as the user wrote it: "4", "70", "0x0000ffff". */
  setting: string;
  /** null: the point has no data for it (worker failed, no trial). */
  hpP99Ms: Estimate | null;
  /** 1 - lp(point) / lp(baseline), paired by trial. */
  lpLoss: Estimate | null;
  proof: PointProof;
  trials: number;
}
