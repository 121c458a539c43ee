// Keeps a latency scatter drawable: at most maxPoints points, chosen so that
// spikes survive (the fastest and slowest request of each slice of time).

export type ScatterPoint = [number, number];

/** Points must be sorted by x. Returns them unchanged when there are few enough. */
export function downsampleScatterMinMax(points: ScatterPoint[], maxPoints: number): ScatterPoint[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new Error(`downsampleScatterMinMax: maxPoints must be an integer >= 2, got ${String(maxPoints)}`);
  }
  if (points.length <= maxPoints) return points;
  const buckets = Math.floor(maxPoints / 2);
  const kept: ScatterPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * points.length) / buckets);
    const to = Math.floor(((b + 1) * points.length) / buckets);
    let minIndex = from;
    let maxIndex = from;
    for (let i = from + 1; i < to; i++) {
      if (points[i]![1] < points[minIndex]![1]) minIndex = i;
      if (points[i]![1] > points[maxIndex]![1]) maxIndex = i;
    }
    // Keep time order inside the bucket.
    const first = Math.min(minIndex, maxIndex);
    const second = Math.max(minIndex, maxIndex);
    kept.push(points[first]!);
    if (second !== first) kept.push(points[second]!);
  }
  return kept;
}
