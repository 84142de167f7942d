import type { CodeInfo } from './code-info.js';
import { COMPILE_CODES } from './compile-codes.js';
import { CODES } from './validate/codes.js';

/**
 * Every diagnostic code of Stepcraft, with its meaning: the validator's, `compile()`'s, the builder's and the CLI's,
 * in one registry (rendered as `docs/diagnostics.md`). A code means one rule wherever it is reported.
 */
export const DIAGNOSTIC_CODES = Object.freeze({ ...CODES, ...COMPILE_CODES });

type Registry = typeof DIAGNOSTIC_CODES;

/** A diagnostic code (a key of {@link DIAGNOSTIC_CODES}). */
export type DiagnosticCode = keyof Registry;

/** A code's own fields (besides `code`, `message`, `pointer`, `state` and `severity`). */
export type DiagnosticFields<TCode extends DiagnosticCode> =
  Registry[TCode] extends CodeInfo<infer $Fields> ? $Fields : never;

/** The fields every diagnostic has. */
export interface DiagnosticBase<TCode extends DiagnosticCode> {
  /** Stable: tests and tools key on it. */
  readonly code: TCode;
  readonly message: string;
  /** An RFC 6901 JSON pointer into the document (`''` for the whole document or a builder call). */
  readonly pointer: string;
  /** The innermost state involved, when there is one. */
  readonly state?: string;
  readonly severity: 'error' | 'warning';
}

type DiagnosticByCode = {
  readonly [TCode in DiagnosticCode]: DiagnosticBase<TCode> & DiagnosticFields<TCode>;
};

/**
 * One finding of `validate()` or `compile()`: plain data in the style of zod issues, a union keyed by `code` where
 * each code carries its own fields. `Diagnostic<'MISSING_TRANSITION_TARGET'>` is one member (with its `target`).
 * @example
 * for (const d of validate(definition)) if (d.code === 'MISSING_TRANSITION_TARGET') console.log(d.target);
 */
export type Diagnostic<TCode extends DiagnosticCode = DiagnosticCode> = DiagnosticByCode[TCode];

/** The arguments after `state` that a reporting function takes for `TCode`: its own fields, if it has some. */
export type FieldsArgument<TCode extends DiagnosticCode> = keyof DiagnosticFields<TCode> extends never
  ? []
  : [fields: DiagnosticFields<TCode>];

/** Builds a diagnostic of severity `error` (the only severity reported today). */
export function createDiagnostic<TCode extends DiagnosticCode>(
  code: TCode,
  message: string,
  pointer: string,
  state: string | undefined,
  ...[fields]: FieldsArgument<TCode>
): Diagnostic<TCode> {
  const base: DiagnosticBase<TCode> =
    state === undefined
      ? { code, message, pointer, severity: 'error' }
      : { code, message, pointer, state, severity: 'error' };
  // The own fields follow the common ones, so every diagnostic prints in the same key order. TypeScript cannot
  // relate an object built from a generic code to that code's member of the union: this is the one place it is said.
  return { ...base, ...fields } as Diagnostic<TCode>;
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

/** Thrown by `assertValid()`; holds every diagnostic. */
export class AslValidationError extends Error {
  override readonly name = 'AslValidationError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(`Invalid state machine definition:\n${formatDiagnostics(diagnostics)}`, options);
    this.diagnostics = diagnostics;
  }
}
