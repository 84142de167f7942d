import type { JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { applyPayloadTemplate } from '../src/io/jsonpath.js';
import { errorOf, scopeOf } from './helpers.js';

describe('applyPayloadTemplate', () => {
  it('renames k.$ keys and fills them from paths, the context, variables and intrinsics (AWS docs example)', () => {
    const input = {
      comment: 'Example for Parameters.',
      product: { details: { color: 'blue', size: 'small' }, availability: 'in stock' },
    };
    const template = {
      comment: 'Selecting what I care about.',
      MyDetails: {
        'size.$': '$.product.details.size',
        'exists.$': '$.product.availability',
        StaticValue: 'foo',
      },
      'name.$': '$$.Execution.Name',
      'count.$': '$counter',
      'greeting.$': "States.Format('Hi {}', $.product.details.color)",
    };
    const scope = scopeOf(input, { counter: 3 }, { Execution: { Name: 'exec-1' } });
    expect(applyPayloadTemplate(template, scope)).toEqual({
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' },
      name: 'exec-1',
      count: 3,
      greeting: 'Hi blue',
    });
  });

  it('handles k.$ keys inside arrays and nested objects at any depth', () => {
    const template = {
      list: [{ 'a.$': '$.x' }, 'plain', [{ 'b.$': '$.y[*]' }]],
      deep: { deeper: { 'c.$': '$' } },
    };
    expect(applyPayloadTemplate(template, scopeOf({ x: 1, y: [2, 3] }))).toEqual({
      list: [{ a: 1 }, 'plain', [{ b: [2, 3] }]],
      deep: { deeper: { c: { x: 1, y: [2, 3] } } },
    });
  });

  it('gives an array for an indefinite path, possibly empty', () => {
    expect(
      applyPayloadTemplate({ 'ids.$': '$.items[*].id' }, scopeOf({ items: [{ id: 1 }, { id: 2 }] })),
    ).toEqual({ ids: [1, 2] });
    expect(
      applyPayloadTemplate({ 'ids.$': '$.items[?(@.id > 5)]' }, scopeOf({ items: [{ id: 1 }] })),
    ).toEqual({ ids: [] });
  });

  it('copies literals deeply: the output shares nothing with the template', () => {
    const template = { nested: { list: [1, { a: 2 }] } };
    const output = applyPayloadTemplate(template, scopeOf({})) as { nested: { list: [number, object] } };
    expect(output).toEqual(template);
    expect(output.nested).not.toBe(template.nested);
    expect(output.nested.list).not.toBe(template.nested.list);
    expect(output.nested.list[1]).not.toBe(template.nested.list[1]);
  });

  it('passes non-object templates through (Assign literal values, ItemSelector scalars)', () => {
    expect(applyPayloadTemplate('text', scopeOf({}))).toBe('text');
    expect(applyPayloadTemplate(null, scopeOf({}))).toBeNull();
    expect(applyPayloadTemplate([1, { 'a.$': '$.a' }], scopeOf({ a: true }))).toEqual([1, { a: true }]);
  });

  it("throws States.Runtime with AWS's cause when a path selects nothing", () => {
    const error = errorOf(() => applyPayloadTemplate({ 'k.$': '$.x' }, scopeOf({ a: 1, b: 'two' })));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      `The JSONPath '$.x' specified for the field 'k.$' could not be found in the input '{"a":1,"b":"two"}'`,
    );
    const context = errorOf(() => applyPayloadTemplate({ 'k.$': '$$.Nope' }, scopeOf({})));
    expect(context.cause).toBe(
      `The JSONPath '$$.Nope' specified for the field 'k.$' could not be found in the input '{}'`,
    );
    expect(errorOf(() => applyPayloadTemplate({ 'v.$': '$never' }, scopeOf({}))).error).toBe(
      'States.Runtime',
    );
  });

  it('rejects a k.$ value that is not a string', () => {
    const error = errorOf(() => applyPayloadTemplate({ 'k.$': 5 }, scopeOf({})));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "The value for the field 'k.$' must be a valid JSONPath or a valid intrinsic function call",
    );
  });

  it('propagates intrinsic failures as States.IntrinsicFailure', () => {
    expect(
      errorOf(() => applyPayloadTemplate({ 'k.$': 'States.ArrayLength($.a)' }, scopeOf({ a: 1 }))).error,
    ).toBe('States.IntrinsicFailure');
  });

  it('keeps __proto__ and constructor as plain keys in templates and values', () => {
    const template = JSON.parse(
      '{"__proto__": {"x.$": "$.v"}, "constructor.$": "$.__proto__", "toString": 1}',
    ) as JsonValue;
    const input = JSON.parse('{"v": 1, "__proto__": "own"}') as JsonValue;
    const output = applyPayloadTemplate(template, scopeOf(input)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(JSON.stringify(output)).toBe('{"__proto__":{"x":1},"constructor":"own","toString":1}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
