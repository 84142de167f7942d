import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type FieldsArgument,
  formatDiagnostics,
} from '@stepcraft/asl';

/**
 * Thrown by the builder and `compile()` for problems types cannot catch; holds every diagnostic found (codes from
 * the one registry, `DIAGNOSTIC_CODES` of `@stepcraft/asl`).
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(`Cannot compile the workflow:\n${formatDiagnostics(diagnostics)}`, options);
    this.diagnostics = diagnostics;
  }
}

/** Throws one `CompileError` for a problem found while building a state (it has no place in a document yet). */
export function raise<TCode extends DiagnosticCode>(
  code: TCode,
  message: string,
  state?: string,
  ...fields: FieldsArgument<TCode>
): never {
  throw new CompileError([createDiagnostic(code, message, '', state, ...fields)]);
}
