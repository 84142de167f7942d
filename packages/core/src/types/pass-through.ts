declare const sameBrand: unique symbol;

/**
 * The output of a state that passes on whatever flowed in (Wait, Succeed, Choice, Pass without Result, Parameters
 * or an input schema). Wiring replaces it by the type that flows in; a chain led by such a state takes the input
 * the states after it need, so it is checked wherever it is joined.
 */
export interface Same {
  readonly [sameBrand]: 'same-as-input';
}

/** `true` when `T` is the pass-through marker (`never`, the output of a Fail, is not). */
export type IsSame<T> = [T] extends [never] ? false : [T] extends [Same] ? true : false;

// These run on every wire of every chain: each is one conditional in the common case (not pass-through).

/** Replaces the pass-through marker by the type that flowed in. */
export type Resolved<TOutput, TInput> = [TOutput] extends [Same]
  ? [TOutput] extends [never]
    ? TOutput
    : TInput
  : TOutput;

/**
 * The input of a chain ending in `TOutput` once a state needing `TNext` follows: a pass-through end hands the need
 * back to the chain's input (plain intersection: cheap, and `unknown & T` is `T`).
 */
export type Needs<TInput, TOutput, TNext> = [TOutput] extends [Same]
  ? [TOutput] extends [never]
    ? TInput
    : TInput & TNext
  : TInput;

/** What a pass-through state's own selectors see of its data: nothing is known about it. */
export type Seen<T> = IsSame<T> extends true ? unknown : T;
