// The clock of START instants. Workers compare them with clock_gettime(CLOCK_MONOTONIC)
// (docs/protocol.md). Node's process.hrtime.bigint() is libuv's uv_hrtime(), which on
// Linux reads clock_gettime(CLOCK_MONOTONIC) (UV_CLOCK_PRECISE in src/unix/linux.c);
// test/unit/orchestrate/monotonic-clock.test.ts checks it against Python's CLOCK_MONOTONIC.

const NS_PER_MS = 1_000_000n;

export function nowMonotonicNs(): bigint {
  return process.hrtime.bigint();
}

export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

/** Milliseconds from now until `instantNs` (negative when it has passed). */
export function msUntil(instantNs: bigint): number {
  return Number(instantNs - nowMonotonicNs()) / Number(NS_PER_MS);
}
