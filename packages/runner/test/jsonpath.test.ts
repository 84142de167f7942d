import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { applyInputPath, applyOutputPath, queryPath, readReferencePath } from '../src/io/jsonpath.js';
import { errorOf, scopeOf } from './helpers.js';

const doc = {
  store: {
    book: [
      { category: 'reference', author: 'Nigel Rees', price: 8.95 },
      { category: 'fiction', author: 'Evelyn Waugh', price: 12.99 },
      { category: 'fiction', author: 'Herman Melville', price: 8.99, isbn: '0-553-21311-3' },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
  'a b': { c: 1 },
  nil: null,
};

describe('queryPath (definite paths)', () => {
  it('selects nodes with dot, bracket and index notation', () => {
    const scope = scopeOf(doc);
    expect(queryPath('$', scope)).toBe(doc);
    expect(queryPath('$.store.bicycle.color', scope)).toBe('red');
    expect(queryPath("$['store']['bicycle']['price']", scope)).toBe(19.95);
    expect(queryPath('$.store.book[1].author', scope)).toBe('Evelyn Waugh');
    expect(queryPath('$.store.book[-1].isbn', scope)).toBe('0-553-21311-3');
    expect(queryPath("$['a b'].c", scope)).toBe(1);
    expect(queryPath('$.nil', scope)).toBeNull();
  });

  it('returns shared sub-trees instead of copies (values are never mutated)', () => {
    expect(queryPath('$.store.bicycle', scopeOf(doc))).toBe(doc.store.bicycle);
  });

  it('reads the context object with $$ and variables with $name', () => {
    const scope = scopeOf(
      {},
      { order: { id: 7, items: ['x', 'y'] }, ünï: 1 },
      { Execution: { Name: 'run-1' } },
    );
    expect(queryPath('$$.Execution.Name', scope)).toBe('run-1');
    expect(queryPath('$$', scope)).toEqual({ Execution: { Name: 'run-1' } });
    expect(queryPath('$order.id', scope)).toBe(7);
    expect(queryPath('$order.items[1]', scope)).toBe('y');
    expect(queryPath('$ünï', scope)).toBe(1);
  });

  it("throws States.Runtime with AWS's wording when nothing is selected", () => {
    const error = errorOf(() => queryPath('$.x', scopeOf({ a: 1 })));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe("Invalid path '$.x' : No results for path: $['x']");
    expect(errorOf(() => queryPath('$.a.b[2]', scopeOf({ a: { b: [1] } }))).cause).toBe(
      "Invalid path '$.a.b[2]' : No results for path: $['a']['b'][2]",
    );
    expect(errorOf(() => queryPath('$.a.b', scopeOf({ a: 'text' }))).error).toBe('States.Runtime');
    expect(errorOf(() => queryPath('$[0]', scopeOf({ a: 1 }))).error).toBe('States.Runtime');
    expect(errorOf(() => queryPath('$missing.x', scopeOf({}))).error).toBe('States.Runtime');
  });

  it('treats __proto__ and constructor as plain keys, never as inherited members', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 5}') as JsonValue;
    const scope = scopeOf(input);
    expect(queryPath('$.__proto__.polluted', scope)).toBe(true);
    expect(queryPath('$.constructor', scope)).toBe(5);
    expect(errorOf(() => queryPath('$.constructor', scopeOf({}))).error).toBe('States.Runtime');
    expect(errorOf(() => queryPath('$.toString', scopeOf({}))).error).toBe('States.Runtime');
    expect(errorOf(() => queryPath('$.a.__proto__', scopeOf({ a: {} }))).error).toBe('States.Runtime');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects malformed paths with States.Runtime', () => {
    const error = errorOf(() => queryPath('$.a[', scopeOf({})));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toContain("Invalid path '$.a['");
    expect(errorOf(() => queryPath('no-dollar', scopeOf({}))).error).toBe('States.Runtime');
  });
});

describe('queryPath (indefinite paths)', () => {
  const scope = scopeOf(doc);

  it('returns every match of wildcards, slices, unions, deep scans and filters as an array', () => {
    expect(queryPath('$.store.book[*].author', scope)).toEqual([
      'Nigel Rees',
      'Evelyn Waugh',
      'Herman Melville',
    ]);
    expect(queryPath('$.store.book[0:2].price', scope)).toEqual([8.95, 12.99]);
    expect(queryPath('$.store.book[-1:].price', scope)).toEqual([8.99]);
    expect(queryPath('$.store.book[0,2].price', scope)).toEqual([8.95, 8.99]);
    expect(queryPath('$..isbn', scope)).toEqual(['0-553-21311-3']);
    expect(queryPath('$.store.book[?(@.price < 10)].author', scope)).toEqual([
      'Nigel Rees',
      'Herman Melville',
    ]);
    expect(queryPath("$.store.book[?(@.category == 'fiction' && @.price > 10)].price", scope)).toEqual([
      12.99,
    ]);
  });

  it('returns [] instead of failing when nothing matches', () => {
    expect(queryPath('$.store.book[?(@.price > 100)]', scope)).toEqual([]);
    expect(queryPath('$.nothing[*]', scope)).toEqual([]);
    expect(queryPath('$..nowhere', scope)).toEqual([]);
    expect(queryPath('$.store.bicycle.color[*]', scope)).toEqual([]);
  });

  it('applies indefinite paths to the context object and to variables', () => {
    const withVars = scopeOf({}, { list: [{ n: 1 }, { n: 2 }] }, { Execution: { Input: { ids: [4, 5] } } });
    expect(queryPath('$list[*].n', withVars)).toEqual([1, 2]);
    expect(queryPath('$$.Execution.Input.ids[*]', withVars)).toEqual([4, 5]);
    expect(queryPath('$unknown[*]', withVars)).toEqual([]);
  });

  it('never exposes prototype members through filters or scans', () => {
    expect(queryPath('$..constructor', scopeOf({ a: { b: 1 } }))).toEqual([]);
    // Jayway reads own fields only: an inherited member is a missing field.
    expect(queryPath('$[?(@.constructor)]', scopeOf([{ a: 1 }]))).toEqual([]);
    expect(queryPath('$[?(@.__proto__)]', scopeOf(JSON.parse('[{"__proto__": 1}, {}]')))).toEqual([
      JSON.parse('{"__proto__": 1}'),
    ]);
  });
});

describe('queryPath (Jayway fidelity)', () => {
  it('counts negative indexes from the end in unions, after wildcards and after deep scans', () => {
    expect(queryPath('$..a[-2]', scopeOf({ a: [1, 2, 3, 4] }))).toEqual([3]);
    expect(queryPath('$.a[0,-1]', scopeOf({ a: [1, 2, 3, 4] }))).toEqual([1, 4]);
    expect(
      queryPath(
        '$.m[*][-1]',
        scopeOf({
          m: [
            [1, 2],
            [3, 4],
          ],
        }),
      ),
    ).toEqual([2, 4]);
    expect(queryPath('$.a[-9,0]', scopeOf({ a: [1] }))).toEqual([1]);
    expect(queryPath('$.a[(@.length-1)]', scopeOf({ a: [1, 2, 3] }))).toEqual([3]);
  });

  it('scans parents before children, and a deep filter tests each object once', () => {
    expect(queryPath('$..a', scopeOf({ a: { a: 1 }, b: [{ a: 2 }] }))).toEqual([{ a: 1 }, 1, 2]);
    expect(queryPath('$..[?(@.k)]', scopeOf({ k: 1, c: [{ k: 2 }, { j: 3 }] }))).toEqual([
      { k: 1, c: [{ k: 2 }, { j: 3 }] },
      { k: 2 },
    ]);
    expect(queryPath("$['a','b']", scopeOf({ b: 2, a: 1 }))).toEqual([1, 2]);
    expect(queryPath('$[::2]', scopeOf([0, 1, 2, 3, 4]))).toEqual([0, 2, 4]);
    expect(queryPath('$[-2:]', scopeOf([0, 1, 2, 3, 4]))).toEqual([3, 4]);
  });

  it("evaluates Jayway's filter operators", () => {
    const items = scopeOf({
      max: 2,
      xs: [
        { n: 1, s: 'apple', tags: ['a', 'b'] },
        { n: 2, s: 'Banana', tags: [] },
        { n: 3, s: 'cherry', tags: ['c'] },
      ],
    });
    const names = (filter: string) => queryPath(`$.xs[?(${filter})].n`, items);
    expect(names('@.n == 2')).toEqual([2]);
    expect(names('@.n != 2')).toEqual([1, 3]);
    expect(names('@.n <= $.max')).toEqual([1, 2]);
    expect(names('@.s =~ /b.*/i')).toEqual([2]); // a full match, as Java's Matcher.matches()
    expect(names('@.s =~ /an/')).toEqual([]);
    expect(names("@.s in ['apple', 'cherry']")).toEqual([1, 3]);
    expect(names("@.s nin ['apple']")).toEqual([2, 3]);
    expect(names("@.tags subsetof ['a', 'b', 'c']")).toEqual([1, 2, 3]);
    expect(names("@.tags anyof ['c']")).toEqual([3]);
    expect(names("@.tags noneof ['a']")).toEqual([2, 3]);
    expect(names('@.tags size 1')).toEqual([3]);
    expect(names('@.tags empty true')).toEqual([2]);
    expect(names("@.s contains 'err'")).toEqual([3]);
    expect(names('@.n > 1 && (@.s == cherry || !(@.n == 3))')).toEqual([2, 3]);
    expect(names('@.missing')).toEqual([]);
    expect(names(Array(5000).fill('@.n > 0').join(' && '))).toEqual([1, 2, 3]);
    expect(queryPath('$.xs.length()', items)).toBe(3);
  });

  it('ends a query that visits too many nodes in States.Runtime, naming the state and field', () => {
    let nested: JsonValue = {};
    for (let i = 0; i < 200; i++) nested = { a: nested };
    const error = errorOf(() => queryPath('$..a..a..a..a..a', scopeOf(nested)));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "The JSONPath '$..a..a..a..a..a' in field 'Parameters' of state 'S' visited more than 1000000 nodes; simplify the path (for example fewer deep scans '..').",
    );
  });
});

describe('query results', () => {
  it('each query returns its own exact-length array, also after a query that failed', () => {
    const scope = scopeOf({ xs: [{ v: 1 }, { v: 2 }, { w: 3 }, { v: 4 }], ys: [5, 6] });
    const first = queryPath('$.xs[*].v', scope) as JsonValue[];
    const second = queryPath('$.ys[*]', scope) as JsonValue[];
    expect(first).toEqual([1, 2, 4]);
    expect(second).toEqual([5, 6]);
    expect(first).not.toBe(second);
    let nested: JsonValue = {};
    for (let i = 0; i < 200; i++) nested = { a: nested };
    expect(errorOf(() => queryPath('$..a..a..a..a..a', scopeOf(nested))).error).toBe('States.Runtime');
    const after = queryPath('$.xs[?(@.v > 1)].v', scope) as JsonValue[];
    expect(after).toEqual([2, 4]);
    expect(after).toHaveLength(2);
    expect(first).toEqual([1, 2, 4]);
  });
});

describe('readReferencePath', () => {
  it('reads single nodes and throws when missing', () => {
    expect(readReferencePath('$.items', scopeOf({ items: [1, 2] }))).toEqual([1, 2]);
    expect(
      readReferencePath('$$.Execution.Input.items', scopeOf({}, {}, { Execution: { Input: { items: [] } } })),
    ).toEqual([]);
    expect(errorOf(() => readReferencePath('$.items', scopeOf({}))).error).toBe('States.Runtime');
  });
});

describe('applyInputPath / applyOutputPath', () => {
  it('absent keeps the input, null gives {}, a path selects', () => {
    const input = { a: { b: 1 } };
    for (const apply of [applyInputPath, applyOutputPath]) {
      expect(apply(undefined, scopeOf(input))).toBe(input);
      expect(apply(null, scopeOf(input))).toEqual({});
      expect(apply('$.a', scopeOf(input))).toBe(input.a);
      expect(apply('$$', scopeOf(input, {}, { State: { Name: 'S' } }))).toEqual({ State: { Name: 'S' } });
      expect(apply('$answer', scopeOf(input, { answer: 42 }))).toBe(42);
      expect(errorOf(() => apply('$.x', scopeOf(input))).cause).toBe(
        "Invalid path '$.x' : No results for path: $['x']",
      );
    }
  });
});
