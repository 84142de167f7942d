import type {
  JsonPathFilter,
  JsonPathOperand,
  JsonPathRoot,
  JsonPathSegment,
  JsonPathSelector,
  JsonValue,
} from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { linearPattern } from '../jsonata/regex.js';
import { isJsonObject, jsonEquals } from './json.js';
import type { EvaluationScope } from './scope.js';

/*
 * JSONPath queries (wildcards, slices, unions, deep scans, filters) evaluated as Jayway, the library AWS uses, does:
 * negative indexes count from the end everywhere (`$..a[-2]`, `$.a[0,-1]`, `$.m[*][-1]`), only own fields are
 * read, a filter on an object tests the object itself. Evaluation is iterative and bounded: every node visited
 * and every match kept counts against a budget, so a chained deep scan over a small but deep input
 * (`$..a..a..a..a..a`) ends in a named States.Runtime error instead of exhausting memory.
 */

/** Nodes one query may visit (deep scans, filters, each selector application). */
export const MAX_QUERY_STEPS = 1_000_000;
/** Matches one query may hold at any step. */
export const MAX_QUERY_MATCHES = 1_000_000;

/** One query's evaluation: its text (for errors), the scope's roots, and the steps taken. */
interface Query {
  readonly text: string;
  readonly root: JsonValue;
  readonly scope: EvaluationScope;
  steps: number;
}

/**
 * Every node `segments` select from `start`, in Jayway's order. `text` is the path as written; `root` is what `$`
 * means inside filters (the query's own root).
 */
export function selectAll(
  text: string,
  start: JsonValue,
  segments: readonly JsonPathSegment[],
  scope: EvaluationScope,
): JsonValue[] {
  const query: Query = { text, root: start, scope, steps: 0 };
  return select(query, [start], segments);
}

function select(query: Query, start: JsonValue[], segments: readonly JsonPathSegment[]): JsonValue[] {
  let current = start;
  for (const segment of segments) {
    const next: JsonValue[] = [];
    for (const node of current) {
      if (segment.deep) scan(query, node, segment.selector, next);
      else apply(query, node, segment.selector, next);
    }
    current = next;
  }
  return current;
}

function overBudget(query: Query, what: string): StatesError {
  return new StatesError(
    'States.Runtime',
    `The JSONPath '${query.text}' in field '${query.scope.field}' of state '${query.scope.stateName}' ${what}; simplify the path (for example fewer deep scans '..').`,
  );
}

function step(query: Query): void {
  if (++query.steps > MAX_QUERY_STEPS) throw overBudget(query, `visited more than ${MAX_QUERY_STEPS} nodes`);
}

function keep(query: Query, out: JsonValue[], value: JsonValue): void {
  if (out.length >= MAX_QUERY_MATCHES)
    throw overBudget(query, `selected more than ${MAX_QUERY_MATCHES} nodes`);
  out.push(value);
}

/** `..selector`: the selector applied to `node` and every node below it, parents before children. */
function scan(query: Query, node: JsonValue, selector: JsonPathSelector, out: JsonValue[]): void {
  const stack: JsonValue[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as JsonValue;
    step(query);
    if (selector.kind === 'filter') {
      // Jayway's scan tests objects themselves (array items are reached as descendants).
      if (isJsonObject(current) && matches(query, selector.filter, current)) keep(query, out, current);
    } else if (selector.kind !== 'names' || isJsonObject(current)) {
      apply(query, current, selector, out);
    }
    const children = Array.isArray(current)
      ? current
      : isJsonObject(current)
        ? Object.values(current)
        : undefined;
    if (children !== undefined) {
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i] as JsonValue;
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
}

/** One selector applied to one node. */
function apply(query: Query, node: JsonValue, selector: JsonPathSelector, out: JsonValue[]): void {
  step(query);
  switch (selector.kind) {
    case 'names':
      if (isJsonObject(node)) {
        for (const name of selector.names) {
          if (Object.hasOwn(node, name)) keep(query, out, node[name] as JsonValue);
        }
      }
      return;
    case 'indexes':
      if (Array.isArray(node)) for (const index of selector.indexes) keepIndex(query, node, index, out);
      return;
    case 'slice':
      if (Array.isArray(node)) slice(query, node, selector, out);
      return;
    case 'wildcard':
      if (Array.isArray(node)) for (const item of node) keep(query, out, item);
      else if (isJsonObject(node)) for (const item of Object.values(node)) keep(query, out, item);
      return;
    case 'filter':
      if (Array.isArray(node)) {
        for (const item of node) if (matches(query, selector.filter, item)) keep(query, out, item);
      } else if (isJsonObject(node) && matches(query, selector.filter, node)) {
        keep(query, out, node);
      }
      return;
    case 'script':
      if (Array.isArray(node)) keepIndex(query, node, scriptIndex(query, selector.text, node.length), out);
      return;
    case 'function': {
      const value = applyFunction(query, selector.name, node);
      if (value !== undefined) keep(query, out, value);
      return;
    }
  }
}

function keepIndex(query: Query, array: readonly JsonValue[], index: number, out: JsonValue[]): void {
  const at = index < 0 ? array.length + index : index;
  if (at >= 0 && at < array.length) keep(query, out, array[at] as JsonValue);
}

/** Python-style slice bounds, as Jayway applies `[start:end]`; a step walks every step-th item. */
function slice(
  query: Query,
  array: readonly JsonValue[],
  selector: JsonPathSelector & { kind: 'slice' },
  out: JsonValue[],
): void {
  const length = array.length;
  const by = selector.step ?? 1;
  if (by === 0) return;
  const clamp = (value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const at = value < 0 ? length + value : value;
    return by > 0 ? Math.min(Math.max(at, 0), length) : Math.min(Math.max(at, -1), length - 1);
  };
  const from = clamp(selector.start, by > 0 ? 0 : length - 1);
  const to = clamp(selector.end, by > 0 ? length : -1);
  for (let i = from; by > 0 ? i < to : i > to; i += by) keep(query, out, array[i] as JsonValue);
}

/** Jayway's `[(@.length - n)]` script index. */
function scriptIndex(query: Query, script: string, length: number): number {
  const found = /^\s*@\.length\s*(?:([-+])\s*([0-9]+))?\s*$/.exec(script);
  if (found === null) {
    throw new StatesError(
      'States.Runtime',
      `The JSONPath '${query.text}' uses the script '(${script})'; only (@.length), (@.length - n) and (@.length + n) are supported.`,
    );
  }
  const offset = Number(found[2] ?? 0);
  return found[1] === '-' ? length - offset : length + offset;
}

/** Jayway's path functions (`.length()`, `.min()`, …), applied to the node they follow. */
function applyFunction(query: Query, name: string, node: JsonValue): JsonValue | undefined {
  const numbers = (): number[] | undefined =>
    Array.isArray(node) && node.length > 0 && node.every((item) => typeof item === 'number')
      ? (node as number[])
      : undefined;
  switch (name) {
    case 'length':
    case 'size':
      if (Array.isArray(node) || typeof node === 'string') return node.length;
      return isJsonObject(node) ? Object.keys(node).length : undefined;
    case 'keys':
      return isJsonObject(node) ? Object.keys(node) : undefined;
    case 'first':
      return Array.isArray(node) ? node[0] : undefined;
    case 'last':
      return Array.isArray(node) ? node[node.length - 1] : undefined;
    case 'min':
      return numbers()?.reduce((a, b) => Math.min(a, b));
    case 'max':
      return numbers()?.reduce((a, b) => Math.max(a, b));
    case 'sum':
      return numbers()?.reduce((a, b) => a + b);
    case 'avg': {
      const values = numbers();
      return values === undefined ? undefined : values.reduce((a, b) => a + b) / values.length;
    }
    case 'stddev': {
      const values = numbers();
      if (values === undefined) return undefined;
      const mean = values.reduce((a, b) => a + b) / values.length;
      return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    }
    default:
      throw new StatesError(
        'States.Runtime',
        `The JSONPath '${query.text}' calls the function '${name}()', which is not supported.`,
      );
  }
}

/** What a filter operand stands for: a value, or nothing when a path selects nothing. */
type Operand = { readonly found: true; readonly value: JsonValue } | { readonly found: false };

const MISSING: Operand = { found: false };

function operand(query: Query, item: JsonValue, op: JsonPathOperand): Operand {
  switch (op.kind) {
    case 'literal':
      return { found: true, value: op.value };
    case 'regex':
      return { found: true, value: `/${op.source}/${op.flags}` };
    case 'list': {
      const values: JsonValue[] = [];
      for (const entry of op.items) {
        const value = operand(query, item, entry);
        if (value.found) values.push(value.value);
      }
      return { found: true, value: values };
    }
    case 'path': {
      const base = op.root === undefined ? item : rootOf(query, op.root);
      if (base === undefined) return MISSING;
      const found = select(query, [base], op.segments);
      if (isSinglePath(op))
        return found.length === 0 ? MISSING : { found: true, value: found[0] as JsonValue };
      return { found: true, value: found };
    }
  }
}

function isSingle(selector: JsonPathSelector): boolean {
  if (selector.kind === 'names') return selector.names.length === 1;
  if (selector.kind === 'indexes') return selector.indexes.length === 1;
  return selector.kind === 'function';
}

function rootOf(query: Query, root: JsonPathRoot): JsonValue | undefined {
  if (root.kind === 'input') return query.root;
  if (root.kind === 'context') return query.scope.context();
  return query.scope.variables(root.name);
}

/** Whether the filter holds for `item` (`@`). Recursion is bounded: `&&`/`||` chains are flat, parentheses nest at most 64 deep. */
function matches(query: Query, filter: JsonPathFilter, item: JsonValue): boolean {
  step(query);
  switch (filter.kind) {
    case 'or':
      return filter.operands.some((operand) => matches(query, operand, item));
    case 'and':
      return filter.operands.every((operand) => matches(query, operand, item));
    case 'not':
      return !matches(query, filter.operand, item);
    case 'exists': {
      // `[?(@.a)]`: the path selects something (an indefinite one: at least one node); a literal: it is true.
      const value = operand(query, item, filter.operand);
      if (!value.found) return false;
      if (filter.operand.kind !== 'path') return value.value === true;
      return isSinglePath(filter.operand) || (value.value as JsonValue[]).length > 0;
    }
    case 'compare':
      return compare(query, filter, item);
  }
}

function isSinglePath(op: JsonPathOperand & { kind: 'path' }): boolean {
  return op.segments.every((s) => !s.deep && isSingle(s.selector));
}

function compare(query: Query, filter: JsonPathFilter & { kind: 'compare' }, item: JsonValue): boolean {
  const left = operand(query, item, filter.left);
  const right = operand(query, item, filter.right);
  if (filter.operator === '!=') return !(left.found && right.found && jsonEquals(left.value, right.value));
  if (!left.found || !right.found) return filter.operator === 'nin' && left.found;
  const a = left.value;
  const b = right.value;
  switch (filter.operator) {
    case '==':
      return jsonEquals(a, b);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordered(filter.operator, a, b);
    case '=~':
      return filter.right.kind === 'regex' && typeof a === 'string'
        ? linearPattern(filter.right.source, filter.right.flags).matches(a)
        : false;
    case 'in':
      return Array.isArray(b) && b.some((value) => jsonEquals(a, value));
    case 'nin':
      return Array.isArray(b) && !b.some((value) => jsonEquals(a, value));
    case 'subsetof':
      return Array.isArray(a) && Array.isArray(b) && a.every((x) => b.some((y) => jsonEquals(x, y)));
    case 'anyof':
      return Array.isArray(a) && Array.isArray(b) && a.some((x) => b.some((y) => jsonEquals(x, y)));
    case 'noneof':
      return Array.isArray(a) && Array.isArray(b) && !a.some((x) => b.some((y) => jsonEquals(x, y)));
    case 'size':
      return (Array.isArray(a) || typeof a === 'string') && a.length === b;
    case 'empty':
      return (Array.isArray(a) || typeof a === 'string') && (a.length === 0) === b;
    case 'contains':
      if (typeof a === 'string') return typeof b === 'string' && a.includes(b);
      return Array.isArray(a) && a.some((value) => jsonEquals(value, b));
  }
}

/** Jayway orders two numbers or two strings; any other pair is not ordered. */
function ordered(operator: '<' | '<=' | '>' | '>=', a: JsonValue, b: JsonValue): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')))
    return false;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
