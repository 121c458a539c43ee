// A small seeded PRNG (xoshiro128**, seeded through splitmix32): every resampling
// decision is reproducible, so replaying a recorded run gives the same verdicts.

export interface SeededRandom {
  /** Uniform in the open interval (0, 1). */
  nextOpen01(): number;
  /** Uniform integer in [0, bound). */
  nextIntBelow(bound: number): number;
}

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** Hashes text (FNV-1a, 32 bit) into a seed, so each verdict gets its own stream. */
export function hashTextToSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed)) throw new RangeError(`createSeededRandom needs an integer seed, received ${seed}`);
  let state = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [nextState, value] = splitmix32(state);
    state = nextState;
    words.push(value);
  }
  let [s0, s1, s2, s3] = words as [number, number, number, number];
  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  return {
    nextOpen01: () => (nextUint32() + 0.5) / 4294967296,
    nextIntBelow: (bound: number) => {
      if (!Number.isInteger(bound) || bound <= 0) {
        throw new RangeError(`nextIntBelow needs a positive integer bound, received ${bound}`);
      }
      return Math.floor(((nextUint32() + 0.5) / 4294967296) * bound);
    },
  };
}

function rotateLeft(x: number, bits: number): number {
  return ((x << bits) | (x >>> (32 - bits))) >>> 0;
}

/** Seed for one purpose of one run: replaying the record reproduces every resample. */
export function seedForRun(runId: string, scenarioSeed: number, purpose: string): number {
  return (hashTextToSeed(`${runId}\u0000${purpose}`) ^ (scenarioSeed >>> 0)) >>> 0;
}
