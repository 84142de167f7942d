/** mulberry32's increment: each draw adds it to the state. */
const STEP = 0x6d2b79f5;

/** A seeded random source in [0, 1) that can also reserve draws to be made later (see `deferredUuid`). */
export interface SeededRandom {
  (): number;
  /** Skips `count` draws and returns the state they start from. */
  skip(count: number): number;
}

/**
 * A seeded pseudo-random source in [0, 1) (mulberry32): the same seed gives the same sequence on every machine,
 * so task tokens, request ids, `States.UUID` and jitter are reproducible. Not cryptographically secure.
 */
export function seededRandom(seed: number): SeededRandom {
  let state = Math.trunc(seed) >>> 0;
  const next = (): number => {
    state = (state + STEP) >>> 0;
    return drawAt(state);
  };
  return Object.assign(next, {
    skip(count: number): number {
      const from = state;
      state = (state + count * STEP) >>> 0;
      return from;
    },
  });
}

/** The draw mulberry32 makes at `state`. */
function drawAt(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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

/**
 * The UUID `randomUuid(random)` would draw now, built only when first asked for: its 32 draws are reserved at once,
 * so what is drawn afterwards does not change, and a task token nobody reads costs no string.
 */
export function deferredUuid(random: SeededRandom): () => string {
  const from = reserveUuid(random);
  let uuid: string | undefined;
  return () => {
    uuid ??= uuidAt(from);
    return uuid;
  };
}

/** Reserves the 32 draws of a UUID built later by `uuidAt`; returns where they start. */
export function reserveUuid(random: SeededRandom): number {
  return random.skip(32);
}

/** The UUID reserved at `from` by `reserveUuid` (the data form of `deferredUuid`). */
export function uuidAt(from: number): string {
  let draw = 0;
  return randomUuid(() => drawAt((from + ++draw * STEP) >>> 0));
}
