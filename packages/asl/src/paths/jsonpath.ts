import { failed, type ParseResult, parsed } from '../parse-result.js';
import {
  excessiveNesting,
  isDigit,
  type Lexed,
  MAX_NESTING,
  readDotName,
  readIdentifier,
  readQuoted,
  readRoot,
  skipSpaces,
} from './lexer.js';

/** What `checkJsonPath` reports about a valid path. */
export interface JsonPathInfo {
  readonly root: 'input' | 'context' | 'variable';
  /** No wildcard, slice, filter, deep scan or union: the path names at most one node. */
  readonly isDefinite: boolean;
}

/**
 * Checks a JSONPath as AWS accepts it (Jayway syntax): `.name`, `['name']`, `[0]`, `[-1]`, `[1:3]`, `[*]`,
 * `..deep`, `[0,1]`, `['a','b']`, filters `[?(@.a >= 5 && @.b == "x")]`, and the lenient `$.[0]` / `$.a.['b c']`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
export function checkJsonPath(text: string): ParseResult<JsonPathInfo> {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) return failed(`brackets nest more than ${MAX_NESTING} levels`, tooDeep);
  const root = readRoot(text);
  if (!root.ok) return root;
  const rest = readSegments(text, root.value.end, false);
  if (!rest.ok) return rest;
  // Jayway trims the path, and AWS accepts deployed definitions with a trailing space.
  const end = skipSpaces(text, rest.value.end);
  if (end < text.length) return failed(`unexpected '${text[end]}' in path: expected '.' or '['`, end);
  return parsed({ root: root.value.value.kind, isDefinite: rest.value.value });
}

/** Characters that also end a property name inside a filter, where operators follow paths without spaces. */
const FILTER_STOP = new Set(['<', '>', '=', '!', '&', '|', '~']);

/** Reads `.x`, `..x`, `[…]` segments from `start`; value = whether all were definite. */
function readSegments(text: string, start: number, inFilter: boolean): ParseResult<Lexed<boolean>> {
  let i = start;
  let definite = true;
  while (text[i] === '.' || text[i] === '[') {
    let next: ParseResult<Lexed<boolean>>;
    if (text[i] === '[') {
      next = readBracket(text, i);
    } else {
      const deep = text[i + 1] === '.';
      const at = i + (deep ? 2 : 1);
      next = text[at] === '[' ? readBracket(text, at) : readDotSegment(text, at, inFilter);
      if (deep && next.ok) next = parsed({ value: false, end: next.value.end });
    }
    if (!next.ok) return next;
    definite &&= next.value.value;
    i = next.value.end;
  }
  return parsed({ value: definite, end: i });
}

function readDotSegment(text: string, start: number, inFilter: boolean): ParseResult<Lexed<boolean>> {
  if (text[start] === '*') return parsed({ value: false, end: start + 1 });
  let { value: name, end } = readDotName(text, start);
  if (inFilter) {
    const stop = [...name].findIndex((ch) => FILTER_STOP.has(ch));
    if (stop >= 0) {
      name = name.slice(0, stop);
      end = start + stop;
    }
  }
  if (name === '') return failed("expected a field name, '*' or '[' after '.'", start);
  // Jayway functions such as `.length()` end a path.
  if (text[end] === '(' && text[end + 1] === ')') return parsed({ value: true, end: end + 2 });
  return parsed({ value: true, end });
}

function readBracket(text: string, start: number): ParseResult<Lexed<boolean>> {
  let i = skipSpaces(text, start + 1);
  let definite: boolean;
  if (text[i] === '*') {
    definite = false;
    i++;
  } else if (text[i] === '?') {
    const filter = readFilter(text, i + 1);
    if (!filter.ok) return filter;
    definite = false;
    i = filter.value.end;
  } else if (text[i] === '(') {
    // Jayway script expressions such as `[(@.length-1)]`.
    const close = closingParen(text, i);
    if (close === undefined) return failed("expected ')' to close the script expression", i);
    definite = false;
    i = close + 1;
  } else if (text[i] === "'" || text[i] === '"') {
    const names = readList(text, i, (at) =>
      text[at] === "'" || text[at] === '"' ? readQuoted(text, at) : undefined,
    );
    if (!names.ok) return names;
    definite = names.value.value === 1;
    i = names.value.end;
  } else {
    const indexes = readIndexes(text, i);
    if (!indexes.ok) return indexes;
    definite = indexes.value.value;
    i = indexes.value.end;
  }
  i = skipSpaces(text, i);
  if (text[i] !== ']') return failed("expected ']'", i);
  return parsed({ value: definite, end: i + 1 });
}

/** The offset of the `)` matching the `(` at `start`, skipping quoted text; `undefined` when unbalanced. */
function closingParen(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return undefined;
      i = quoted.value.end - 1;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return undefined;
}

/** Reads `item (, item)*`; value = the number of items. */
function readList(
  text: string,
  start: number,
  readItem: (at: number) => ParseResult<Lexed<unknown>> | undefined,
): ParseResult<Lexed<number>> {
  let i = start;
  let count = 0;
  for (;;) {
    const item = readItem(skipSpaces(text, i));
    if (item === undefined) return failed('expected a list item', skipSpaces(text, i));
    if (!item.ok) return item;
    count++;
    i = skipSpaces(text, item.value.end);
    if (text[i] !== ',') return parsed({ value: count, end: i });
    i++;
  }
}

/** `[0]`, `[-1]`, `[0,1]`, `[1:3]`, `[:2]`, `[::2]`: value = definite (a single index). */
function readIndexes(text: string, start: number): ParseResult<Lexed<boolean>> {
  const parts: (string | undefined)[] = [];
  let i = start;
  let current = '';
  let separators = '';
  for (; i < text.length && text[i] !== ']'; i++) {
    const ch = text[i] as string;
    if (ch === ':' || ch === ',') {
      parts.push(current.trim() || undefined);
      current = '';
      separators += ch;
    } else {
      current += ch;
    }
  }
  parts.push(current.trim() || undefined);
  if (separators.includes(':') && separators.includes(','))
    return failed('a slice cannot be combined with a union', start);
  const isSlice = separators.includes(':');
  if (isSlice && parts.length > 3) return failed('a slice has at most three parts (start:end:step)', start);
  for (const part of parts) {
    if (part === undefined ? !isSlice : !/^-?[0-9]+$/.test(part)) {
      return failed(
        "expected an integer index, a slice, '*', a quoted name or a filter '?(…)' after '['",
        start,
      );
    }
  }
  return parsed({ value: !isSlice && parts.length === 1, end: i });
}

/** Reads `(expr)` after `?` in a filter, returning the offset after `)`. */
function readFilter(text: string, start: number): ParseResult<Lexed<true>> {
  const open = skipSpaces(text, start);
  if (text[open] !== '(') return failed("expected '(' after '?' in a filter", open);
  const expr = readOr(text, open + 1);
  if (!expr.ok) return expr;
  const close = skipSpaces(text, expr.value.end);
  if (text[close] !== ')') return failed("expected ')' to close the filter", close);
  return parsed({ value: true, end: close + 1 });
}

type Step = ParseResult<Lexed<true>>;

function readOr(text: string, start: number): Step {
  return readChain(text, start, '||', readAnd);
}

function readAnd(text: string, start: number): Step {
  return readChain(text, start, '&&', readUnary);
}

function readChain(
  text: string,
  start: number,
  op: string,
  readPart: (text: string, at: number) => Step,
): Step {
  let part = readPart(text, start);
  for (;;) {
    if (!part.ok) return part;
    const at = skipSpaces(text, part.value.end);
    if (!text.startsWith(op, at)) return part;
    part = readPart(text, at + op.length);
  }
}

function readUnary(text: string, start: number): Step {
  let i = skipSpaces(text, start);
  // A loop, not recursion: a long run of `!` must not exhaust the stack.
  while (text[i] === '!' && text[i + 1] !== '=') i = skipSpaces(text, i + 1);
  if (text[i] === '(') {
    const inner = readOr(text, i + 1);
    if (!inner.ok) return inner;
    const close = skipSpaces(text, inner.value.end);
    if (text[close] !== ')') return failed("expected ')'", close);
    return parsed({ value: true, end: close + 1 });
  }
  return readComparison(text, i);
}

const BARE_WORD_STOP = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  ')',
  '(',
  '&',
  '|',
  '=',
  '!',
  '<',
  '>',
  ',',
  ']',
  '[',
  "'",
  '"',
]);
const SYMBOL_OPERATORS = ['==', '!=', '<=', '>=', '=~', '<', '>'];
const WORD_OPERATORS = new Set(['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty', 'contains']);

function readComparison(text: string, start: number): Step {
  const left = readOperand(text, start);
  if (!left.ok) return left;
  const at = skipSpaces(text, left.value.end);
  const symbol = SYMBOL_OPERATORS.find((op) => text.startsWith(op, at));
  let afterOp: number | undefined = symbol === undefined ? undefined : at + symbol.length;
  if (afterOp === undefined) {
    const word = readIdentifier(text, at);
    if (WORD_OPERATORS.has(word.value)) afterOp = word.end;
  }
  if (afterOp === undefined) return left;
  return readOperand(text, afterOp);
}

function readOperand(text: string, start: number): Step {
  const i = skipSpaces(text, start);
  const ch = text[i];
  if (ch === '@' || ch === '$') {
    const root = ch === '@' ? parsed({ value: true as const, end: i + 1 }) : readRoot(text.slice(i));
    if (!root.ok) return failed(root.message, i + root.offset);
    const segments = readSegments(text, ch === '@' ? i + 1 : i + root.value.end, true);
    if (!segments.ok) return segments;
    return parsed({ value: true, end: segments.value.end });
  }
  if (ch === "'" || ch === '"') {
    const quoted = readQuoted(text, i);
    return quoted.ok ? parsed({ value: true, end: quoted.value.end }) : quoted;
  }
  if (ch === '/') return readRegex(text, i);
  if (ch === '[') {
    if (text[skipSpaces(text, i + 1)] === ']')
      return parsed({ value: true, end: skipSpaces(text, i + 1) + 1 });
    const items = readList(text, i + 1, (at) => readOperand(text, at));
    if (!items.ok) return items;
    if (text[items.value.end] !== ']') return failed("expected ']' to close the list", items.value.end);
    return parsed({ value: true, end: items.value.end + 1 });
  }
  if (ch === '-' || isDigit(ch)) return readNumber(text, i);
  // Jayway reads an unquoted word (`@.status==Failure`) as a string; AWS accepts it.
  let end = i;
  while (end < text.length && !BARE_WORD_STOP.has(text[end] as string)) end++;
  if (end === i) {
    return failed(
      'expected a value in the filter: @path, $path, a number, a string, true, false, null or /regex/',
      i,
    );
  }
  return parsed({ value: true, end });
}

function readNumber(text: string, start: number): Step {
  let i = start;
  if (text[i] === '-') i++;
  const digits = (): boolean => {
    const from = i;
    while (isDigit(text[i])) i++;
    return i > from;
  };
  if (!digits()) return failed('expected a number', start);
  if (text[i] === '.') {
    i++;
    if (!digits()) return failed('expected digits after the decimal point', i);
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!digits()) return failed('expected digits in the exponent', i);
  }
  return parsed({ value: true, end: i });
}

function readRegex(text: string, start: number): Step {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '/') {
      let end = i + 1;
      while (end < text.length && /[a-z]/.test(text[end] as string)) end++;
      return parsed({ value: true, end });
    }
  }
  return failed('unterminated regular expression', start);
}
