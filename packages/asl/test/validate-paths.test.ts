import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, LAMBDA, machine } from './helpers.js';

const pass = (extra: Record<string, unknown>) => machine({ Type: 'Pass', End: true, ...extra });

describe('InputPath, OutputPath, ResultPath and *Path fields', () => {
  it('accepts JSONPath, context and variable paths, null, and AWS leniencies', () => {
    expect(
      findings(
        pass({
          InputPath: '$$.Execution.Input',
          OutputPath: '$.items[?(@.price < 10 && @.tag == "x")]',
          ResultPath: "$.a['b c'][0]",
        }),
      ),
    ).toEqual([]);
    expect(findings(pass({ InputPath: null, OutputPath: '$myVar.x', ResultPath: null }))).toEqual([]);
    expect(findings(pass({ InputPath: '$.[0]', OutputPath: '$.x ' }))).toEqual([]);
  });

  it.each([
    [{ InputPath: 'bug$.x' }, 'INVALID_PATH /States/A/InputPath'],
    [{ OutputPath: 5 }, 'INVALID_TYPE /States/A/OutputPath'],
    [{ ResultPath: '$.a[*]' }, 'INVALID_PATH /States/A/ResultPath'],
    [{ ResultPath: '$..a' }, 'INVALID_PATH /States/A/ResultPath'],
    [{ ResultPath: '$$.Execution' }, 'INVALID_PATH /States/A/ResultPath'],
    [{ ResultPath: '$var.x' }, 'INVALID_PATH /States/A/ResultPath'],
    [{ ResultPath: 7 }, 'INVALID_TYPE /States/A/ResultPath'],
  ])('rejects %j', (extra, expected) => {
    expect(findings(pass(extra))).toEqual([expected]);
  });

  it('tells how to fix a ResultPath that names a variable', () => {
    const [diagnostic] = validate(pass({ ResultPath: '$total' }));
    expect(diagnostic?.message).toBe(
      'State "A": ResultPath "$total" cannot write into a variable ($total); use a path under "$", or Assign to set variables.',
    );
  });

  it('checks the *Path fields and Catch ResultPath', () => {
    expect(findings(machine({ Type: 'Wait', End: true, SecondsPath: 'x' }))).toEqual([
      'INVALID_PATH /States/A/SecondsPath',
    ]);
    expect(
      findings(
        machine({
          Type: 'Task',
          Resource: LAMBDA,
          End: true,
          Catch: [{ ErrorEquals: ['E'], Next: 'A', ResultPath: '$$.x' }],
        }),
      ),
    ).toEqual(['INVALID_PATH /States/A/Catch/0/ResultPath']);
    expect(
      findings(machine({ Type: 'Fail', CausePath: "States.Format('{}', $.x)", ErrorPath: '$.e' })),
    ).toEqual([]);
  });

  it('skips syntax checks with checkPaths: false but still forbids a variable ResultPath', () => {
    expect(
      findings(pass({ InputPath: 'nope', ResultPath: '.x', Parameters: { 'a.$': 'nope' } }), {
        checkPaths: false,
      }),
    ).toEqual([]);
    expect(findings(pass({ ResultPath: '$x' }), { checkPaths: false })).toEqual([
      'INVALID_PATH /States/A/ResultPath',
    ]);
  });
});

describe('payload templates', () => {
  it('accepts paths and intrinsic calls in .$ keys at any depth, and literals elsewhere', () => {
    const Parameters = {
      literal: '$.not-evaluated',
      'ctx.$': '$$.Execution.Id',
      nested: { list: [{ 'v.$': '$var.items[0]' }], 'fmt.$': "States.Format('It\\'s {}', $.name)" },
      'hash.$': "States.Hash(States.JsonToString($.x), 'SHA-256')",
    };
    expect(findings(pass({ Parameters }))).toEqual([]);
  });

  it('rejects keys duplicated once .$ is removed, at any depth', () => {
    const [diagnostic] = validate(pass({ Parameters: { a: { list: [{ x: 1, 'x.$': '$.x' }] } } }));
    expect(diagnostic).toMatchObject({
      code: 'DUPLICATE_TEMPLATE_KEY',
      pointer: '/States/A/Parameters/a/list/0/x.$',
    });
  });

  it.each([
    [{ 'a.$': 3 }, 'INVALID_TYPE /States/A/Parameters/a.$'],
    [{ 'a.$': 'hello' }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
    [{ 'a.$': '$.a[' }, 'INVALID_PATH /States/A/Parameters/a.$'],
    [{ 'a.$': 'States.Unknown($.x)' }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
    [{ 'a.$': 'States.UUID(1)' }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
    [{ 'a.$': 'States.Format()' }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
    [{ 'a.$': "States.Array(States.MathAdd('1', 2))" }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
    [{ 'a.$': "States.Format('a\\b')" }, 'INVALID_INTRINSIC /States/A/Parameters/a.$'],
  ])('rejects %j', (Parameters, expected) => {
    expect(findings(pass({ Parameters }))).toEqual([expected]);
  });

  it('names the arity in the message', () => {
    const [diagnostic] = validate(pass({ Parameters: { 'r.$': 'States.MathRandom(1)' } }));
    expect(diagnostic?.message).toBe('State "A": "r.$": States.MathRandom takes 2 to 3 arguments, got 1.');
  });

  it('checks ResultSelector, ItemSelector, Credentials and JSONPath Assign values', () => {
    const task = machine({
      Type: 'Task',
      Resource: LAMBDA,
      End: true,
      ResultSelector: { 'p.$': 'bad' },
      Credentials: { 'RoleArn.$': 'bad' },
      Assign: { 'v.$': 'bad', ok: 1 },
    });
    expect(findings(task)).toEqual([
      'INVALID_INTRINSIC /States/A/ResultSelector/p.$',
      'INVALID_INTRINSIC /States/A/Credentials/RoleArn.$',
      'INVALID_INTRINSIC /States/A/Assign/v.$',
    ]);
  });
});

/** Built from the ASL language service's Fail tests (aws/amazon-states-language-service validationStrings.ts). */
describe('Fail ErrorPath and CausePath', () => {
  const fail = (extra: Record<string, unknown>) => machine({ Type: 'Fail', ...extra });

  it('accepts paths, context paths and the intrinsics that return a string, nested or not', () => {
    // documentFailErrorPathAndCausePathContextValid, …IntrinsicValid, …IntrinsicNestedValid
    expect(findings(fail({ ErrorPath: '$$.StateMachine.Name', CausePath: '$$.State.Name' }))).toEqual([]);
    expect(findings(fail({ ErrorPath: 'States.UUID()', CausePath: "States.Format('e {}', $.e)" }))).toEqual(
      [],
    );
    const nested = "States.Format('{} {}', States.ArrayGetItem($.list, $.i), $.cause)";
    expect(findings(fail({ ErrorPath: 'States.JsonToString($.e)', CausePath: nested }))).toEqual([]);
  });

  it('rejects intrinsics that do not return a string (documentFailErrorPathAndCausePathIntrinsicInvalid)', () => {
    expect(
      findings(fail({ ErrorPath: 'States.StringToJson($.e)', CausePath: 'States.MathAdd($.a, $.b)' })),
    ).toEqual(['INVALID_INTRINSIC /States/A/ErrorPath', 'INVALID_INTRINSIC /States/A/CausePath']);
    expect(validate(fail({ CausePath: 'States.Array($.a)' }))[0]?.message).toBe(
      'State "A": "CausePath": States.Array does not return a string; use one of States.Format, States.JsonToString, ' +
        'States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash, States.UUID.',
    );
  });

  it('rejects values that are neither paths nor calls (documentFailErrorPathAndCausePathJsonPathInvalid)', () => {
    expect(findings(fail({ ErrorPath: 'Error', CausePath: 'Cause' }))).toEqual([
      'INVALID_INTRINSIC /States/A/ErrorPath',
      'INVALID_INTRINSIC /States/A/CausePath',
    ]);
  });
});

describe('intrinsic nesting', () => {
  const nest = (depth: number) => {
    let text = '$.x';
    for (let i = 0; i < depth; i++) text = `States.JsonToString(${text})`;
    return text;
  };

  it('accepts calls nested 10 deep and rejects 11, the AWS limit per field', () => {
    expect(findings(pass({ Parameters: { 'a.$': nest(10) } }))).toEqual([]);
    expect(findings(pass({ Parameters: { 'a.$': nest(11) } }))).toEqual([
      'INVALID_INTRINSIC /States/A/Parameters/a.$',
    ]);
  });
});

describe('Assign names', () => {
  it.each([
    ['states', 'reserved'],
    ['a.b', 'identifier'],
    ['x[2]', 'identifier'],
    ['2x', 'identifier'],
    ['v'.repeat(81), '80 characters'],
  ])('rejects %j', (name, why) => {
    const [diagnostic] = validate(pass({ Assign: { [name]: 1 } }));
    expect(diagnostic).toMatchObject({ code: 'INVALID_VARIABLE_NAME', pointer: `/States/A/Assign/${name}` });
    expect(diagnostic?.message).toContain(why);
  });

  it('accepts identifiers (Unicode too) and strips .$ in JSONPath', () => {
    expect(
      findings(pass({ Assign: { total: 1, _x: 2, 'count.$': '$.n', café: 3, ['v'.repeat(80)]: 4 } })),
    ).toEqual([]);
  });

  it('checks Assign in Choice rules and catchers, and requires an object', () => {
    const choice = machine(
      {
        Type: 'Choice',
        Choices: [{ Variable: '$.a', IsNull: true, Next: 'B', Assign: { 'b-c': 1 } }],
        Default: 'B',
      },
      { B: { Type: 'Succeed' } },
    );
    expect(findings(choice)).toEqual(['INVALID_VARIABLE_NAME /States/A/Choices/0/Assign/b-c']);
    expect(findings(pass({ Assign: [1] }))).toEqual(['INVALID_TYPE /States/A/Assign']);
  });
});
