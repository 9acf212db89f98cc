// A small deterministic PRNG (mulberry32): the same seed gives the same sequence on every platform,
// which makes injected faults reproducible. Not for anything security-related.

/** A function returning uniformly distributed numbers in [0, 1), deterministic for a given seed. */
export type RandomSource = () => number;

/** A PRNG seeded with `seed` (any finite number; only its low 32 bits of the integer part matter). */
export function createSeededRandom(seed: number): RandomSource {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
