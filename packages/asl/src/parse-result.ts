/** The outcome of a parser: the value, or a message with the 0-based offset where parsing failed. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** A successful parse. */
export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** A failed parse at `offset`. */
export function failed<T = never>(message: string, offset: number): ParseResult<T> {
  return { ok: false, message, offset };
}
