/** One problem a Standard Schema validator found, with where it is in the value. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** What a Standard Schema validator returns: the (possibly transformed) value, or issues. */
export interface SchemaResult {
  readonly value?: unknown;
  readonly issues?: readonly SchemaIssue[] | undefined;
}

/**
 * A Standard Schema v1 validator (zod 4, valibot, arktype…), seen structurally: only `validate` is needed at run
 * time; the phantom `types` carry the schema's input and output types.
 * @see https://standardschema.dev
 */
export interface StandardSchema<TInput = unknown, TOutput = TInput> {
  readonly '~standard': {
    readonly version?: 1;
    readonly vendor?: string;
    readonly validate: (value: unknown) => SchemaResult | Promise<SchemaResult>;
    readonly types?: { readonly input: TInput; readonly output: TOutput } | undefined;
  };
}
