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
    const error = errorOf(() => queryPath('$[?(@.constructor)]', scopeOf([{ a: 1 }])));
    expect(error.error).toBe('States.Runtime');
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
