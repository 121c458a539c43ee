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

/**
 * The smallest interval containing both (a conservative combination of two methods). A part's
 * pooled spread (log-t-interval.ts) is reported only when that part sets a bound: otherwise the
 * other part's width stands, and the method text says the pooled one set neither.
 */
export function envelopeOf(primary: RatioInterval, other: RatioInterval | null): RatioInterval {
  if (other === null) return primary;
  const low = Math.min(primary.low, other.low);
  const high = Math.max(primary.high, other.high);
  const pooledPart = [primary, other].find((part) => part.pooled !== undefined);
  const binding = pooledPart !== undefined && (pooledPart.low === low || pooledPart.high === high);
  return {
    estimate: primary.estimate,
    low,
    high,
    level: primary.level,
    method: `envelope of [${primary.method}] and [${other.method}]${pooledPart !== undefined && !binding ? '; the pooled part set neither bound' : ''}`,
    ...(binding ? { pooled: pooledPart.pooled! } : {}),
  };
}
