import {
  type JsonPathFilter,
  type JsonPathOperand,
  type JsonPathSegment,
  type JsonValue,
  parseJsonPath,
} from '@stepcraft/asl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, jsonEquals } from '../src/io/json.js';
import { queryPath } from '../src/io/jsonpath.js';
import { isDefinitePlan, planPath } from '../src/io/query-plan.js';
import { errorOf, scopeOf } from './helpers.js';

/*
 * The evaluator runs compiled plans (walked prefixes, stages walked in place, operands without node lists). This
 * oracle evaluates the parsed segments the plain way, one node list per segment, as Jayway's semantics read: the
 * two must agree on every path and document.
 */
function reference(root: JsonValue, segments: readonly JsonPathSegment[]): JsonValue[] {
  let current: JsonValue[] = [root];
  for (const { deep, selector } of segments) {
    const next: JsonValue[] = [];
    for (const node of current) {
      for (const target of deep ? descendants(node) : [node]) {
        if (deep && selector.kind === 'filter') {
          if (isJsonObject(target) && holds(root, selector.filter, target)) next.push(target);
        } else if (!deep || selector.kind !== 'names' || isJsonObject(target)) {
          next.push(...applied(root, target, selector));
        }
      }
    }
    current = next;
  }
  return current;
}

function descendants(node: JsonValue): JsonValue[] {
  const children = Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : [];
  return [node, ...children.filter((c) => c !== null && typeof c === 'object').flatMap(descendants)];
}

function applied(root: JsonValue, node: JsonValue, selector: JsonPathSegment['selector']): JsonValue[] {
  const at = (array: JsonValue[], i: number) => array[i < 0 ? array.length + i : i];
  switch (selector.kind) {
    case 'names':
      return isJsonObject(node)
        ? selector.names.filter((n) => Object.hasOwn(node, n)).map((n) => node[n] as JsonValue)
        : [];
    case 'indexes':
      return Array.isArray(node)
        ? selector.indexes.map((i) => at(node, i)).filter((v): v is JsonValue => v !== undefined)
        : [];
    case 'wildcard':
      return Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : [];
    case 'slice': {
      if (selector.step !== undefined) throw new Error('not generated');
      if (!Array.isArray(node)) return [];
      const bound = (v: number | undefined, fallback: number) =>
        v === undefined ? fallback : Math.min(Math.max(v < 0 ? node.length + v : v, 0), node.length);
      return node.slice(bound(selector.start, 0), bound(selector.end, node.length));
    }
    case 'filter':
      if (Array.isArray(node)) return node.filter((item) => holds(root, selector.filter, item));
      return isJsonObject(node) && holds(root, selector.filter, node) ? [node] : [];
    default:
      throw new Error('not generated');
  }
}

function holds(root: JsonValue, filter: JsonPathFilter, item: JsonValue): boolean {
  if (filter.kind === 'compare') return compared(root, filter, item);
  if (filter.kind === 'and' || filter.kind === 'or') {
    const each = (f: JsonPathFilter) => holds(root, f, item);
    return filter.kind === 'and' ? filter.operands.every(each) : filter.operands.some(each);
  }
  if (filter.kind === 'not') return !holds(root, filter.operand, item);
  if (filter.kind === 'exists') {
    const value = operandValue(root, filter.operand, item);
    return Array.isArray(value) && filter.operand.kind === 'path' && !single(filter.operand)
      ? value.length > 0
      : filter.operand.kind === 'path'
        ? value !== undefined
        : value === true;
  }
  return false;
}

function compared(root: JsonValue, filter: JsonPathFilter & { kind: 'compare' }, item: JsonValue): boolean {
  const a = operandValue(root, filter.left, item);
  const b = operandValue(root, filter.right, item);
  if (filter.operator === '!=') return !(a !== undefined && b !== undefined && jsonEquals(a, b));
  if (a === undefined || b === undefined) return filter.operator === 'nin' && a !== undefined;
  if (filter.operator === '==') return jsonEquals(a, b);
  if (filter.operator === 'in') return Array.isArray(b) && b.some((v) => jsonEquals(a, v));
  if (filter.operator === 'nin') return Array.isArray(b) && !b.some((v) => jsonEquals(a, v));
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const [x, y] = [a as number, b as number];
  return filter.operator === '<'
    ? x < y
    : filter.operator === '>'
      ? x > y
      : filter.operator === '<='
        ? x <= y
        : x >= y;
}

const single = (op: JsonPathOperand & { kind: 'path' }) =>
  op.segments.every(
    (s) =>
      !s.deep &&
      ((s.selector.kind === 'names' && s.selector.names.length === 1) ||
        (s.selector.kind === 'indexes' && s.selector.indexes.length === 1)),
  );

function operandValue(root: JsonValue, op: JsonPathOperand, item: JsonValue): JsonValue | undefined {
  if (op.kind === 'literal') return op.value;
  if (op.kind === 'list')
    return op.items.map((i) => operandValue(root, i, item)).filter((v) => v !== undefined);
  if (op.kind === 'regex') throw new Error('not generated');
  const found = reference(op.root === undefined ? item : root, op.segments);
  return single(op) ? found[0] : found;
}

const KEYS = ['a', 'b', 'id', '__proto__', 'constructor'] as const;
const json = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer({ min: -1, max: 1 }), fc.constantFrom('x', 'y'), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { minKeys: 1, maxKeys: 4 }),
  ),
})).value;
/** Documents: any JSON, or (for filters to find something) an array of objects. */
const document = fc.oneof(
  json,
  fc.array(fc.dictionary(fc.constantFrom(...KEYS), json, { minKeys: 1 }), { maxLength: 5 }),
);

const name = fc.constantFrom(...KEYS);
const relative = fc
  .array(
    fc.oneof(
      name.map((n) => `.${n}`),
      fc.integer({ min: -2, max: 2 }).map((i) => `[${i}]`),
      fc.constant('[*]'),
    ),
    {
      maxLength: 1,
    },
  )
  .map((steps) => `@${steps.join('')}`);
const literal = fc.oneof(
  fc.integer({ min: -1, max: 1 }).map(String),
  fc.constantFrom("'x'", 'true', 'null', "['x', 1]", '[@.a, 1]', '$.a'),
);
const comparison = fc.oneof(
  relative,
  fc
    .tuple(relative, fc.constantFrom('==', '!=', '<', '>=', 'in', 'nin'), fc.oneof(literal, relative))
    .map(([l, op, r]) => `${l} ${op} ${r}`),
);
const filter = fc
  .tuple(comparison, fc.option(fc.tuple(fc.constantFrom('&&', '||'), comparison), { nil: undefined }))
  .map(([a, more]) => `[?(${more === undefined ? a : `${a} ${more[0]} !(${more[1]})`})]`);
const segment = fc.oneof(
  { arbitrary: filter, weight: 3 },
  name.map((n) => `.${n}`),
  name.map((n) => `..${n}`),
  fc.integer({ min: -3, max: 3 }).map((i) => `[${i}]`),
  fc.constantFrom('[*]', '..*', '[0,-1]', "['a','id']", '[1:]', '[-2:]', '[:1]'),
);
const path = fc.array(segment, { maxLength: 3 }).map((segments) => `$${segments.join('')}`);

describe('JSONPath plans', () => {
  it('select what the plain node-list evaluation of the parsed path selects', () => {
    fc.assert(
      fc.property(document, path, (doc, text) => {
        const parsed = parseJsonPath(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
        const expected = reference(doc, parsed.value.segments);
        const scope = scopeOf(doc);
        if (parsed.value.isDefinite) {
          if (expected.length === 0)
            expect(errorOf(() => queryPath(text, scope)).error).toBe('States.Runtime');
          else expect(queryPath(text, scope)).toBe(expected[0]);
        } else {
          expect(queryPath(text, scope)).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('walk the leading single-node steps and each selector’s following ones', () => {
    const plan = (text: string) => {
      const parsed = parseJsonPath(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return planPath(parsed.value.segments);
    };
    const shape = (text: string) => {
      const p = plan(text);
      return [p.prefix.length, p.stages.map((s) => s.after.length)];
    };
    expect(shape('$.items[?(@.price < 10)].id')).toEqual([1, [1]]);
    expect(shape('$.a[0].length()')).toEqual([3, []]);
    expect(shape('$..a.b[*].c.d')).toEqual([0, [1, 2]]);
    expect(isDefinitePlan(plan('$.a[-1]'))).toBe(true);
    expect(isDefinitePlan(plan('$.a[0,1]'))).toBe(false);
  });

  it('compare a list of literals as one constant, and a list with paths item by item', () => {
    const scope = scopeOf({ xs: [{ k: 'a', o: 'a' }, { k: 'b' }, { k: 'c', o: 'x' }] });
    expect(queryPath("$.xs[?(@.k in ['a', 'c'])].k", scope)).toEqual(['a', 'c']);
    // `@.o` selects nothing on the second item: the list is then `['z']`.
    expect(queryPath("$.xs[?(@.k in [@.o, 'b'])].k", scope)).toEqual(['a', 'b']);
  });

  it('return a fresh array exactly as long as its matches, sharing the matched nodes', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ id: i, name: i % 2 === 0 ? `n${i}` : undefined }));
    const doc = JSON.parse(JSON.stringify({ items })) as { items: { id: number; name?: string }[] };
    const names = queryPath('$.items[*].name', scopeOf(doc)) as string[];
    expect(names).toHaveLength(10);
    expect(queryPath('$.items[-2:]', scopeOf(doc))).toEqual([doc.items[18], doc.items[19]]);
    expect((queryPath('$.items[-1:]', scopeOf(doc)) as JsonValue[])[0]).toBe(doc.items[19]);
  });
});
