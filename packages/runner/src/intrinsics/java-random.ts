/*
 * java.util.Random's 48-bit linear congruential generator. AWS runs Java, so States.MathRandom with a seed most
 * plausibly follows `new Random(seed).nextInt(end - start) + start`; at minimum it is deterministic per seed.
 */
const MULTIPLIER = 0x5deece66dn;
const MASK = (1n << 48n) - 1n;

/** `new java.util.Random(seed).nextInt(bound)` for 0 < bound ≤ 2^31 − 1. */
export function javaSeededInt(seed: number, bound: number): number {
  let state = (BigInt(seed) ^ MULTIPLIER) & MASK;
  const next31 = (): number => {
    state = (state * MULTIPLIER + 0xbn) & MASK;
    return Number(state >> 17n);
  };
  if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(next31())) >> 31n);
  for (;;) {
    const bits = next31();
    const value = bits % bound;
    // Java rejects the top sliver where `bits - value + (bound - 1)` overflows an int, to stay uniform.
    if (bits - value + (bound - 1) <= 0x7fffffff) return value;
  }
}

/** `new java.util.Random(seed).nextDouble()`: a reproducible float in [0, 1) for JSONata's `$random(seed)`. */
export function javaSeededDouble(seed: number): number {
  let state = (BigInt(seed) ^ MULTIPLIER) & MASK;
  const next = (bits: bigint): bigint => {
    state = (state * MULTIPLIER + 0xbn) & MASK;
    return state >> (48n - bits);
  };
  const high = next(26n);
  return Number((high << 27n) + next(27n)) / 2 ** 53;
}
