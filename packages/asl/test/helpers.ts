import { type ValidateOptions, validate } from '../src/index.js';

/** A state machine whose single state `A` is `state` (plus any other states given). */
export function machine(
  state: Record<string, unknown>,
  others: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
) {
  return { StartAt: 'A', States: { A: state, ...others }, ...top };
}

/** A JSONata state machine with the single state `A`. */
export function jsonataMachine(state: Record<string, unknown>, others: Record<string, unknown> = {}) {
  return machine(state, others, { QueryLanguage: 'JSONata' });
}

/** `CODE /pointer` for each diagnostic. */
export function findings(document: unknown, options?: ValidateOptions): string[] {
  return validate(document, options).map((d) => `${d.code} ${d.pointer}`);
}

export const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:fn';
