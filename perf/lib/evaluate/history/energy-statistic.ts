// The E-divisive means split statistic (Matteson & James 2014, as Apache Otava/hunter uses it,
// alpha = 1): for a split of x at tau into A = x[0..tau) and B = x[tau..n),
//   Q(tau) = (|A||B| / (|A|+|B|)) * (2 E|a-b| - E|a-a'| - E|b-b'|),
// large when the two sides differ in distribution. All splits in O(n^2) from prefix sums.

export interface BestSplit {
  /** First index of the right-hand segment. */
  index: number;
  q: number;
}

/** The split of `values` with the largest Q, each side at least `minSize` long; null if none fits. */
export function bestEnergySplit(values: readonly number[], minSize: number): BestSplit | null {
  const n = values.length;
  if (n < 2 * minSize) return null;
  // rowBefore[i] = sum_{k<i} |x_i - x_k|; within-left(tau) = sum over i<tau of rowBefore[i].
  // cross(tau) and within-right follow from the total of each row.
  const rowBefore = new Float64Array(n);
  const rowTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = values[i]!;
    let before = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const d = Math.abs(xi - values[k]!);
      total += d;
      if (k < i) before += d;
    }
    rowBefore[i] = before;
    rowTotal[i] = total;
  }
  let withinAll = 0;
  for (let i = 0; i < n; i++) withinAll += rowBefore[i]!;
  let best: BestSplit | null = null;
  let withinLeft = 0;
  // leftTotals = sum over i<tau of rowTotal[i] = 2*withinLeft + cross.
  let leftTotals = 0;
  for (let tau = 1; tau < n; tau++) {
    withinLeft += rowBefore[tau - 1]!;
    leftTotals += rowTotal[tau - 1]!;
    const cross = leftTotals - 2 * withinLeft;
    const withinRight = withinAll - withinLeft - cross;
    const m = tau;
    const r = n - tau;
    if (m < minSize || r < minSize) continue;
    const meanCross = cross / (m * r);
    const meanLeft = m > 1 ? withinLeft / ((m * (m - 1)) / 2) : 0;
    const meanRight = r > 1 ? withinRight / ((r * (r - 1)) / 2) : 0;
    const q = ((m * r) / (m + r)) * (2 * meanCross - meanLeft - meanRight);
    if (best === null || q > best.q) best = { index: tau, q };
  }
  return best;
}
