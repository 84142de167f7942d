import { type Diagnostic, formatDiagnostics } from '@stepcraft/asl';

/** Thrown by the builder and `compile()` for problems types cannot catch; holds every diagnostic found. */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(`Cannot compile the workflow:\n${formatDiagnostics(diagnostics)}`, options);
    this.diagnostics = diagnostics;
  }
}

/** One error diagnostic (compile never emits warnings). */
export function diagnostic(code: string, message: string, pointer: string, state?: string): Diagnostic {
  return state === undefined
    ? { code, message, pointer, severity: 'error' }
    : { code, message, pointer, state, severity: 'error' };
}

/** Throws one `CompileError` for a single build-time problem. */
export function raise(code: string, message: string, state?: string): never {
  throw new CompileError([diagnostic(code, message, '', state)]);
}
