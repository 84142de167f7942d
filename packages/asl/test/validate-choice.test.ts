// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${Placeholders} are the data under test.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, jsonataMachine, machine } from './helpers.js';

const choice = (rule: Record<string, unknown>) =>
  machine({ Type: 'Choice', Choices: [{ Next: 'B', ...rule }], Default: 'B' }, { B: { Type: 'Succeed' } });

describe('JSONPath Choice rules', () => {
  it.each([
    { Variable: '$.s', StringEquals: 'x' },
    { Variable: '$.s', StringLessThanEqualsPath: '$.t' },
    { Variable: '$.s', StringMatches: 'log-*.txt' },
    { Variable: '$.s', StringMatches: 'a\\*b\\\\' },
    { Variable: '$.n', NumericGreaterThan: 1.5 },
    { Variable: '$$.Execution.Input.n', NumericEqualsPath: '$myVar' },
    { Variable: '$.b', BooleanEquals: false },
    { Variable: '$.t', TimestampLessThan: '2026-01-01T00:00:00Z' },
    { Variable: '$.x', IsNull: false },
    { Variable: '$.items[?(@.a > 1)]', IsPresent: true },
    { And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.a', IsNull: true } }] },
    { Or: [{ Variable: '$.a', NumericEquals: 1 }], Comment: 'one', Assign: { 'seen.$': '$.a' } },
    { Variable: '$.n', NumericEquals: '${Threshold}' },
  ])('accepts %j', (rule) => {
    expect(findings(choice(rule))).toEqual([]);
  });

  it.each([
    [{ Variable: '$.a' }, 'CHOICE_RULE_OPERATOR /States/A/Choices/0'],
    [{ Variable: '$.a', StringEquals: 'x', IsNull: true }, 'CHOICE_RULE_OPERATOR /States/A/Choices/0/IsNull'],
    [{ StringEquals: 'x' }, 'MISSING_FIELD /States/A/Choices/0'],
    [{ Variable: 'a', StringEquals: 'x' }, 'INVALID_PATH /States/A/Choices/0/Variable'],
    [{ Variable: '$.a', StringEqualsPath: 'b' }, 'INVALID_PATH /States/A/Choices/0/StringEqualsPath'],
    [{ Variable: '$.a', StringEquals: 1 }, 'INVALID_TYPE /States/A/Choices/0/StringEquals'],
    [{ Variable: '$.a', NumericEquals: '1' }, 'INVALID_TYPE /States/A/Choices/0/NumericEquals'],
    [{ Variable: '$.a', BooleanEquals: 'true' }, 'INVALID_TYPE /States/A/Choices/0/BooleanEquals'],
    [{ Variable: '$.a', TimestampEquals: '2026-01-01' }, 'INVALID_TYPE /States/A/Choices/0/TimestampEquals'],
    [{ Variable: '$.a', IsPresent: 'yes' }, 'INVALID_TYPE /States/A/Choices/0/IsPresent'],
    [{ Variable: '$.a', StringMatches: 'x\\' }, 'INVALID_VALUE /States/A/Choices/0/StringMatches'],
    [{ And: [] }, 'INVALID_VALUE /States/A/Choices/0/And'],
    [{ Or: {} }, 'INVALID_VALUE /States/A/Choices/0/Or'],
    [{ Not: [] }, 'INVALID_TYPE /States/A/Choices/0/Not'],
    [
      { And: [{ Variable: '$.a', IsNull: true, Next: 'B' }] },
      'TRANSITION_NOT_ALLOWED /States/A/Choices/0/And/0/Next',
    ],
    [{ Not: { Variable: '$.a', IsNull: true, Assign: {} } }, 'UNKNOWN_FIELD /States/A/Choices/0/Not/Assign'],
    [
      { Variable: '$.a', And: [{ Variable: '$.a', IsNull: true }] },
      'UNKNOWN_FIELD /States/A/Choices/0/Variable',
    ],
    [
      { Variable: '$.a', IsNull: true, Condition: true },
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Choices/0/Condition',
    ],
    [{ Variable: '$.a', IsNull: true, End: true }, 'UNKNOWN_FIELD /States/A/Choices/0/End'],
  ])('rejects %j', (rule, expected) => {
    expect(findings(choice(rule))).toEqual([expected]);
  });

  it('requires Next on top-level rules and an object per rule', () => {
    const doc = machine(
      { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true }, 'x'], Default: 'B' },
      { B: { Type: 'Succeed' } },
    );
    expect(findings(doc)).toEqual(['MISSING_FIELD /States/A/Choices/0', 'INVALID_TYPE /States/A/Choices/1']);
  });

  it('explains a rule with two operators', () => {
    const [diagnostic] = validate(choice({ Variable: '$.a', IsNull: true, IsString: true }));
    expect(diagnostic?.message).toBe(
      'State "A": a Choice rule takes exactly one operator, found IsNull, IsString; combine them with And/Or.',
    );
  });
});

describe('JSONata Choice rules', () => {
  const jsonataChoice = (rule: Record<string, unknown>) =>
    jsonataMachine(
      { Type: 'Choice', Choices: [{ Next: 'B', ...rule }], Default: 'B', Output: '{% $states.input %}' },
      { B: { Type: 'Succeed' } },
    );

  it('accepts Condition as a boolean or an expression, with Assign and Output', () => {
    expect(
      findings(
        jsonataChoice({
          Condition: '{% $states.input.n > 1 %}',
          Assign: { n: '{% $states.input.n %}' },
          Output: { a: 1 },
        }),
      ),
    ).toEqual([]);
    expect(findings(jsonataChoice({ Condition: false }))).toEqual([]);
  });

  it.each([
    [{}, 'MISSING_FIELD /States/A/Choices/0'],
    [{ Condition: 'yes' }, 'INVALID_TYPE /States/A/Choices/0/Condition'],
    [{ Condition: true, Variable: '$.a' }, 'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Choices/0/Variable'],
    [{ Condition: true, Default: 'B' }, 'UNKNOWN_FIELD /States/A/Choices/0/Default'],
    [{ Condition: '{% $states.result %}' }, 'JSONATA_STATES_FIELD_UNAVAILABLE /States/A/Choices/0/Condition'],
  ])('rejects %j', (rule, expected) => {
    expect(findings(jsonataChoice(rule))).toEqual([expected]);
  });
});
