// Pairing by trial index: trials interleave the arms (baseline, xsched, baseline, ...), so
// trial i of one arm and trial i of another ran back to back and share slow drift.

/** The trials present in both lists, each sorted by trial index. */
export function pairTrialsByIndex<A extends { trial: number }, B extends { trial: number }>(a: A[], b: B[]): [A[], B[]] {
  const inB = new Set(b.map((t) => t.trial));
  const common = new Set(a.map((t) => t.trial).filter((n) => inB.has(n)));
  return [
    a.filter((t) => common.has(t.trial)).sort((x, y) => x.trial - y.trial),
    b.filter((t) => common.has(t.trial)).sort((x, y) => x.trial - y.trial),
  ];
}
