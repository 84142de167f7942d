import { failed, type ParseResult, parsed } from '../parse-result.js';
import type {
  JsonPath,
  JsonPathFilter,
  JsonPathOperand,
  JsonPathOperator,
  JsonPathSegment,
  JsonPathSelector,
} from './jsonpath-ast.js';
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
  const path = parseJsonPath(text);
  return path.ok ? parsed({ root: path.value.root.kind, isDefinite: path.value.isDefinite }) : path;
}

/** Parses a JSONPath (see {@link checkJsonPath}) into its root and segments, for evaluation. */
export function parseJsonPath(text: string): ParseResult<JsonPath> {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) return failed(`brackets nest more than ${MAX_NESTING} levels`, tooDeep);
  const root = readRoot(text);
  if (!root.ok) return root;
  const rest = readSegments(text, root.value.end, false);
  if (!rest.ok) return rest;
  // Jayway trims the path, and AWS accepts deployed definitions with a trailing space.
  const end = skipSpaces(text, rest.value.end);
  if (end < text.length) return failed(`unexpected '${text[end]}' in path: expected '.' or '['`, end);
  const segments = rest.value.value;
  return parsed({ root: root.value.value, segments, isDefinite: segments.every(isDefiniteSegment) });
}

/** Whether a segment selects at most one node from one node: not a deep scan, a wildcard, slice, filter, script or union. */
export function isDefiniteSegment({ deep, selector }: JsonPathSegment): boolean {
  if (deep) return false;
  switch (selector.kind) {
    case 'names':
      return selector.names.length === 1;
    case 'indexes':
      return selector.indexes.length === 1;
    case 'function':
      return true;
    default:
      return false;
  }
}

/** Characters that also end a property name inside a filter, where operators follow paths without spaces. */
const FILTER_STOP = new Set(['<', '>', '=', '!', '&', '|', '~']);

/** Reads `.x`, `..x`, `[…]` segments from `start`. */
function readSegments(text: string, start: number, inFilter: boolean): ParseResult<Lexed<JsonPathSegment[]>> {
  let i = start;
  const segments: JsonPathSegment[] = [];
  while (text[i] === '.' || text[i] === '[') {
    let next: ParseResult<Lexed<JsonPathSelector>>;
    let deep = false;
    if (text[i] === '[') {
      next = readBracket(text, i);
    } else {
      deep = text[i + 1] === '.';
      const at = i + (deep ? 2 : 1);
      next = text[at] === '[' ? readBracket(text, at) : readDotSegment(text, at, inFilter);
    }
    if (!next.ok) return next;
    segments.push({ deep, selector: next.value.value });
    i = next.value.end;
  }
  return parsed({ value: segments, end: i });
}

function readDotSegment(
  text: string,
  start: number,
  inFilter: boolean,
): ParseResult<Lexed<JsonPathSelector>> {
  if (text[start] === '*') return parsed({ value: { kind: 'wildcard' }, end: start + 1 });
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
  if (text[end] === '(' && text[end + 1] === ')')
    return parsed({ value: { kind: 'function', name }, end: end + 2 });
  return parsed({ value: { kind: 'names', names: [name] }, end });
}

function readBracket(text: string, start: number): ParseResult<Lexed<JsonPathSelector>> {
  let i = skipSpaces(text, start + 1);
  let selector: JsonPathSelector;
  if (text[i] === '*') {
    selector = { kind: 'wildcard' };
    i++;
  } else if (text[i] === '?') {
    const filter = readFilter(text, i + 1);
    if (!filter.ok) return filter;
    selector = { kind: 'filter', filter: filter.value.value };
    i = filter.value.end;
  } else if (text[i] === '(') {
    // Jayway script expressions such as `[(@.length-1)]`.
    const close = closingParen(text, i);
    if (close === undefined) return failed("expected ')' to close the script expression", i);
    selector = { kind: 'script', text: text.slice(i + 1, close) };
    i = close + 1;
  } else if (text[i] === "'" || text[i] === '"') {
    const names = readList(text, i, (at) =>
      text[at] === "'" || text[at] === '"' ? readQuoted(text, at) : undefined,
    );
    if (!names.ok) return names;
    selector = { kind: 'names', names: names.value.value };
    i = names.value.end;
  } else {
    const indexes = readIndexes(text, i);
    if (!indexes.ok) return indexes;
    selector = indexes.value.value;
    i = indexes.value.end;
  }
  i = skipSpaces(text, i);
  if (text[i] !== ']') return failed("expected ']'", i);
  return parsed({ value: selector, end: i + 1 });
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

/** Reads `item (, item)*`. */
function readList<T>(
  text: string,
  start: number,
  readItem: (at: number) => ParseResult<Lexed<T>> | undefined,
): ParseResult<Lexed<T[]>> {
  let i = start;
  const items: T[] = [];
  for (;;) {
    const item = readItem(skipSpaces(text, i));
    if (item === undefined) return failed('expected a list item', skipSpaces(text, i));
    if (!item.ok) return item;
    items.push(item.value.value);
    i = skipSpaces(text, item.value.end);
    if (text[i] !== ',') return parsed({ value: items, end: i });
    i++;
  }
}

/** `[0]`, `[-1]`, `[0,1]`, `[1:3]`, `[:2]`, `[::2]`. */
function readIndexes(text: string, start: number): ParseResult<Lexed<JsonPathSelector>> {
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
  const numbers = parts.map((part) => (part === undefined ? undefined : Number(part)));
  const selector: JsonPathSelector = isSlice
    ? { kind: 'slice', start: numbers[0], end: numbers[1], step: numbers[2] }
    : { kind: 'indexes', indexes: numbers as number[] };
  return parsed({ value: selector, end: i });
}

/** Reads `(expr)` after `?` in a filter, returning the offset after `)`. */
function readFilter(text: string, start: number): ParseResult<Lexed<JsonPathFilter>> {
  const open = skipSpaces(text, start);
  if (text[open] !== '(') return failed("expected '(' after '?' in a filter", open);
  const expr = readOr(text, open + 1);
  if (!expr.ok) return expr;
  const close = skipSpaces(text, expr.value.end);
  if (text[close] !== ')') return failed("expected ')' to close the filter", close);
  return parsed({ value: expr.value.value, end: close + 1 });
}

type Step = ParseResult<Lexed<JsonPathFilter>>;

function readOr(text: string, start: number): Step {
  return readChain(text, start, '||', readAnd);
}

function readAnd(text: string, start: number): Step {
  return readChain(text, start, '&&', readUnary);
}

function readChain(
  text: string,
  start: number,
  op: '||' | '&&',
  readPart: (text: string, at: number) => Step,
): Step {
  const operands: JsonPathFilter[] = [];
  let part = readPart(text, start);
  for (;;) {
    if (!part.ok) return part;
    operands.push(part.value.value);
    const at = skipSpaces(text, part.value.end);
    if (!text.startsWith(op, at)) break;
    part = readPart(text, at + op.length);
  }
  const end = part.value.end;
  if (operands.length === 1) return parsed({ value: operands[0] as JsonPathFilter, end });
  return parsed({ value: { kind: op === '||' ? 'or' : 'and', operands }, end });
}

function readUnary(text: string, start: number): Step {
  let i = skipSpaces(text, start);
  // A loop, not recursion: a long run of `!` must not exhaust the stack.
  let negations = 0;
  while (text[i] === '!' && text[i + 1] !== '=') {
    negations++;
    i = skipSpaces(text, i + 1);
  }
  let inner: Step;
  if (text[i] === '(') {
    const nested = readOr(text, i + 1);
    if (!nested.ok) return nested;
    const close = skipSpaces(text, nested.value.end);
    if (text[close] !== ')') return failed("expected ')'", close);
    inner = parsed({ value: nested.value.value, end: close + 1 });
  } else {
    inner = readComparison(text, i);
  }
  if (!inner.ok || negations % 2 === 0) return inner;
  return parsed({ value: { kind: 'not', operand: inner.value.value }, end: inner.value.end });
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
const SYMBOL_OPERATORS = ['==', '!=', '<=', '>=', '=~', '<', '>'] as const;
const WORD_OPERATORS: ReadonlySet<string> = new Set([
  'in',
  'nin',
  'subsetof',
  'anyof',
  'noneof',
  'size',
  'empty',
  'contains',
]);

function readComparison(text: string, start: number): Step {
  const left = readOperand(text, start);
  if (!left.ok) return left;
  const at = skipSpaces(text, left.value.end);
  let operator: JsonPathOperator | undefined = SYMBOL_OPERATORS.find((op) => text.startsWith(op, at));
  let afterOp: number | undefined = operator === undefined ? undefined : at + operator.length;
  if (afterOp === undefined) {
    const word = readIdentifier(text, at);
    if (WORD_OPERATORS.has(word.value)) {
      operator = word.value as JsonPathOperator;
      afterOp = word.end;
    }
  }
  if (operator === undefined || afterOp === undefined)
    return parsed({ value: { kind: 'exists', operand: left.value.value }, end: left.value.end });
  const right = readOperand(text, afterOp);
  if (!right.ok) return right;
  return parsed({
    value: { kind: 'compare', operator, left: left.value.value, right: right.value.value },
    end: right.value.end,
  });
}

type OperandStep = ParseResult<Lexed<JsonPathOperand>>;

function readOperand(text: string, start: number): OperandStep {
  const i = skipSpaces(text, start);
  const ch = text[i];
  if (ch === '@' || ch === '$') {
    let root: JsonPathOperand & { kind: 'path' };
    let end: number;
    if (ch === '@') {
      root = { kind: 'path', root: undefined, segments: [] };
      end = i + 1;
    } else {
      const read = readRoot(text.slice(i));
      if (!read.ok) return failed(read.message, i + read.offset);
      root = { kind: 'path', root: read.value.value, segments: [] };
      end = i + read.value.end;
    }
    const segments = readSegments(text, end, true);
    if (!segments.ok) return segments;
    return parsed({ value: { ...root, segments: segments.value.value }, end: segments.value.end });
  }
  if (ch === "'" || ch === '"') {
    const quoted = readQuoted(text, i);
    if (!quoted.ok) return quoted;
    return parsed({ value: { kind: 'literal', value: quoted.value.value }, end: quoted.value.end });
  }
  if (ch === '/') return readRegex(text, i);
  if (ch === '[') {
    const after = skipSpaces(text, i + 1);
    if (text[after] === ']') return parsed({ value: { kind: 'list', items: [] }, end: after + 1 });
    const items = readList(text, i + 1, (at) => readOperand(text, at));
    if (!items.ok) return items;
    if (text[items.value.end] !== ']') return failed("expected ']' to close the list", items.value.end);
    return parsed({ value: { kind: 'list', items: items.value.value }, end: items.value.end + 1 });
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
  const word = text.slice(i, end);
  const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
  return parsed({ value: { kind: 'literal', value }, end });
}

function readNumber(text: string, start: number): OperandStep {
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
  return parsed({ value: { kind: 'literal', value: Number(text.slice(start, i)) }, end: i });
}

function readRegex(text: string, start: number): OperandStep {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '/') {
      let end = i + 1;
      while (end < text.length && /[a-z]/.test(text[end] as string)) end++;
      const value: JsonPathOperand = {
        kind: 'regex',
        source: text.slice(start + 1, i),
        flags: text.slice(i + 1, end),
      };
      return parsed({ value, end });
    }
  }
  return failed('unterminated regular expression', start);
}
