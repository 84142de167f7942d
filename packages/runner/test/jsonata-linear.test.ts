import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../src/errors.js';
import { evaluateJsonataValue } from '../src/jsonata/evaluate.js';
import { isLinear } from '../src/jsonata/linear.js';

const linear = (body: string) => isLinear(jsonata(body).ast());

describe('which JSONata expressions run without the budget hooks', () => {
  it.each([
    '$states.input.items',
    '$sum($states.input.items.price)',
    '$states.input.items[price < 10].id',
    "$join($states.input.items.name, ',')",
    '$count($states.input.items[$contains(name, /item-1[0-9]/)])',
    '{ "total": $states.input.a + $x, "list": [$states.input.b, 1, "s"], "neg": -$y }',
    '$states.input.ok ? $uppercase($states.input.name) : $string($states.input)',
    '($states.input.a; $states.input.b)',
    '$states.input.items.($string($) & "!")',
  ])('linear: %s', (body) => {
    expect(linear(body)).toBe(true);
  });

  it.each([
    ['a range', '$count([1..$states.input.n])'],
    ['a function definition', '(function($n) { $n })(1)'],
    ['a variable binding (doubling)', '($a := $states.input.s; $a & $a)'],
    ['a focus binding (cross product)', '$states.input.a@$x.$states.input.b'],
    ['an index binding', '$states.input.a#$i.b'],
    ['grouping', '$states.input.a{name: price}'],
    ['sorting terms', '$states.input.a^(price)'],
    ['a descendant step', '$states.input.**'],
    ['a parent step', '$states.input.a.%'],
    ['a transform', '$states.input ~> |a|{"b": 1}|'],
    ['function application', '$states.input ~> $sum()'],
    ['a padding amplifier', '$pad("", $states.input.n)'],
    ['a replacement amplifier', '$replace($states.input.s, "a", "aaaa")'],
    ["AWS's $range", '$range(1, $states.input.n)'],
    ['prettified text (indentation × depth)', '$string($states.input, true)'],
    ['a computed $join separator', '$join($states.input.items, $states.input.sep)'],
    ['a higher-order function', '$map($states.input.items, $string)'],
    ['a variable read once per item', '$states.input.a[$count($states.input.a) > 1]'],
    ['a whole variable per item', '$x.($x)'],
    ['a call of a computed function', '$states.input.f(1)'],
    ['too many nodes', Array.from({ length: 40 }, (_, i) => `$states.input.v${i}`).join(' + ')],
    ['deep nesting', `${'('.repeat(60)}1${')'.repeat(60)}`],
  ])('not linear: %s', (_what, body) => {
    expect(linear(body)).toBe(false);
  });

  it("still bounds a linear expression's result by AWS's limit on one value", async () => {
    const s = 'x'.repeat(4_000_000);
    const scope = {
      input: { s },
      context: () => ({}),
      variables: () => undefined,
      stateName: 'S',
      field: 'Output',
      random: () => 0.5,
    };
    expect(linear('$states.input.s & $states.input.s')).toBe(true);
    const error = await evaluateJsonataValue(
      '{% $states.input.s & $states.input.s %}',
      scope,
      'Output',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).cause).toContain(
      'threw an error during evaluation: Expression evaluation memory limit exceeded',
    );
  });
});
