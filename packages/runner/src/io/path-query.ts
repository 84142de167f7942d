import type { JsonPathRoot, JsonValue } from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { linearPattern } from '../jsonata/regex.js';
import { isJsonObject, jsonEquals, ownField } from './json.js';
import {
  type Condition,
  isDefinitePlan,
  type Operand,
  type PathPlan,
  type QuerySelector,
  type Stage,
  type WalkStep,
} from './query-plan.js';
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

/**
 * One query's evaluation: its text (for errors), the scope's roots, the steps taken, and the list its last stage
 * writes (see {@link Matches}).
 */
interface Query {
  text: string;
  root: JsonValue;
  scope: EvaluationScope;
  steps: number;
  readonly out: Matches;
}

/**
 * A stage's node list: `items[0 … count)`. The count is kept apart from the array's length because shortening an
 * array makes V8 trim (reallocate) its store; slots past `count` hold `null`, never a stale node.
 */
interface Matches {
  readonly items: JsonValue[];
  count: number;
}

/*
 * Queries run one at a time and to the end, so one Query and its list serve them all: a query allocates only its
 * result, copied out of the list once at its exact length (not a growing list, then an exact copy). Taken while
 * in use (a query started during another gets its own), given back holding nothing of the data it read.
 */
let spare: Query | undefined;
/** Given back only while its list is small, so the spare never holds much memory. */
const SPARE_ITEMS = 4096;
/** What a spare Query holds instead of a real scope, so it keeps no execution alive. */
const NO_SCOPE: EvaluationScope = {
  input: null,
  context: () => null,
  variables: () => undefined,
  stateName: '',
  field: '',
  random: () => 0,
};

function borrowQuery(text: string, root: JsonValue, scope: EvaluationScope): Query {
  const query = spare;
  if (query === undefined) return { text, root, scope, steps: 0, out: { items: [], count: 0 } };
  spare = undefined;
  query.text = text;
  query.root = root;
  query.scope = scope;
  query.steps = 0;
  return query;
}

function giveBack(query: Query): void {
  const out = query.out;
  if (out.items.length > SPARE_ITEMS) return;
  const items = out.items;
  // A loop, not `fill`: results are usually a few items, for which the builtin call costs more than the stores.
  for (let i = 0; i < out.count; i++) items[i] = null;
  out.count = 0;
  query.root = null;
  query.scope = NO_SCOPE;
  spare = query;
}

/**
 * Every node `plan` selects from `start`, in Jayway's order. `text` is the path as written; `start` is also what
 * `$` means inside filters (the query's own root). The array is exactly as long as its matches: it is kept.
 */
export function selectAll(
  text: string,
  start: JsonValue,
  plan: PathPlan,
  scope: EvaluationScope,
): JsonValue[] {
  const query = borrowQuery(text, start, scope);
  try {
    const first = walk(query, start, plan.prefix);
    if (first === undefined) return [];
    select(query, first, plan.stages, query.out);
    return query.out.items.slice(0, query.out.count);
  } finally {
    giveBack(query);
  }
}

/**
 * The node a definite path ({@link isDefinitePlan}) selects from `start`, or `undefined`. Walks without building a
 * node list; counts the same steps as a query would.
 */
export function selectOne(
  text: string,
  start: JsonValue,
  plan: PathPlan,
  scope: EvaluationScope,
): JsonValue | undefined {
  const query = borrowQuery(text, start, scope);
  try {
    return walk(query, start, plan.prefix);
  } finally {
    giveBack(query);
  }
}

/** Follows single-node steps; `undefined` as soon as one selects nothing. */
function walk(query: Query, start: JsonValue, steps: readonly WalkStep[]): JsonValue | undefined {
  let node = start;
  for (let i = 0; i < steps.length; i++) {
    step(query);
    const next = walkOne(query, node, steps[i] as WalkStep);
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

function walkOne(query: Query, node: JsonValue, step: WalkStep): JsonValue | undefined {
  switch (step.kind) {
    case 'name':
      return isJsonObject(node) ? ownField(node, step.name) : undefined;
    case 'index':
      return Array.isArray(node) ? itemAt(node, step.index) : undefined;
    case 'function':
      return applyFunction(query, step.name, node);
  }
}

/** {@link select} into a new array exactly as long as its matches (a filter operand's value). */
function selectToArray(query: Query, start: JsonValue, stages: readonly Stage[]): JsonValue[] {
  const out: Matches = { items: [], count: 0 };
  select(query, start, stages, out);
  out.items.length = out.count;
  return out.items;
}

/**
 * Stage by stage, one node list per stage, so `MAX_QUERY_MATCHES` bounds what is held at any time; the last stage
 * writes into `out`. The order is Jayway's: the matches of each node, in the order of the nodes.
 */
function select(query: Query, start: JsonValue, stages: readonly Stage[], out: Matches): void {
  const last = stages.length - 1;
  if (last < 0) {
    keep(query, out, start);
    return;
  }
  let current: Matches = last === 0 ? out : { items: [], count: 0 };
  runStage(query, start, stages[0] as Stage, current);
  for (let s = 1; s <= last; s++) {
    const stage = stages[s] as Stage;
    const next: Matches = s === last ? out : { items: [], count: 0 };
    for (let i = 0; i < current.count; i++) runStage(query, current.items[i] as JsonValue, stage, next);
    current = next;
  }
}

/** Appends the stage's matches from `node` to `out`, each walked through the stage's single-node steps in place. */
function runStage(query: Query, node: JsonValue, stage: Stage, out: Matches): void {
  const from = out.count;
  if (stage.segment.deep) scan(query, node, stage.segment.selector, out);
  else apply(query, node, stage.segment.selector, out);
  if (stage.after.length === 0) return;
  const items = out.items;
  const to = out.count;
  let kept = from;
  for (let i = from; i < to; i++) {
    const value = walk(query, items[i] as JsonValue, stage.after);
    if (value !== undefined) items[kept++] = value;
  }
  for (let i = kept; i < to; i++) items[i] = null;
  out.count = kept;
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

function keep(query: Query, out: Matches, value: JsonValue): void {
  if (out.count >= MAX_QUERY_MATCHES)
    throw overBudget(query, `selected more than ${MAX_QUERY_MATCHES} nodes`);
  out.items[out.count++] = value;
}

/** `..selector`: the selector applied to `node` and every node below it, parents before children. */
function scan(query: Query, node: JsonValue, selector: QuerySelector, out: Matches): void {
  const stack: JsonValue[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as JsonValue;
    step(query);
    if (selector.kind === 'filter') {
      // Jayway's scan tests objects themselves (array items are reached as descendants).
      if (isJsonObject(current) && matches(query, selector.condition, current)) keep(query, out, current);
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
function apply(query: Query, node: JsonValue, selector: QuerySelector, out: Matches): void {
  step(query);
  switch (selector.kind) {
    case 'names':
      if (isJsonObject(node)) {
        const names = selector.names;
        for (let i = 0; i < names.length; i++) {
          const value = ownField(node, names[i] as string);
          if (value !== undefined) keep(query, out, value);
        }
      }
      return;
    case 'indexes':
      if (Array.isArray(node)) {
        const indexes = selector.indexes;
        for (let i = 0; i < indexes.length; i++) {
          const item = itemAt(node, indexes[i] as number);
          if (item !== undefined) keep(query, out, item);
        }
      }
      return;
    case 'slice':
      if (Array.isArray(node)) slice(query, node, selector, out);
      return;
    case 'wildcard':
      if (Array.isArray(node)) for (let i = 0; i < node.length; i++) keep(query, out, node[i] as JsonValue);
      else if (isJsonObject(node)) for (const item of Object.values(node)) keep(query, out, item);
      return;
    case 'filter':
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const item = node[i] as JsonValue;
          if (matches(query, selector.condition, item)) keep(query, out, item);
        }
      } else if (isJsonObject(node) && matches(query, selector.condition, node)) {
        keep(query, out, node);
      }
      return;
    case 'script':
      if (Array.isArray(node)) {
        const item = itemAt(node, scriptIndex(query, selector.text, node.length));
        if (item !== undefined) keep(query, out, item);
      }
      return;
    case 'function': {
      const value = applyFunction(query, selector.name, node);
      if (value !== undefined) keep(query, out, value);
      return;
    }
  }
}

/** Jayway counts a negative index from the end; `undefined` when out of range. */
function itemAt(array: readonly JsonValue[], index: number): JsonValue | undefined {
  const at = index < 0 ? array.length + index : index;
  return at >= 0 && at < array.length ? array[at] : undefined;
}

/** Python-style slice bounds, as Jayway applies `[start:end]`; a step walks every step-th item. */
function slice(
  query: Query,
  array: readonly JsonValue[],
  selector: QuerySelector & { kind: 'slice' },
  out: Matches,
): void {
  const length = array.length;
  const by = selector.step ?? 1;
  if (by === 0) return;
  if (by > 0) {
    const to = sliceBound(selector.end, length, length, 0, length);
    for (let i = sliceBound(selector.start, 0, length, 0, length); i < to; i += by)
      keep(query, out, array[i] as JsonValue);
  } else {
    const to = sliceBound(selector.end, -1, length, -1, length - 1);
    for (let i = sliceBound(selector.start, length - 1, length, -1, length - 1); i > to; i += by)
      keep(query, out, array[i] as JsonValue);
  }
}

/** A slice bound: `fallback` when absent, else counted from the end when negative and clamped to [min, max]. */
function sliceBound(
  value: number | undefined,
  fallback: number,
  length: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  return Math.min(Math.max(value < 0 ? length + value : value, min), max);
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

/**
 * The value an operand stands for at `item` (`@`); `undefined` when a single-node path selects nothing. An
 * indefinite path stands for the array of its matches.
 */
function operand(query: Query, item: JsonValue, op: Operand): JsonValue | undefined {
  switch (op.kind) {
    case 'constant':
    case 'regex':
      return op.value;
    case 'list': {
      const values: JsonValue[] = [];
      for (const entry of op.items) {
        const value = operand(query, item, entry);
        if (value !== undefined) values.push(value);
      }
      return values;
    }
    case 'path': {
      const base = op.root === undefined ? item : rootOf(query, op.root);
      if (base === undefined) return undefined;
      const first = walk(query, base, op.plan.prefix);
      if (isDefinitePlan(op.plan)) return first;
      return first === undefined ? [] : selectToArray(query, first, op.plan.stages);
    }
  }
}

function rootOf(query: Query, root: JsonPathRoot): JsonValue | undefined {
  if (root.kind === 'input') return query.root;
  if (root.kind === 'context') return query.scope.context();
  return query.scope.variables(root.name);
}

/** Whether the condition holds for `item` (`@`). Recursion is bounded: `&&`/`||` chains are flat, parentheses nest at most 64 deep. */
function matches(query: Query, condition: Condition, item: JsonValue): boolean {
  step(query);
  switch (condition.kind) {
    case 'or':
      for (const operand of condition.operands) if (matches(query, operand, item)) return true;
      return false;
    case 'and':
      for (const operand of condition.operands) if (!matches(query, operand, item)) return false;
      return true;
    case 'not':
      return !matches(query, condition.operand, item);
    case 'exists': {
      // `[?(@.a)]`: the path selects something (an indefinite one: at least one node); a literal: it is true.
      const value = operand(query, item, condition.operand);
      if (condition.operand.kind !== 'path') return value === true;
      return (
        value !== undefined && (isDefinitePlan(condition.operand.plan) || (value as JsonValue[]).length > 0)
      );
    }
    case 'compare':
      return compare(query, condition, item);
  }
}

function compare(query: Query, condition: Condition & { kind: 'compare' }, item: JsonValue): boolean {
  const a = operand(query, item, condition.left);
  const b = operand(query, item, condition.right);
  if (condition.operator === '!=') return !(a !== undefined && b !== undefined && jsonEquals(a, b));
  if (a === undefined || b === undefined) return condition.operator === 'nin' && a !== undefined;
  const right = condition.right;
  switch (condition.operator) {
    case '==':
      return jsonEquals(a, b);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordered(condition.operator, a, b);
    case '=~':
      return right.kind === 'regex' && typeof a === 'string'
        ? linearPattern(right.source, right.flags).matches(a)
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
