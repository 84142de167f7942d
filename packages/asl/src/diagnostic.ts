/**
 * One finding of `validate()`: plain data, in the style of zod issues.
 * `code` is stable (tests and tools key on it); `pointer` is an RFC 6901 JSON pointer into the document;
 * `state` names the innermost state involved, when there is one.
 */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly pointer: string;
  readonly state?: string;
  readonly severity: 'error' | 'warning';
}

/** Escapes one JSON-pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins segments into a JSON pointer: `pointerOf('States', 'A/B', 'Next')` → `/States/A~1B/Next`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

/** One line per diagnostic: `POINTER: message [code]`, prefixed with `file:` when given. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], file?: string): string {
  const prefix = file === undefined ? '' : `${file}:`;
  return diagnostics.map((d) => `${prefix}${d.pointer || '/'}: ${d.message} [${d.code}]`).join('\n');
}

/** Thrown by `assertValid()` and by compile steps; holds every diagnostic. */
export class AslValidationError extends Error {
  override readonly name = 'AslValidationError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(`Invalid state machine definition:\n${formatDiagnostics(diagnostics)}`, options);
    this.diagnostics = diagnostics;
  }
}
