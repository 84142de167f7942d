import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChoiceRuleExpression, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { evaluateChoiceRule } from '../src/choice-rules.js';
import { errorOf, scopeOf } from './helpers.js';

const check = (rule: ChoiceRuleExpression, input: JsonValue): boolean =>
  evaluateChoiceRule(rule, scopeOf(input));

describe('evaluateChoiceRule: comparison operators', () => {
  const input = {
    s: 'b',
    n: 5,
    f: 5.0,
    t: true,
    ts: '2016-03-14T01:59:00Z',
    other: { s: 'b', n: 7, t: false, ts: '2016-03-14T02:59:00+01:00' },
  };

  it.each([
    ['StringEquals', 'b', true],
    ['StringEquals', 'B', false],
    ['StringLessThan', 'c', true],
    ['StringLessThan', 'b', false],
    ['StringGreaterThan', 'a', true],
    ['StringLessThanEquals', 'b', true],
    ['StringGreaterThanEquals', 'c', false],
    ['NumericEquals', 5, true],
    ['NumericEquals', 5.0, true],
    ['NumericLessThan', 5.5, true],
    ['NumericGreaterThan', 4, true],
    ['NumericLessThanEquals', 4.99, false],
    ['NumericGreaterThanEquals', 5, true],
    ['BooleanEquals', true, true],
    ['BooleanEquals', false, false],
  ] as const)('%s %j', (operator, operand, expected) => {
    const variable = operator.startsWith('String') ? '$.s' : operator.startsWith('Numeric') ? '$.n' : '$.t';
    expect(check({ Variable: variable, [operator]: operand }, input)).toBe(expected);
  });

  it('compares timestamps by instant, across offsets and fractions', () => {
    expect(check({ Variable: '$.ts', TimestampEquals: '2016-03-14T01:59:00.000Z' }, input)).toBe(true);
    expect(check({ Variable: '$.ts', TimestampEquals: '2016-03-14T02:59:00+01:00' }, input)).toBe(true);
    expect(check({ Variable: '$.ts', TimestampLessThan: '2016-03-14T01:59:00.5Z' }, input)).toBe(true);
    expect(check({ Variable: '$.ts', TimestampGreaterThan: '2016-03-14T01:58:59.999999Z' }, input)).toBe(
      true,
    );
    expect(check({ Variable: '$.ts', TimestampLessThanEquals: '2016-03-14T01:59:00Z' }, input)).toBe(true);
    expect(check({ Variable: '$.ts', TimestampGreaterThanEquals: '2017-01-01T00:00:00Z' }, input)).toBe(
      false,
    );
    expect(check({ Variable: '$.ts', TimestampEqualsPath: '$.other.ts' }, input)).toBe(true);
  });

  it('takes the operand from a path with the …Path variants ($, $$ and variables)', () => {
    const scope = scopeOf(input, { limit: 6 }, { Execution: { Name: 'b' } });
    expect(evaluateChoiceRule({ Variable: '$.s', StringEqualsPath: '$.other.s' }, scope)).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$.s', StringEqualsPath: '$$.Execution.Name' }, scope)).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$.n', NumericLessThanPath: '$limit' }, scope)).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$.n', NumericGreaterThanEqualsPath: '$.other.n' }, scope)).toBe(
      false,
    );
    expect(evaluateChoiceRule({ Variable: '$.t', BooleanEqualsPath: '$.other.t' }, scope)).toBe(false);
    expect(evaluateChoiceRule({ Variable: '$limit', NumericEquals: 6 }, scope)).toBe(true);
  });

  it('is false (never an error) when types do not match', () => {
    expect(check({ Variable: '$.n', StringEquals: '5' }, input)).toBe(false);
    expect(check({ Variable: '$.s', NumericEquals: 5 }, { s: '5' })).toBe(false);
    expect(check({ Variable: '$.t', NumericEquals: 1 }, input)).toBe(false);
    expect(check({ Variable: '$.n', BooleanEquals: true }, { n: 1 })).toBe(false);
    expect(check({ Variable: '$.s', TimestampEquals: '2016-03-14T01:59:00Z' }, input)).toBe(false);
    expect(check({ Variable: '$.ts', TimestampEquals: 'not a timestamp' }, input)).toBe(false);
    expect(check({ Variable: '$.n', StringEqualsPath: '$.s' }, input)).toBe(false);
    expect(check({ Variable: '$.s', StringEquals: 'x' }, { s: null })).toBe(false);
  });

  it('compares strings by UTF-16 code units, without normalisation or case folding', () => {
    expect(check({ Variable: '$.s', StringLessThan: 'a' }, { s: 'Z' })).toBe(true);
    expect(check({ Variable: '$.s', StringEquals: '\u00e9' }, { s: 'e\u0301' })).toBe(false);
    expect(check({ Variable: '$.s', StringLessThanEquals: 'AB' }, { s: 'A' })).toBe(true);
  });
});

describe('evaluateChoiceRule: type tests', () => {
  const input = {
    nil: null,
    n: 1.5,
    s: 'x',
    b: false,
    ts: '2024-01-01T00:00:00Z',
    bad: '2024-13-01T00:00:00Z',
  };

  it.each([
    ['IsNull', '$.nil', true],
    ['IsNull', '$.n', false],
    ['IsNumeric', '$.n', true],
    ['IsNumeric', '$.s', false],
    ['IsString', '$.s', true],
    ['IsString', '$.nil', false],
    ['IsBoolean', '$.b', true],
    ['IsBoolean', '$.n', false],
    ['IsTimestamp', '$.ts', true],
    ['IsTimestamp', '$.bad', false],
    ['IsTimestamp', '$.n', false],
    ['IsPresent', '$.nil', true],
    ['IsPresent', '$.missing', false],
  ] as const)('%s on %s', (operator, variable, expected) => {
    expect(check({ Variable: variable, [operator]: true }, input)).toBe(expected);
    expect(check({ Variable: variable, [operator]: false }, input)).toBe(!expected);
  });
});

describe('evaluateChoiceRule: StringMatches', () => {
  it.each([
    ['foo*.log', 'foo23.log', true],
    ['*.log', 'zebra.log', true],
    ['*.log', 'zebra.log.txt', false],
    ['log-*.txt', 'log-.txt', true],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['*a*', 'bab', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['a\\*b*', 'a*bcd', true],
    ['\\\\*', '\\anything', true],
    ['[a-z]?', '[a-z]?', true],
    ['.*', 'xyz', false],
  ])('%j matches %j → %s', (pattern, text, expected) => {
    expect(check({ Variable: '$.s', StringMatches: pattern }, { s: text })).toBe(expected);
  });

  it('is false for non-strings and rejects a dangling backslash', () => {
    expect(check({ Variable: '$.s', StringMatches: '*' }, { s: 5 })).toBe(false);
    expect(errorOf(() => check({ Variable: '$.s', StringMatches: 'abc\\' }, { s: 'abc' })).error).toBe(
      'States.Runtime',
    );
    expect(errorOf(() => check({ Variable: '$.s', StringMatches: 'a\\b' }, { s: 'ab' })).error).toBe(
      'States.Runtime',
    );
  });

  it('runs in linear-ish time on adversarial patterns (no backtracking)', () => {
    const text = `${'a'.repeat(50_000)}b`;
    const pattern = `${'*a'.repeat(200)}*c`;
    const started = performance.now();
    expect(check({ Variable: '$.s', StringMatches: pattern }, { s: text })).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('evaluateChoiceRule: And / Or / Not', () => {
  const input = { a: 1, b: 'x' };

  it('combines rules', () => {
    expect(
      check(
        {
          And: [
            { Variable: '$.a', NumericEquals: 1 },
            { Variable: '$.b', StringEquals: 'x' },
          ],
        },
        input,
      ),
    ).toBe(true);
    expect(
      check(
        {
          And: [
            { Variable: '$.a', NumericEquals: 1 },
            { Variable: '$.b', StringEquals: 'y' },
          ],
        },
        input,
      ),
    ).toBe(false);
    expect(
      check(
        {
          Or: [
            { Variable: '$.a', NumericEquals: 2 },
            { Variable: '$.b', StringEquals: 'x' },
          ],
        },
        input,
      ),
    ).toBe(true);
    expect(check({ Not: { Variable: '$.a', NumericEquals: 1 } }, input)).toBe(false);
    expect(check({ Not: { Not: { Variable: '$.a', IsPresent: true } } }, input)).toBe(true);
  });

  it('short-circuits, so IsPresent can guard a missing path', () => {
    const guarded = {
      And: [
        { Variable: '$.missing', IsPresent: true },
        { Variable: '$.missing', NumericEquals: 1 },
      ],
    };
    expect(check(guarded, input)).toBe(false);
    const either = {
      Or: [
        { Variable: '$.a', IsPresent: true },
        { Variable: '$.missing', NumericEquals: 1 },
      ],
    };
    expect(check(either, input)).toBe(true);
  });
});

describe('evaluateChoiceRule: errors', () => {
  it("a missing Variable is States.Runtime with AWS's cause (except IsPresent)", () => {
    for (const rule of [
      { Variable: '$.x', StringEquals: 'a' },
      { Variable: '$.x', IsNull: true },
      { Variable: '$.x', IsString: false },
      { Variable: '$.x', StringMatches: '*' },
    ]) {
      const error = errorOf(() => check(rule, {}));
      expect(error.error).toBe('States.Runtime');
      expect(error.cause).toBe(
        "Invalid path '$.x': The choice state's condition path references an invalid value.",
      );
    }
    expect(errorOf(() => evaluateChoiceRule({ Variable: '$nope', IsNull: true }, scopeOf({}))).error).toBe(
      'States.Runtime',
    );
  });

  it('a missing …Path operand is States.Runtime', () => {
    const error = errorOf(() => check({ Variable: '$.a', NumericEqualsPath: '$.b' }, { a: 1 }));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toContain("Invalid path '$.b'");
  });

  it('rejects rules without an operator or with bad flags', () => {
    expect(errorOf(() => check({ Variable: '$.a' }, { a: 1 })).error).toBe('States.Runtime');
    expect(
      errorOf(() => check({ Variable: '$.a', IsNull: 'yes' } as unknown as ChoiceRuleExpression, { a: 1 }))
        .error,
    ).toBe('States.Runtime');
  });

  it('treats __proto__ / constructor as plain keys', () => {
    expect(check({ Variable: '$.constructor', IsPresent: true }, {})).toBe(false);
    expect(check({ Variable: '$.__proto__', IsPresent: true }, {})).toBe(false);
    expect(
      check({ Variable: '$.constructor', NumericEquals: 1 }, JSON.parse('{"constructor": 1}') as JsonValue),
    ).toBe(true);
  });
});

interface ChoiceCase {
  id: string;
  definition: { States: Record<string, { Type: string; Choices?: ChoiceRuleExpression[] }> };
  input: JsonValue;
  expected: { output: { 'TestResult.$': string } };
}

const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/runtime');
const corpus = readdirSync(corpusDir)
  .filter((name) => name.startsWith('choice-') && name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(corpusDir, name), 'utf8')) as ChoiceCase);

describe('evaluateChoiceRule: cases recorded on AWS (corpus)', () => {
  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(6);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const choice = Object.values(c.definition.States).find((state) => state.Type === 'Choice');
    const rule = choice?.Choices?.[0] as ChoiceRuleExpression;
    expect(check(rule, c.input)).toBe(c.expected.output['TestResult.$'] === 'ConditionTrue');
  });
});
