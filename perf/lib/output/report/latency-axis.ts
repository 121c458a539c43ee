// Which latency axis a plot opens with. hp alone (~0.5 ms) and a contended baseline
// (~50 ms) differ by 100x: on a linear axis the fast arm is a flat line at 0, so a
// plot whose latencies span a factor of 10 or more opens on a log axis.

export const LOG_AXIS_MIN_SPAN = 10;

/** True when the positive latencies span at least LOG_AXIS_MIN_SPAN (max / min). */
export function prefersLogLatencyAxis(latenciesMs: Iterable<number>): boolean {
  let min = Infinity;
  let max = 0;
  for (const value of latenciesMs) {
    if (!(value > 0) || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return max > 0 && max / min >= LOG_AXIS_MIN_SPAN;
}
