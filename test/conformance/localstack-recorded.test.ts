/**
 * More executions recorded on real AWS Step Functions, restated from LocalStack's AWS-validated snapshot tests
 * (localstack/localstack, `tests/aws/services/stepfunctions/v2/**`, Apache-2.0). Each case names its snapshot key.
 * Only cases whose recorded result holds no random id, date or external-service value are restated; where a Lambda
 * error cause carried a request id, a stand-in id is used in both the mock and the expectation (as in the corpus).
 */
import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';
import type { mockHandlers } from './corpus.js';
import { cases, type Recorded } from './recorded.js';

type Mocks = Parameters<typeof mockHandlers>[0];

/** The causes restated here are checked as substrings (stand-in ids, shortened texts). */
const casesWithSubstringCause = (title: string, list: readonly Recorded[]) => cases(title, list, 'substring');

// ---------------------------------------------------------------------------------------------------------------
// Choice operators: v2/choice_operators/test_*.py build `template.json5` with `%ComparisonOperatorType%` replaced by
// the operator and, for non-Path operators, the quoted "$.Value" replaced by the literal value. Input is
// {Variable, Value}; AWS recorded which Pass state (ConditionTrue/ConditionFalse) ran.

/** The shared choice-operator machine, with the operand either literal or `$.Value` for *Path operators. */
function choiceMachine(operator: string, value: JsonValue): unknown {
  const pass = (result: string) => ({ Type: 'Pass', Result: { 'TestResult.$': result }, End: true });
  return {
    Comment: 'BASE_TEMPLATE',
    StartAt: 'CheckValues',
    States: {
      CheckValues: {
        Type: 'Choice',
        Choices: [
          {
            Variable: '$.Variable',
            [operator]: operator.endsWith('Path') ? '$.Value' : value,
            Next: 'ConditionTrue',
          },
        ],
        Default: 'ConditionFalse',
      },
      ConditionTrue: pass('ConditionTrue'),
      ConditionFalse: pass('ConditionFalse'),
    },
  };
}

/** [Variable, Value, AWS took ConditionTrue] */
type Row = readonly [JsonValue, JsonValue, boolean];

function choiceCases(snapshotKey: string, operator: string, rows: readonly Row[]): Recorded[] {
  return rows.map(([variable, value, taken], index) => ({
    name: `${snapshotKey} #${index}: ${operator} ${JSON.stringify(variable)} vs ${JSON.stringify(value)} -> ${taken}`,
    definition: choiceMachine(operator, value),
    input: { Variable: variable, Value: value },
    output: { 'TestResult.$': taken ? 'ConditionTrue' : 'ConditionFalse' },
  }));
}

/** Operand types the recorded comparisons ran a numeric/string/timestamp operator against; none matched. */
const NON_MATCHING_TYPES: readonly JsonValue[] = [null, '', ' ', [], [''], {}, { A: 0 }, false, true];

casesWithSubstringCause('choice: NumericEquals on mixed types (test_numeric.py::test_numeric_equals)', [
  ...choiceCases(
    'test_numeric_equals',
    'NumericEquals',
    NON_MATCHING_TYPES.map((v): Row => [v, 0, false]),
  ),
  ...choiceCases('test_numeric_equals', 'NumericEquals', [
    [1, 1.0, true],
    [0.0, 0, true],
    [1.1, 1, false],
    [2.22, 2.22, true],
    [0, 1, false],
  ]),
  ...choiceCases('test_numeric_equals_path', 'NumericEqualsPath', [
    [null, 0, false],
    [1, 1.0, true],
    [1.1, 1.0, false],
    ['', 0, false],
  ]),
  // test_numeric_{greater,less}_than[_equals][_path]: (Variable, Value) pairs over 0, 0.0 and 1.
  ...choiceCases('test_numeric_greater_than', 'NumericGreaterThan', [
    [0, 1, false],
    [1, 1, false],
    [1, 0, true],
  ]),
  ...(
    [
      ['NumericGreaterThanPath', [false, false, false, false, true]],
      ['NumericGreaterThanEquals', [true, true, false, true, true]],
      ['NumericGreaterThanEqualsPath', [true, true, false, true, true]],
      ['NumericLessThan', [false, false, true, false, false]],
      ['NumericLessThanPath', [false, false, true, false, false]],
      ['NumericLessThanEquals', [true, true, true, true, false]],
      ['NumericLessThanEqualsPath', [true, true, true, true, false]],
    ] as const
  ).flatMap(([op, taken]) =>
    choiceCases(
      `test_${op}`,
      op,
      (
        [
          [0, 0],
          [0.0, 0],
          [0, 1],
          [1, 1],
          [1, 0],
        ] as const
      ).map(([a, b], i): Row => [a, b, taken[i] === true]),
    ),
  ),
]);

// Is* operators: (Variable, literal true|false). AWS: IsX: false is true exactly when the value is not X.
const IS_ROWS: readonly (readonly [JsonValue, Record<string, boolean>])[] = [
  [null, { IsBoolean: false, IsNull: true, IsNumeric: false, IsPresent: true, IsString: false }],
  [0, { IsBoolean: false, IsNull: false, IsNumeric: true, IsPresent: true, IsString: false }],
  [0.0, { IsBoolean: false, IsNull: false, IsNumeric: true, IsPresent: true, IsString: false }],
  [1.1, { IsBoolean: false, IsNull: false, IsNumeric: true, IsPresent: true, IsString: false }],
  ['', { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true, IsString: true }],
  [' ', { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true, IsString: true }],
  ['HelloWorld', { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true, IsString: true }],
  ['2012-10-09T19:00:55', { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  ['2023-02-24', { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  [[], { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  [[''], { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  [{}, { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  [{ A: 0 }, { IsBoolean: false, IsNull: false, IsNumeric: false, IsPresent: true }],
  [true, { IsBoolean: true, IsNull: false, IsNumeric: false, IsPresent: true }],
  [false, { IsBoolean: true, IsNull: false, IsNumeric: false, IsPresent: true }],
];

casesWithSubstringCause(
  'choice: Is* operators on every JSON type (test_is_operators.py)',
  IS_ROWS.flatMap(([variable, isOf]) =>
    Object.entries(isOf).flatMap(([operator, holds]) =>
      choiceCases(`test_is_${operator.slice(2).toLowerCase()}`, operator, [
        [variable, true, holds],
        // AWS recorded the negated form for every value except `true` (the list has no (true, false) pair).
        ...(variable === true ? [] : [[variable, false, !holds] as Row]),
      ]),
    ),
  ),
);

casesWithSubstringCause('choice: string operators (test_string_operators.py)', [
  ...choiceCases(
    'test_string_equals',
    'StringEquals',
    [null, 0, 0.0, 1, 1.1, '', ' ', [], [''], {}, { A: 0 }, false, true].map(
      (v): Row => [v, 'HelloWorld', false],
    ),
  ),
  ...choiceCases('test_string_equals', 'StringEquals', [
    [' ', '     ', false],
    ['\t\n', '\t\r\n', false],
    ['Hello', 'Hello', true],
  ]),
  ...choiceCases('test_string_equals_path', 'StringEqualsPath', [
    [' ', '     ', false],
    ['\t\n', '\t\r\n', false],
    ['Hello', 'Hello', true],
  ]),
  ...['StringGreaterThan', 'StringGreaterThanPath'].flatMap((op) =>
    choiceCases(`test_${op}`, op, [
      ['', '', false],
      ['A', 'A ', false],
      ['A', 'A\t\n\r', false],
      ['AB', 'ABC', false],
    ]),
  ),
  ...['StringGreaterThanEquals', 'StringGreaterThanEqualsPath'].flatMap((op) =>
    choiceCases(`test_${op}`, op, [
      ['', '', true],
      ['A', 'AB', false],
      ['AB', 'A', true],
    ]),
  ),
  ...['StringLessThan', 'StringLessThanPath'].flatMap((op) =>
    choiceCases(`test_${op}`, op, [
      ['', '', false],
      ['A', 'AB', true],
      ['AB', 'A', false],
    ]),
  ),
  ...['StringLessThanEquals', 'StringLessThanEqualsPath'].flatMap((op) =>
    choiceCases(`test_${op}`, op, [
      ['', '', true],
      ['A', 'AB', true],
      ['AB', 'A', false],
    ]),
  ),
]);

// test_timestamp_operators.py: T0/T1 (the snapshot shows "date"; the literals come from the test's list, in order).
const T0 = '2012-10-09T19:00:55Z';
const T1 = '2012-10-09T19:00:56Z';

casesWithSubstringCause('choice: timestamp operators (test_timestamp_operators.py)', [
  ...choiceCases(
    'test_timestamp_equals',
    'TimestampEquals',
    [null, 0, 0.0, 1, 1.1, '', ' ', '2023-02-24 12:15:56.832957', [], [''], {}, { A: 0 }, false, true].map(
      (v): Row => [v, T0, false],
    ),
  ),
  ...choiceCases('test_timestamp_equals', 'TimestampEquals', [
    [T0, T0, true],
    [T0, T1, false],
    [T1, T0, false],
  ]),
  ...choiceCases('test_timestamp_equals_path', 'TimestampEqualsPath', [
    [T0, T0, true],
    [T0, T1, false],
    [T1, T0, false],
  ]),
  ...choiceCases('test_timestamp_greater_than', 'TimestampGreaterThan', [
    [T0, T0, false],
    [T0, T1, false],
    [T1, T0, true],
  ]),
  ...choiceCases('test_timestamp_greater_than_equals', 'TimestampGreaterThanEquals', [
    [T0, T0, true],
    [T0, T1, false],
    [T1, T0, true],
  ]),
  ...choiceCases('test_timestamp_less_than', 'TimestampLessThan', [
    [T0, T0, false],
    [T0, T1, true],
    [T1, T0, false],
  ]),
  ...choiceCases('test_timestamp_less_than_equals', 'TimestampLessThanEquals', [
    [T0, T0, true],
    [T0, T1, true],
    [T1, T0, false],
  ]),
  ...choiceCases('test_timestamp_greater_than_path', 'TimestampGreaterThanPath', [[T0, T1, false]]),
  ...choiceCases('test_timestamp_greater_than_equals_path', 'TimestampGreaterThanEqualsPath', [
    [T0, T1, false],
  ]),
  ...choiceCases('test_timestamp_less_than_path', 'TimestampLessThanPath', [[T1, T0, false]]),
  ...choiceCases('test_timestamp_less_than_equals_path', 'TimestampLessThanEqualsPath', [[T1, T0, false]]),
]);

// ---------------------------------------------------------------------------------------------------------------
// JSONata Catch output and variable sampling: v2/states_variables/test_error_output.py (templates
// `statevariables/statemachines/*.json5`). The Lambda always raises `Exception("Some exception was raised.")`; AWS's
// Cause is the Lambda error JSON with a random request id, here a stand-in per attempt.

/** The recorded Lambda error cause of attempt `n` (request id replaced by a stand-in). */
function lambdaCause(n: number): string {
  return JSON.stringify({
    errorMessage: 'Some exception was raised.',
    errorType: 'Exception',
    requestId: `00000000-0000-4000-8000-00000000000${n}`,
    stackTrace: [
      '  File "/var/task/handler.py", line 2, in handler\n    raise Exception("Some exception was raised.")\n',
    ],
  });
}
const lambdaError = (n: number) => ({ Error: 'Exception', Cause: lambdaCause(n) });
const throwsOnce = (state: string): Mocks => ({
  [state]: { throws: { error: 'Exception', cause: lambdaCause(1) } },
});
const throwsEachTime = (state: string, times: number): Mocks => ({
  [state]: {
    sequence: Array.from({ length: times }, (_, i) => ({
      throws: { error: 'Exception', cause: lambdaCause(i + 1) },
    })),
  },
});

const invokeArguments = {
  FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:raise-exception',
  Payload: { foo: 'foobar' },
};
const catchOutput = { stateInput: '{% $states.input %}', stateError: '{% $states.errorOutput %}' };
const catchAssign = { inputVar: '{% $states.input %}', errorVar: '{% $states.errorOutput %}' };
const retryOnce = [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 }];

/** TASK_CATCH_ERROR_OUTPUT[_WITH_RETRY][_TO_JSONPATH]: a JSONata Task whose catcher shapes Output; Fallback echoes it. */
function taskCatchOutput(fallback: 'jsonata' | 'jsonpath', retry: boolean): unknown {
  const pass = (key: string) =>
    fallback === 'jsonata'
      ? { Type: 'Pass', QueryLanguage: 'JSONata', Output: { [key]: '{% $states.input %}' }, End: true }
      : { Type: 'Pass', End: true };
  return {
    StartAt: 'Task',
    States: {
      Task: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: invokeArguments,
        ...(retry ? { Retry: retryOnce } : {}),
        Catch: [{ ErrorEquals: ['States.ALL'], Output: catchOutput, Next: 'Fallback' }],
        Output: { stateInput: '{% $states.input %}', stateResult: '{% $states.result %}' },
        Next: 'Finish',
      },
      Fallback: pass('error'),
      Finish: pass('result'),
    },
  };
}

/** TASK_CATCH_ERROR_VARIABLE_SAMPLING[_TO_JSONPATH]: the catcher assigns `$errorVar`, Fallback outputs it. */
function taskCatchSampling(fallback: 'jsonata' | 'jsonpath'): unknown {
  const jsonata = fallback === 'jsonata';
  return {
    ...(jsonata ? { QueryLanguage: 'JSONata' } : {}),
    StartAt: 'Task',
    States: {
      Task: {
        Type: 'Task',
        ...(jsonata ? {} : { QueryLanguage: 'JSONata' }),
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: invokeArguments,
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: catchAssign, Next: 'Fallback' }],
        Assign: { inputVar: '{% $states.input %}', resultVar: '{% $states.result %}' },
        Next: 'Finish',
      },
      Fallback: jsonata
        ? { Type: 'Pass', Output: { error: '{% $errorVar %}' }, End: true }
        : { Type: 'Pass', OutputPath: '$errorVar', End: true },
      Finish: jsonata
        ? { Type: 'Pass', Output: { result: '{% $resultVar %}' }, End: true }
        : { Type: 'Pass', OutputPath: '$resultVar', End: true },
    },
  };
}

/** MAP_CATCH_ERROR_*: a JSONata Map (MaxConcurrency 1) over `items` whose item Task fails and is caught. */
function mapCatch(catcher: Record<string, unknown>, endState: Record<string, unknown>): unknown {
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'ProcessItems',
    States: {
      ProcessItems: {
        Type: 'Map',
        Items: '{% $states.input.items %}',
        MaxConcurrency: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'ProcessItem',
          States: {
            ProcessItem: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Arguments: invokeArguments,
              Catch: [{ ErrorEquals: ['States.ALL'], ...catcher, Next: 'Fallback' }],
              Output: { stateInput: '{% $states.input %}', stateResult: '{% $states.result %}' },
              Next: 'Finish',
            },
            Fallback: { Type: 'Pass', ...endState, End: true },
            Finish: { Type: 'Pass', ...endState, End: true },
          },
        },
        End: true,
      },
    },
  };
}

/** PARALLEL_CATCH_ERROR_*: a JSONata Parallel with one failing Task branch, caught on the Parallel state. */
function parallelCatch(variant: 'output' | 'sampling' | 'retry'): unknown {
  const sampling = variant === 'sampling';
  const task = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: invokeArguments,
    ...(sampling
      ? { Assign: { inputVar: '{% $states.input %}', resultVar: '{% $states.result %}' } }
      : { Output: { InnerStateInput: '{% $states.input %}', InnerStateResult: '{% $states.result %}' } }),
    End: true,
  };
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'ParallelState',
    States: {
      ParallelState: {
        Type: 'Parallel',
        Next: 'Finish',
        Branches: [{ StartAt: 'ExecuteLambdaTask', States: { ExecuteLambdaTask: task } }],
        ...(variant === 'retry' ? { Retry: retryOnce } : {}),
        Catch: [
          {
            ErrorEquals: ['States.ALL'],
            ...(sampling ? { Assign: catchAssign } : { Output: catchOutput }),
            Next: 'Fallback',
          },
        ],
      },
      Fallback: {
        Type: 'Pass',
        Output: sampling ? { error: '{% $errorVar %}' } : { result: '{% $states.input %}' },
        End: true,
      },
      Finish: {
        Type: 'Pass',
        Output: { result: sampling ? '{% $resultVar %}' : '{% $states.input %}' },
        End: true,
      },
    },
  };
}

const dummy = { inputData: 'dummy' };
const items = { items: [1, 2, 3] };
const KEY = 'test_error_output.py::TestStateVariablesTemplate';

casesWithSubstringCause('JSONata catch output and variable sampling (test_error_output.py)', [
  {
    name: `${KEY}::test_task_catch_error_output[TASK_CATCH_ERROR_OUTPUT]`,
    definition: taskCatchOutput('jsonata', false),
    input: dummy,
    mocks: throwsOnce('Task'),
    output: { error: { stateInput: dummy, stateError: lambdaError(1) } },
  },
  {
    name: `${KEY}::test_task_catch_error_output[TASK_CATCH_ERROR_OUTPUT_TO_JSONPATH]`,
    definition: taskCatchOutput('jsonpath', false),
    input: dummy,
    mocks: throwsOnce('Task'),
    output: { stateInput: dummy, stateError: lambdaError(1) },
  },
  {
    name: `${KEY}::test_catch_error_variable_sampling[TASK_CATCH_ERROR_VARIABLE_SAMPLING]`,
    definition: taskCatchSampling('jsonata'),
    input: dummy,
    mocks: throwsOnce('Task'),
    output: { error: lambdaError(1) },
  },
  {
    name: `${KEY}::test_catch_error_variable_sampling[TASK_CATCH_ERROR_VARIABLE_SAMPLING_TO_JSONPATH]`,
    definition: taskCatchSampling('jsonpath'),
    input: dummy,
    mocks: throwsOnce('Task'),
    output: lambdaError(1),
  },
  {
    // The caught error is the second (last) attempt's.
    name: `${KEY}::test_task_catch_error_with_retry[TASK_CATCH_ERROR_OUTPUT_WITH_RETRY]`,
    definition: taskCatchOutput('jsonata', true),
    input: dummy,
    mocks: throwsEachTime('Task', 2),
    output: { error: { stateInput: dummy, stateError: lambdaError(2) } },
  },
  {
    name: `${KEY}::test_map_catch_error[MAP_CATCH_ERROR_OUTPUT]`,
    definition: mapCatch({ Output: catchOutput }, { Output: { result: '{% $states.input %}' } }),
    input: items,
    mocks: throwsEachTime('ProcessItem', 3),
    output: [1, 2, 3].map((n) => ({ result: { stateInput: n, stateError: lambdaError(n) } })),
  },
  {
    // End states that only Assign pass their input through: each iteration yields the caught error output.
    name: `${KEY}::test_map_catch_error[MAP_CATCH_ERROR_VARIABLE_SAMPLING]`,
    definition: mapCatch({ Assign: catchAssign }, { Assign: { error: '{% $errorVar %}' } }),
    input: items,
    mocks: throwsEachTime('ProcessItem', 3),
    output: [1, 2, 3].map(lambdaError),
  },
  {
    name: `${KEY}::test_parallel_catch_error[PARALLEL_CATCH_ERROR_OUTPUT]`,
    definition: parallelCatch('output'),
    input: dummy,
    mocks: throwsOnce('ExecuteLambdaTask'),
    output: { result: { stateInput: dummy, stateError: lambdaError(1) } },
  },
  {
    name: `${KEY}::test_parallel_catch_error[PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING]`,
    definition: parallelCatch('sampling'),
    input: dummy,
    mocks: throwsOnce('ExecuteLambdaTask'),
    output: { error: lambdaError(1) },
  },
  {
    // Retry on the Parallel state reruns the branch; the caught error is the rerun's.
    name: `${KEY}::test_parallel_catch_error[PARALLEL_CATCH_ERROR_OUTPUT_WITH_RETRY]`,
    definition: parallelCatch('retry'),
    input: dummy,
    mocks: throwsEachTime('ExecuteLambdaTask', 2),
    output: { result: { stateInput: dummy, stateError: lambdaError(2) } },
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// States.DataLimitExceeded: v2/error_handling/test_states_errors.py::TestStatesErrors::test_start_large_input.
// A Pass state whose Result is 257 KiB of ASCII fails the execution (uncatchable here: no Catch on Pass).

casesWithSubstringCause('payload size limit (test_states_errors.py)', [
  {
    name: 'test_states_errors.py::TestStatesErrors::test_start_large_input',
    definition: {
      StartAt: 'State_1',
      States: { State_1: { Type: 'Pass', Result: { Arg1: 'a'.repeat(257 * 1024) }, End: true } },
    },
    input: {},
    error: 'States.DataLimitExceeded',
    cause:
      "The state/task 'State_1' returned a result with a size exceeding the maximum number of bytes service limit.",
  },
]);

// An oversized Lambda result is a task failure that Catch handles, explicitly or through States.ALL; the cause names
// the service (`lambda` for lambda:invoke) or the function ARN, not the state (test_states_errors.py, four tests).
const BIG_FUNCTION = 'arn:aws:lambda:us-east-1:111111111111:function:big-utf8-response';

function oversizedLambda(resource: string, catchAllOnly: boolean): unknown {
  const catchers = [
    ...(catchAllOnly ? [] : [{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'HandleDataLimitExceeded' }]),
    { ErrorEquals: ['States.ALL'], Next: 'HandleGeneralError' },
  ];
  return {
    StartAt: 'InvokeLambda',
    States: {
      InvokeLambda: {
        Type: 'Task',
        Resource: resource,
        Parameters: { 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' },
        Catch: catchers,
        Next: 'ProcessResult',
      },
      ProcessResult: { Type: 'Pass', End: true },
      ...(catchAllOnly ? {} : { HandleDataLimitExceeded: { Type: 'Pass', End: true } }),
      HandleGeneralError: { Type: 'Pass', End: true },
    },
  };
}

const tooBig = (who: string) => ({
  Error: 'States.DataLimitExceeded',
  Cause: `The state/task '${who}' returned a result with a size exceeding the maximum number of bytes service limit.`,
});

casesWithSubstringCause(
  'oversized task results are caught (test_states_errors.py)',
  (
    [
      [
        'test_service_task_lambada_data_limit_exceeded_on_large_utf8_response',
        'arn:aws:states:::lambda:invoke',
        false,
        'lambda',
      ],
      [
        'test_service_task_lambada_catch_state_all_data_limit_exceeded_on_large_utf8_response',
        'arn:aws:states:::lambda:invoke',
        true,
        'lambda',
      ],
      ['test_task_lambda_data_limit_exceeded_on_large_utf8_response', BIG_FUNCTION, false, BIG_FUNCTION],
      [
        'test_task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response',
        BIG_FUNCTION,
        true,
        BIG_FUNCTION,
      ],
    ] as const
  ).map(
    ([test, resource, catchAllOnly, who]): Recorded => ({
      name: `test_states_errors.py::TestStatesErrors::${test}`,
      definition: oversizedLambda(resource, catchAllOnly),
      input: { FunctionName: 'big-utf8-response', Payload: null },
      mocks: { InvokeLambda: { returns: 'a'.repeat(257 * 1024) } },
      output: tooBig(who),
    }),
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Context object in paths: v2/context_object/test_context_object.py::TestSnfBase (templates `context_object/
// statemachines/*.json5`, `%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%` replaced as the test does).

const coInput = { 'input-value': 0 };
const coPass = (field: 'InputPath' | 'OutputPath', path: string) => ({
  StartAt: 'TestState',
  States: { TestState: { Type: 'Pass', [field]: path, End: true } },
});

casesWithSubstringCause('context object in paths (test_context_object.py)', [
  {
    name: 'test_context_object.py::TestSnfBase::test_input_path[$$.Execution.Input]',
    definition: coPass('InputPath', '$$.Execution.Input'),
    input: coInput,
    output: coInput,
  },
  {
    name: 'test_context_object.py::TestSnfBase::test_output_path[$$.Execution.Input]',
    definition: coPass('OutputPath', '$$.Execution.Input'),
    input: coInput,
    output: coInput,
  },
  {
    name: 'test_context_object.py::TestSnfBase::test_variable (Choice Variable $$.Execution.Input.input-value <= 0)',
    definition: {
      StartAt: 'TestState',
      States: {
        TestState: {
          Type: 'Choice',
          Choices: [
            {
              Variable: '$$.Execution.Input.input-value',
              NumericLessThanEquals: 0,
              Next: 'QuitChoiceMatched',
            },
          ],
          Default: 'QuitNoChoiceMatched',
        },
        QuitChoiceMatched: { Type: 'Pass', End: true },
        QuitNoChoiceMatched: { Type: 'Pass', End: true },
      },
    },
    input: coInput,
    output: coInput,
  },
  {
    // The recorded input/output fix the placeholder to `$$.Execution.Input.input-values`.
    name: 'test_context_object.py::TestSnfBase::test_items_path',
    definition: {
      StartAt: 'TestState',
      States: {
        TestState: {
          Type: 'Map',
          ItemsPath: '$$.Execution.Input.input-values',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'HandleItem', States: { HandleItem: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    },
    input: { 'input-values': ['item-0'] },
    output: ['item-0'],
  },
]);

describe('the whole context object as a path (test_context_object.py, `$$`)', () => {
  // AWS recorded ids, names and dates as placeholders; the shape, the input and the state name are literal.
  const shape = {
    Execution: ['Id', 'Input', 'Name', 'RedriveCount', 'RoleArn', 'StartTime'],
    State: ['EnteredTime', 'Name'],
    StateMachine: ['Id', 'Name'],
  };
  for (const field of ['InputPath', 'OutputPath'] as const) {
    it(`test_${field === 'InputPath' ? 'input' : 'output'}_path[$$]`, async () => {
      const result = await run(coPass(field, '$$') as AslDocument, coInput);
      expect(result.status).toBe('SUCCEEDED');
      const out = result.output as Record<string, Record<string, JsonValue>>;
      expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Object.keys(v).sort()]))).toEqual(
        shape,
      );
      expect(out.Execution?.Input).toEqual(coInput);
      expect(out.Execution?.RedriveCount).toBe(0);
      expect(out.State?.Name).toBe('TestState');
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// JSONata regular expressions: v2/evaluate_jsonata/test_base_evaluate_expressions.py::TestBaseEvaluateJsonata::
// test_base_jsonata_regular_expressions[*] (template `evaluatejsonata/statemachines/base_pass.json5`, Output set to
// the expression). `\$` matches a literal dollar; the output is the bare boolean.

const regexPass = (expression: string) => ({
  Comment: 'BASE_PASS',
  QueryLanguage: 'JSONata',
  StartAt: 'Start',
  States: { Start: { Type: 'Pass', Output: expression, End: true } },
});

casesWithSubstringCause(
  'JSONata regular expressions (test_base_evaluate_expressions.py)',
  [
    ['BASE', '{% $contains("hello$world", /^hello\\$/) %}', true],
    ['BASE_FALSE', '{% $contains("hello$world", /^hello\\ /) %}', false],
    ['BASE_SINGLE_QUOTE', "{% $contains('hello$world', /^hello\\$/) %}", true],
    ['BASE_SINGLE_QUOTE_FALSE', "{% $contains('hello$world', /^hello\\ /) %}", false],
  ].map(([id, expression, output]) => ({
    name: `test_base_jsonata_regular_expressions[${id}]`,
    definition: regexPass(expression as string),
    input: {},
    output: output as boolean,
  })),
);

// ---------------------------------------------------------------------------------------------------------------
// Mixing query languages: v2/query_language/test_mixed_query_language.py::TestMixedQueryLanguageFlow (templates
// `querylanguage/statemachines/*.json5`). Variables assigned under one language are read under the other.

const MIXED = 'test_mixed_query_language.py::TestMixedQueryLanguageFlow';
const passWith = (language: 'JSONPath' | 'JSONata', fields: Record<string, unknown>, next?: string) => ({
  QueryLanguage: language,
  Type: 'Pass',
  ...fields,
  ...(next === undefined ? { End: true } : { Next: next }),
});

casesWithSubstringCause('query-language mixing (test_mixed_query_language.py)', [
  {
    name: `${MIXED}::test_variable_sampling[JSONATA_ASSIGN_JSONPATH_REF]`,
    definition: {
      StartAt: 'JSONataState',
      States: {
        JSONataState: passWith('JSONPath', { Assign: { theAnswerVar: 42 } }, 'JSONPathState'),
        JSONPathState: passWith('JSONPath', {
          Assign: { theAnswerVar: 18, 'oldAnswerVar.$': '$theAnswerVar' },
        }),
      },
    },
    input: {},
    output: {},
    // Assign reads the variables as they were on entry: oldAnswerVar gets 42, not 18.
    assigned: { JSONataState: { theAnswerVar: 42 }, JSONPathState: { oldAnswerVar: 42, theAnswerVar: 18 } },
  },
  {
    name: `${MIXED}::test_variable_sampling[JSONPATH_ASSIGN_JSONATA_REF]`,
    definition: {
      StartAt: 'JSONPathState',
      States: {
        JSONPathState: passWith('JSONPath', { Assign: { theAnswer: 42 } }, 'JSONataState'),
        JSONataState: passWith('JSONata', { Assign: { theAnswer: 18, oldAnswer: '{% $theAnswer %}' } }),
      },
    },
    input: {},
    output: {},
    assigned: { JSONPathState: { theAnswer: 42 }, JSONataState: { oldAnswer: 42, theAnswer: 18 } },
  },
  {
    name: `${MIXED}::test_output_to_state[JSONATA_OUTPUT_TO_JSONPATH]`,
    definition: {
      StartAt: 'JSONataState',
      States: {
        JSONataState: passWith(
          'JSONata',
          { Output: { foo: 'foobar', bar: '{% $states.input %}' } },
          'JSONPathState',
        ),
        JSONPathState: passWith('JSONPath', {}),
      },
    },
    input: { input_data: 'test' },
    output: { foo: 'foobar', bar: { input_data: 'test' } },
  },
  {
    name: `${MIXED}::test_output_to_state[JSONPATH_OUTPUT_TO_JSONATA]`,
    definition: {
      StartAt: 'JSONataState',
      States: {
        JSONataState: passWith('JSONPath', { Parameters: { foo: 'foobar', 'bar.$': '$' } }, 'JSONPathState'),
        JSONPathState: passWith('JSONata', {}),
      },
    },
    input: { input_data: 'test' },
    output: { foo: 'foobar', bar: { input_data: 'test' } },
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Pass basics: v2/base/test_base.py::TestSnfBase (template `base/statemachines/pass_result.json5`).

const passResult = (result: JsonValue) => ({
  Comment: 'BASE_PASS_RESULT',
  StartAt: 'State_1',
  States: { State_1: { Type: 'Pass', Result: result, End: true } },
});

casesWithSubstringCause('Pass Result (test_base.py)', [
  {
    name: 'test_base.py::TestSnfBase::test_state_pass_result',
    definition: passResult({ Arg1: 'argument1' }),
    input: {},
    output: { Arg1: 'argument1' },
  },
  {
    // Result is a literal: keys ending in `.$` are kept as written, never evaluated.
    name: 'test_base.py::TestSnfBase::test_state_pass_result_jsonpaths',
    definition: passResult({ 'unsupported1.$': '$.jsonpath', 'unsupported2.$': '$$' }),
    input: {},
    output: { 'unsupported1.$': '$.jsonpath', 'unsupported2.$': '$$' },
  },
]);

describe('context object fields in Parameters (test_base.py::TestSnfBase::test_query_context_object_values)', () => {
  // Template `base/statemachines/query_context_object_values.json5`; AWS recorded ids, names and times as
  // placeholders, so only the literal parts are compared.
  const definition = {
    StartAt: 'QueryValues1',
    States: {
      QueryValues1: {
        Type: 'Pass',
        Next: 'QueryValues2',
        ResultPath: '$.query_values_1',
        Parameters: {
          'context_object.$': '$$',
          'execution.$': '$$.Execution',
          'execution_id.$': '$$.Execution.Id',
          'execution_input.$': '$$.Execution.Input',
          'execution_name.$': '$$.Execution.Name',
          'execution_rolearn.$': '$$.Execution.RoleArn',
          'execution_starttime.$': '$$.Execution.StartTime',
          'state.$': '$$.State',
          'state_enteredtime.$': '$$.State.EnteredTime',
          'state_name.$': '$$.State.Name',
          'statemachine.$': '$$.StateMachine',
          'statemachine_id.$': '$$.StateMachine.Id',
          'statemachine_name.$': '$$.StateMachine.Name',
        },
      },
      QueryValues2: {
        Type: 'Pass',
        End: true,
        ResultPath: '$.query_values_2',
        Parameters: { 'context_object.$': '$$' },
      },
    },
  };
  it('records each state its own State.Name and keeps the execution input', async () => {
    const input = { message: 'TestMessage' };
    const result = await run(definition as AslDocument, input);
    expect(result.status).toBe('SUCCEEDED');
    const out = result.output as Record<string, Record<string, JsonValue>>;
    expect(out.message).toBe('TestMessage');
    const q1 = out.query_values_1 as Record<string, Record<string, JsonValue>>;
    expect(Object.keys(q1).sort()).toEqual(
      Object.keys(definition.States.QueryValues1.Parameters)
        .map((k) => k.slice(0, -2))
        .sort(),
    );
    expect(q1.state_name).toBe('QueryValues1');
    expect(q1.execution_input).toEqual(input);
    expect(q1.state?.Name).toBe('QueryValues1');
    expect(q1.execution?.RedriveCount).toBe(0);
    expect(q1.execution?.Id).toBe(q1.execution_id);
    expect(q1.statemachine?.Name).toBe(q1.statemachine_name);
    const q2 = out.query_values_2?.context_object as Record<string, Record<string, JsonValue>>;
    expect(q2.State?.Name).toBe('QueryValues2');
    expect(q2.Execution).toEqual(q1.execution);
  });
});
