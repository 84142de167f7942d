import path from 'node:path';

/** One error `tsc --pretty false` printed: where (when it has a place), the code and the message. */
export interface TscError {
  /** Absolute path of the file, when the error is located in one. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly code: string;
  /** The message, with the indented lines of its chain (`Type 'A' is not assignable …`) after the first. */
  readonly message: string;
}

const LOCATED = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const GLOBAL = /^error (TS\d+): (.*)$/;

/**
 * Reads the errors of `tsc --pretty false` (the same in the JavaScript compiler and in TypeScript 7's native one).
 * Paths are resolved against `cwd`, the directory tsc ran in. Lines that belong to no error are ignored.
 */
export function parseTscOutput(text: string, cwd: string): TscError[] {
  const errors: TscError[] = [];
  for (const line of text.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    const global = located === null ? GLOBAL.exec(line) : null;
    const last = errors.at(-1);
    if (located !== null) {
      const [, file = '', row = '0', column = '0', code = '', message = ''] = located;
      errors.push({
        file: path.resolve(cwd, file),
        line: Number(row),
        column: Number(column),
        code,
        message,
      });
    } else if (global !== null) {
      const [, code = '', message = ''] = global;
      errors.push({ code, message });
    } else if (last !== undefined && line.startsWith('  ')) {
      errors[errors.length - 1] = { ...last, message: `${last.message}\n${line}` };
    }
  }
  return errors;
}

/** `file:line:col: message [TScode]` (or `message [TScode]` when the error has no place). */
export function formatTscError(error: TscError, displayPath: (file: string) => string): string {
  const at = error.file === undefined ? '' : `${displayPath(error.file)}:${error.line}:${error.column}: `;
  return `${at}${error.message} [${error.code}]`;
}
