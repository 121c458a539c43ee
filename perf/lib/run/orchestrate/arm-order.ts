// The order of the arms within each trial: counterbalanced and seeded, so no arm always
// runs right after another (xsched always after baseline would give it baseline's thermal
// and clock state every time). Rows of a Williams design (a balanced Latin square: over
// its rows each arm runs in each position once and follows each other arm once; for an
// odd number of arms the mirrored rows complete it), taken in a seeded order per run.
// The run record keeps the order: trials are appended as they run (run-scenario.ts).

/** Row r of a Williams design for k items: r + (0, 1, k-1, 2, k-2, ...) mod k. */
export function williamsRow(k: number, row: number): number[] {
  const offsets: number[] = [];
  for (let j = 0; j < k; j++) offsets.push(j % 2 === 1 ? (j + 1) / 2 : (k - j / 2) % k);
  const base = offsets.map((o) => (row % k + o) % k);
  return row >= k ? base.reverse() : base;
}

/** A small seeded generator (mulberry32): the order must repeat for a given seed. */
function seededUnit(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The arms in the order trial `trial` runs them; trials 0..rows-1 use every row once.
 * Trial 0 runs them as listed (the design is relabelled so its row 0 is the listed order);
 * the other rows follow in a seeded order.
 */
export function armOrderForTrial<T>(arms: readonly T[], trial: number, seed: number): T[] {
  if (!Number.isInteger(trial) || trial < 0) throw new RangeError(`armOrderForTrial needs a trial index >= 0, received ${trial}`);
  if (!Number.isInteger(seed)) throw new RangeError(`armOrderForTrial needs an integer seed, received ${seed}`);
  const k = arms.length;
  if (k < 2) return [...arms];
  const rows = k % 2 === 0 ? k : 2 * k;
  const order = Array.from({ length: rows }, (_, i) => i);
  const next = seededUnit(seed);
  for (let i = rows - 1; i > 1; i--) {
    const j = 1 + Math.floor(next() * i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const label = new Array<number>(k);
  williamsRow(k, 0).forEach((item, position) => (label[item] = position));
  return williamsRow(k, order[trial % rows]!).map((item) => arms[label[item]!]!);
}
