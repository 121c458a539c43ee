// A confidence interval for a ratio (arm A / arm B) and what produced it.

export interface RatioInterval {
  /** Point estimate of the ratio. */
  estimate: number;
  low: number;
  high: number;
  /** Two-sided confidence level, e.g. 0.95. */
  level: number;
  method: string;
  /** Paired trials of other runs whose spread was pooled in, and the degrees of freedom they added (log-t-interval.ts); absent when none. */
  pooled?: { trials: number; degreesOfFreedom: number };
}

export function validateConfidence(confidence: number): void {
  if (!(confidence >= 0.5 && confidence < 1)) {
    throw new RangeError(`confidence must be in [0.5, 1), received ${confidence} (e.g. 0.95)`);
  }
}

/** The smallest interval containing both (a conservative combination of two methods). */
export function envelopeOf(primary: RatioInterval, other: RatioInterval | null): RatioInterval {
  if (other === null) return primary;
  return {
    estimate: primary.estimate,
    low: Math.min(primary.low, other.low),
    high: Math.max(primary.high, other.high),
    level: primary.level,
    method: `envelope of [${primary.method}] and [${other.method}]`,
    ...(primary.pooled ?? other.pooled ? { pooled: (primary.pooled ?? other.pooled)! } : {}),
  };
}
