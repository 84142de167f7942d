/**
 * A seeded pseudo-random source in [0, 1) (mulberry32): the same seed gives the same sequence on every machine,
 * so task tokens, request ids, `States.UUID` and jitter are reproducible. Not cryptographically secure.
 */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Character codes of the hex digits, and `-`. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const DASH = 45;
/** The UUID's 36 character codes, reused: one string is built per UUID, not one per appended digit. */
const codes: number[] = new Array(36).fill(DASH);

/** A v4-shaped UUID drawn from `random` (deterministic under a seed): 32 draws, one per hex digit. */
export function randomUuid(random: () => number): string {
  let at = 0;
  for (let i = 0; i < 32; i++) {
    let digit = Math.floor(random() * 16);
    if (i === 12) digit = 4;
    if (i === 16) digit = 8 + (digit & 3);
    if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = DASH;
    codes[at++] = HEX_CODES[digit] as number;
  }
  return String.fromCharCode.apply(null, codes);
}
