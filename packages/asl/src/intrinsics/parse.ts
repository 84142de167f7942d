import { failed, type ParseResult, parsed } from '../parse-result.js';
import { checkJsonPath } from '../paths/jsonpath.js';
import {
  excessiveNesting,
  isDigit,
  type Lexed,
  MAX_NESTING,
  readIdentifier,
  skipSpaces,
} from '../paths/lexer.js';
import type { IntrinsicArg, IntrinsicCall } from './ast.js';

/** Characters that must be escaped with `\` inside an intrinsic string literal. */
const ESCAPABLE = new Set(["'", '{', '}', '\\']);

/**
 * Parses an intrinsic function call: `Name(arg, …)` where an argument is a `'string'` (escapes `\'` `\{` `\}`
 * `\\`), a number, `true`/`false`, `null`, a path (`$.x`, `$$.x`, `$var`) or a nested call.
 * Names are not checked against {@link INTRINSIC_FUNCTIONS}; paths are checked with `checkJsonPath`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export function parseIntrinsic(text: string): ParseResult<IntrinsicCall> {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) return failed(`calls nest more than ${MAX_NESTING} levels`, tooDeep);
  const call = readCall(text, 0);
  if (!call.ok) return call;
  const end = skipSpaces(text, call.value.end);
  if (end < text.length) return failed(`unexpected '${text[end]}' after the intrinsic call`, end);
  return parsed(call.value.value);
}

function readCall(text: string, start: number): ParseResult<Lexed<IntrinsicCall>> {
  let i = start;
  while (i < text.length && isNameChar(text[i] as string)) i++;
  const name = text.slice(start, i);
  if (name === '') return failed('expected an intrinsic function name such as States.Format', start);
  i = skipSpaces(text, i);
  if (text[i] !== '(') return failed(`expected '(' after the function name '${name}'`, i);
  const args: IntrinsicArg[] = [];
  i = skipSpaces(text, i + 1);
  if (text[i] === ')') return parsed({ value: { kind: 'call', name, args }, end: i + 1 });
  for (;;) {
    const arg = readArg(text, skipSpaces(text, i));
    if (!arg.ok) return arg;
    args.push(arg.value.value);
    i = skipSpaces(text, arg.value.end);
    if (text[i] === ')') return parsed({ value: { kind: 'call', name, args }, end: i + 1 });
    if (text[i] !== ',') return failed(`expected ',' or ')' in the arguments of ${name}`, i);
    i++;
  }
}

function isNameChar(ch: string): boolean {
  return isDigit(ch) || ch === '.' || ch === '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

function readArg(text: string, start: number): ParseResult<Lexed<IntrinsicArg>> {
  const ch = text[start];
  if (ch === undefined) return failed('expected an argument', start);
  if (ch === "'") return readString(text, start);
  if (ch === '$') return readPath(text, start);
  if (ch === '-' || isDigit(ch)) return readNumber(text, start);
  const word = readIdentifier(text, start);
  const after = skipSpaces(text, word.end);
  if (text[after] !== '(' && text[word.end] !== '.') {
    if (word.value === 'true' || word.value === 'false') {
      return parsed({ value: { kind: 'boolean', value: word.value === 'true' }, end: word.end });
    }
    if (word.value === 'null') return parsed({ value: { kind: 'null' }, end: word.end });
  }
  if (isNameChar(ch)) return readCall(text, start);
  return failed(`unexpected '${ch}': expected a string, number, boolean, null, path or function call`, start);
}

function readString(text: string, start: number): ParseResult<Lexed<IntrinsicArg>> {
  let value = '';
  // Pieces between unescaped `{}` placeholders; only kept when an escaped brace could be mistaken for one.
  const pieces: string[] = [''];
  let hasEscapedBrace = false;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") {
      const arg: IntrinsicArg = hasEscapedBrace
        ? { kind: 'string', value, templatePieces: pieces }
        : { kind: 'string', value };
      return parsed({ value: arg, end: i + 1 });
    }
    if (ch === '{' && text[i + 1] === '}') {
      value += '{}';
      pieces.push('');
      i++;
    } else if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined || !ESCAPABLE.has(next)) {
        return failed(
          "a backslash must be followed by ', {, } or \\ (write \\\\ for a literal backslash)",
          i,
        );
      }
      value += next;
      pieces[pieces.length - 1] += next;
      if (next === '{' || next === '}') hasEscapedBrace = true;
      i++;
    } else {
      value += ch;
      pieces[pieces.length - 1] += ch;
    }
  }
  return failed('unterminated string literal', start);
}

function readNumber(text: string, start: number): ParseResult<Lexed<IntrinsicArg>> {
  let i = start;
  if (text[i] === '-') i++;
  while (
    isDigit(text[i]) ||
    '.eE'.includes(text[i] ?? ' ') ||
    ('+-'.includes(text[i] ?? ' ') && 'eE'.includes(text[i - 1] ?? ' '))
  ) {
    i++;
  }
  const raw = text.slice(start, i);
  const value = Number(raw);
  if (raw === '' || raw === '-' || !Number.isFinite(value) || raw.endsWith('.')) {
    return failed(`invalid number '${raw}'`, start);
  }
  return parsed({ value: { kind: 'number', value }, end: i });
}

/** A path runs to the first top-level `,`, `)` or space; brackets may hold quoted names and filters. */
function readPath(text: string, start: number): ParseResult<Lexed<IntrinsicArg>> {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (depth > 0 && (ch === "'" || ch === '"')) {
      const close = skipQuoted(text, i);
      if (close === undefined) return failed('unterminated quoted name in path', i);
      i = close;
    } else if (ch === '[' || (depth > 0 && ch === '(')) {
      depth++;
    } else if (ch === ']' || (depth > 0 && ch === ')')) {
      depth--;
    } else if (depth === 0 && (ch === ',' || ch === ')' || ch === ' ' || ch === '\t' || ch === '\n')) {
      break;
    }
  }
  const path = text.slice(start, i);
  const checked = checkJsonPath(path);
  if (!checked.ok) return failed(`invalid path '${path}': ${checked.message}`, start + checked.offset);
  const odd = oddDotName(path);
  if (odd !== undefined) {
    return failed(
      `in intrinsic arguments, write field names with characters other than letters, digits and _ in brackets, e.g. $['my-field']`,
      start + odd,
    );
  }
  return parsed({ value: { kind: 'path', path }, end: i });
}

/**
 * The offset of the first character outside `[A-Za-z0-9_]` in a dot-notation name (outside brackets), which AWS
 * rejects in intrinsic arguments.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
function oddDotName(path: string): number | undefined {
  let depth = 0;
  let inName = false;
  for (let i = 1; i < path.length; i++) {
    const ch = path[i] as string;
    if (depth > 0 && (ch === "'" || ch === '"')) {
      i = skipQuoted(path, i) ?? path.length;
    } else if (ch === '[') {
      depth++;
      inName = false;
    } else if (ch === ']') {
      depth--;
    } else if (depth === 0 && ch === '.') {
      inName = true;
    } else if (depth === 0 && inName && ch !== '*' && ch !== '_' && !isDigit(ch) && !/[A-Za-z]/.test(ch)) {
      return i;
    }
  }
  return undefined;
}

/** The offset of the quote that closes the one at `start`, or `undefined`. */
function skipQuoted(text: string, start: number): number | undefined {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[start]) return i;
  }
  return undefined;
}
