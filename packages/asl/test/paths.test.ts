import { describe, expect, it } from 'vitest';
import { checkJsonPath, parseReferencePath } from '../src/index.js';

describe('parseReferencePath', () => {
  it.each([
    ['$', { root: { kind: 'input' }, segments: [] }],
    [
      '$.a.b[0]',
      {
        root: { kind: 'input' },
        segments: [
          { kind: 'field', name: 'a' },
          { kind: 'field', name: 'b' },
          { kind: 'index', index: 0 },
        ],
      },
    ],
    ["$['x y']", { root: { kind: 'input' }, segments: [{ kind: 'field', name: 'x y' }] }],
    ['$["it\\"s"]', { root: { kind: 'input' }, segments: [{ kind: 'field', name: 'it"s' }] }],
    [
      '$$.Execution.Id',
      {
        root: { kind: 'context' },
        segments: [
          { kind: 'field', name: 'Execution' },
          { kind: 'field', name: 'Id' },
        ],
      },
    ],
    ['$var', { root: { kind: 'variable', name: 'var' }, segments: [] }],
    [
      '$var.a[2]',
      {
        root: { kind: 'variable', name: 'var' },
        segments: [
          { kind: 'field', name: 'a' },
          { kind: 'index', index: 2 },
        ],
      },
    ],
    [
      "$.abc.['def ghi']",
      {
        root: { kind: 'input' },
        segments: [
          { kind: 'field', name: 'abc' },
          { kind: 'field', name: 'def ghi' },
        ],
      },
    ],
    ['$.[0]', { root: { kind: 'input' }, segments: [{ kind: 'index', index: 0 }] }],
    ['$.a-b', { root: { kind: 'input' }, segments: [{ kind: 'field', name: 'a-b' }] }],
    ['$[-1]', { root: { kind: 'input' }, segments: [{ kind: 'index', index: -1 }] }],
    ['$.__proto__', { root: { kind: 'input' }, segments: [{ kind: 'field', name: '__proto__' }] }],
    ['$é.x', { root: { kind: 'variable', name: 'é' }, segments: [{ kind: 'field', name: 'x' }] }],
  ])('parses %s', (text, expected) => {
    expect(parseReferencePath(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 0],
    ['a.b', 0],
    ['$.', 2],
    ['$..a', 1],
    ['$.*', 2],
    ['$[*]', 2],
    ['$[1:2]', 3],
    ['$[0,1]', 3],
    ["$['a'", 5],
    ["$['a", 2],
    ['$[?(@.a)]', 2],
    ['$.a b', 3],
    ['$x y', 2],
  ])('rejects %j at offset %i', (text, offset) => {
    const result = parseReferencePath(text);
    expect(result).toMatchObject({ ok: false, offset });
  });
});

describe('checkJsonPath', () => {
  it.each([
    ['$', 'input', true],
    ['$$', 'context', true],
    ['$$.Map.Item.Value', 'context', true],
    ['$myVar.items[0]', 'variable', true],
    ['$.name', 'input', true],
    ["$['name']", 'input', true],
    ['$[0]', 'input', true],
    ['$[-1]', 'input', true],
    ['$.[0]', 'input', true],
    ["$.abc.['def ghi']", 'input', true],
    ['$.a.length()', 'input', true],
    ['$[1:3]', 'input', false],
    ['$[-2:]', 'input', false],
    ['$[::2]', 'input', false],
    ['$[*]', 'input', false],
    ['$.*', 'input', false],
    ['$..deep', 'input', false],
    ['$..[0]', 'input', false],
    ['$..*', 'input', false],
    ['$[0,1]', 'input', false],
    ["$['a','b']", 'input', false],
    ['$[?(@.a >= 5 && @.b == "x")]', 'input', false],
    ["$.items[?(@.price<10 || !(@.tag in ['a', 'b']))].name", 'input', false],
    ['$[?(@.name =~ /foo.*?/i)]', 'input', false],
    ['$[?(@.a)]', 'input', false],
    ['$[?(@.a == $.b && @.c != -1.5e3)]', 'input', false],
    ['$[?(@.a nin [])]', 'input', false],
  ])('accepts %s', (text, root, isDefinite) => {
    expect(checkJsonPath(text)).toEqual({ ok: true, value: { root, isDefinite } });
  });

  it.each([
    ['', 0],
    ['name', 0],
    ['$.', 2],
    ['$..', 3],
    ['$[', 2],
    ['$[]', 2],
    ['$[a]', 2],
    ['$[1:2:3:4]', 2],
    ['$[1,2:3]', 2],
    ["$['a'", 5],
    ['$[?(@.a ==)]', 10],
    ['$[?(@.a == 1]', 12],
    ['$[?@.a]', 3],
    ['$[?(@.a =~ /x)]', 11],
    ['$.a)', 3],
  ])('rejects %j at offset %i', (text, offset) => {
    const result = checkJsonPath(text);
    expect(result).toMatchObject({ ok: false, offset });
  });
});
