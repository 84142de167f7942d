/** Where a code is reported: `validate()`, `compile()`, the builder (thrown where a state is built), or the CLI. */
export type DiagnosticOrigin = 'validate' | 'compile' | 'build' | 'cli';

/** The fields of a code without fields of its own. */
export type NoFields = Readonly<Record<never, never>>;

/**
 * One entry of the code registry: where the code is reported and what it means. `~fields` is a phantom (never set):
 * it carries the code's own fields to the type of its diagnostic.
 */
export interface CodeInfo<TFields extends object = NoFields> {
  readonly origins: readonly DiagnosticOrigin[];
  /** One sentence: what the code means. */
  readonly summary: string;
  readonly '~fields'?: TFields;
}

/** Declares a registry entry whose diagnostics carry `TFields` besides the common ones. */
export function code<TFields extends object = NoFields>(
  origins: readonly DiagnosticOrigin[],
  summary: string,
): CodeInfo<TFields> {
  return Object.freeze({ origins: Object.freeze([...origins]), summary });
}
