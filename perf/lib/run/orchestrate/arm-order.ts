// The order of the arms within each trial: counterbalanced and seeded, so no arm always
// runs right after another (xsched always after baseline would give it baseline's thermal
// and clock state every time). Rows of a Williams design (a balanced Latin square: over
// its rows each arm runs in each position once and follows each other arm once; for an
// odd number of arms the mirrored rows complete it), trial 0 first, the others in turn
// from a row chosen by the scenario seed.
// The run record keeps the order: trials are appended as they run (run-scenario.ts).

/** Row r of a Williams design for k items: r + (0, 1, k-1, 2, k-2, ...) mod k. */
export function williamsRow(k: number, row: number): number[] {
  const offsets: number[] = [];
  for (let j = 0; j < k; j++) offsets.push(j % 2 === 1 ? (j + 1) / 2 : (k - j / 2) % k);
  const base = offsets.map((o) => (row % k + o) % k);
  return row >= k ? base.reverse() : base;
}

/**
 * The arms in the order trial `trial` runs them; trials 0..rows-1 use every row once.
 * Trial 0 runs them as listed (the design is relabelled so its row 0 is the listed order);
 * the other rows follow in turn, starting at one chosen by the seed.
 */
export function armOrderForTrial<T>(arms: readonly T[], trial: number, seed: number): T[] {
  if (!Number.isInteger(trial) || trial < 0) throw new RangeError(`armOrderForTrial needs a trial index >= 0, received ${trial}`);
  if (!Number.isInteger(seed)) throw new RangeError(`armOrderForTrial needs an integer seed, received ${seed}`);
  const k = arms.length;
  if (k < 2) return [...arms];
  const rows = k % 2 === 0 ? k : 2 * k;
  // Trial 0: row 0; then the other rows in turn from a seed-chosen one, each once per cycle.
  const cycle = trial % rows;
  const row = cycle === 0 ? 0 : 1 + ((((seed + cycle - 1) % (rows - 1)) + rows - 1) % (rows - 1));
  const label = new Array<number>(k);
  williamsRow(k, 0).forEach((item, position) => (label[item] = position));
  return williamsRow(k, row).map((item) => arms[label[item]!]!);
}
