// A small seeded PRNG (mulberry32) so the emulated cluster replays the same history for the same
// seed: tests can assert on exact text, and Math.random never leaks into the model.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [0, count). */
  index(count: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    index: (count) => Math.min(count - 1, Math.floor(next() * count)),
  };
}

/** A fixed pseudo-random value in [0, 1) for an integer key, independent of any draw order. */
export function hash01(key: number): number {
  let h = Math.imul((key | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
