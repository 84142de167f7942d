import { cases, type Recorded } from './recorded.js';

const KEY = 'TestBaseScenarios';

/** AWS's prefix for a runtime failure raised while a state runs. */
const inState = (state: string, eventId: number) =>
  `An error occurred while executing the state '${state}' (entered at the event id #${eventId}). `;

// ---------------------------------------------------------------------------------------------------------------
// test_invalid_jsonpath[*]: a path that selects nothing fails the execution with States.Runtime. Input is
// {"int-literal": 0}; templates `invalid_jsonpath_in_*.json5`.

const invalidInput = { 'int-literal': 0 };

/** Pass → Fail with the given Fail fields (ErrorPath/CausePath variants). */
function passThenFail(fail: Record<string, string>): unknown {
  return {
    StartAt: 'pass',
    States: {
      pass: { Type: 'Pass', Next: 'fail', Parameters: { Error: 'error-value' } },
      fail: { Type: 'Fail', ...fail },
    },
  };
}

const singlePass = (fields: Record<string, unknown>) => ({
  StartAt: 'pass',
  States: { pass: { Type: 'Pass', ...fields, End: true } },
});

/** A Task whose timeout/heartbeat path selects nothing: the state fails before the resource is called. */
const pathTask = (field: 'TimeoutSecondsPath' | 'HeartbeatSecondsPath', resource: string) => ({
  StartAt: 'task',
  States: {
    task: {
      Type: 'Task',
      [field]: '$.NoSuchTimeoutSecondsPath',
      Resource: resource,
      Parameters: {},
      End: true,
    },
  },
});

const notFound = (path: string, field: string) =>
  `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '`;
const noResults = (path: string, key: string) => `Invalid path '${path}' : No results for path: $['${key}']`;

cases('paths that select nothing (test_invalid_jsonpath)', [
  {
    name: `${KEY}::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]`,
    definition: passThenFail({ ErrorPath: '$.ErrorX' }),
    input: invalidInput,
    error: 'States.Runtime',
    causePrefix: inState('fail', 4) + notFound('$.ErrorX', 'ErrorPath'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_CAUSEPATH]`,
    definition: passThenFail({ ErrorPath: '$.Error', CausePath: '$.NoSuchCausePath' }),
    input: invalidInput,
    error: 'States.Runtime',
    causePrefix: inState('fail', 4) + notFound('$.NoSuchCausePath', 'CausePath'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH]`,
    definition: singlePass({ Parameters: { 'value.$': '$.no_such_jsonpath' } }),
    input: invalidInput,
    error: 'States.Runtime',
    causePrefix: inState('pass', 2) + notFound('$.no_such_jsonpath', 'value.$'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH]`,
    definition: singlePass({ Parameters: { 'value.$': '$$.Execution.Input.no_such_jsonpath' } }),
    input: invalidInput,
    error: 'States.Runtime',
    causePrefix: inState('pass', 2) + notFound('$$.Execution.Input.no_such_jsonpath', 'value.$'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]`,
    definition: singlePass({ InputPath: '$.NoSuchInputPath' }),
    input: invalidInput,
    error: 'States.Runtime',
    cause: inState('pass', 2) + noResults('$.NoSuchInputPath', 'NoSuchInputPath'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]`,
    definition: singlePass({ OutputPath: '$.NoSuchOutputPath' }),
    input: invalidInput,
    error: 'States.Runtime',
    cause: inState('pass', 2) + noResults('$.NoSuchOutputPath', 'NoSuchOutputPath'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH]`,
    definition: pathTask('TimeoutSecondsPath', 'arn:aws:states:::aws-sdk:s3:listBuckets'),
    input: invalidInput,
    mocks: { task: { returns: {} } },
    error: 'States.Runtime',
    cause: inState('task', 2) + noResults('$.NoSuchTimeoutSecondsPath', 'NoSuchTimeoutSecondsPath'),
  },
  {
    name: `${KEY}::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_HEARTBEATSECONDSPATH]`,
    definition: pathTask('HeartbeatSecondsPath', 'arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken'),
    input: invalidInput,
    mocks: { task: { returns: {} } },
    error: 'States.Runtime',
    cause: inState('task', 2) + noResults('$.NoSuchTimeoutSecondsPath', 'NoSuchTimeoutSecondsPath'),
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// JSONata `Items`: test_map_state_items_eval_jsonata[*] / _fail[function] (template map_state_items_literal.json5,
// Items replaced by the expression). Input is {}.

const itemProcessor = {
  ProcessorConfig: { Mode: 'INLINE' },
  StartAt: 'Pass',
  States: { Pass: { Type: 'Pass', End: true } },
};

function itemsLiteral(items: string): unknown {
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'MapIterateState',
    States: {
      MapIterateState: {
        Type: 'Map',
        MaxConcurrency: 1,
        Items: items,
        ItemProcessor: itemProcessor,
        End: true,
      },
    },
  };
}

cases('Map over JSONata Items (test_map_state_items_eval_jsonata*)', [
  ...(
    [
      ['empty', '[]', []],
      ['singleton', '[0]', [0]],
      ['mixed', "[1, 'two', 3]", [1, 'two', 3]],
    ] as const
  ).map(
    ([id, expression, output]): Recorded => ({
      name: `${KEY}::test_map_state_items_eval_jsonata[${id}]`,
      definition: itemsLiteral(`{% ${expression} %}`),
      input: {},
      output: [...output],
    }),
  ),
  {
    name: `${KEY}::test_map_state_items_eval_jsonata_fail[function]`,
    definition: itemsLiteral('{% $fn := function($x){$x} %}'),
    input: {},
    error: 'States.QueryEvaluationError',
    cause:
      inState('MapIterateState', 2) +
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
  },
]);

// Items that evaluate to something other than an array: AWS quotes the expression without its `{% %}` delimiters.
// test_map_state_items_eval_jsonata_fail[*] use the literal; the two variable-sampling tests read it from a variable
// assigned by a Pass state first (so the Map is entered at event #4).
const NOT_ARRAYS = [
  ['number', '1', 'number', '1'],
  ['string', "'string'", 'string', '"string"'],
  ['boolean', 'true', 'boolean', 'true'],
  ['object', "{'foo': 'bar'}", 'object', '{"foo":"bar"}'],
  ['null', 'null', 'null', 'null'],
] as const;

function itemsFromVariable(value: string): unknown {
  const map = itemsLiteral('{% $ItemsVar %}') as { States: Record<string, unknown> };
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'Start',
    States: {
      Start: { Type: 'Pass', Assign: { ItemsVar: `{% ${value} %}` }, Next: 'MapIterateState' },
      ...map.States,
    },
  };
}

const notAnArray = (expression: string, type: string, shown: string, eventId: number) =>
  inState('MapIterateState', eventId) +
  `The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${shown}`;

cases('Map over JSONata Items that are not arrays (test_map_state_items_*_fail, *_variable_sampling*)', [
  ...NOT_ARRAYS.map(
    ([id, expression, type, shown]): Recorded => ({
      name: `${KEY}::test_map_state_items_eval_jsonata_fail[${id}]`,
      definition: itemsLiteral(`{% ${expression} %}`),
      input: {},
      error: 'States.QueryEvaluationError',
      cause: notAnArray(expression, type, shown, 2),
    }),
  ),
  ...[
    'test_map_state_items_eval_jsonata_variable_sampling_fail',
    'test_map_state_items_variable_sampling',
  ].flatMap((test) =>
    NOT_ARRAYS.map(
      ([id, expression, type, shown]): Recorded => ({
        name: `${KEY}::${test}[${id}]`,
        definition: itemsFromVariable(expression),
        input: {},
        error: 'States.QueryEvaluationError',
        cause: notAnArray('$ItemsVar', type, shown, 4),
      }),
    ),
  ),
]);

// ---------------------------------------------------------------------------------------------------------------
// test_map_state_catch_legacy: the `Iterator` form of the corpus's map_state_catch machine (the legacy template is
// that machine with Iterator in place of ItemProcessor): the failing iteration is caught on the Map state.

cases('Map catch with the legacy Iterator field (test_map_state_catch_legacy)', [
  {
    name: `${KEY}::test_map_state_catch_legacy`,
    definition: {
      StartAt: 'StartState',
      States: {
        StartState: { Type: 'Pass', Result: [1], ResultPath: '$.arr', Next: 'MapState' },
        MapState: {
          Type: 'Map',
          ResultPath: null,
          InputPath: '$.arr',
          MaxConcurrency: 1,
          Iterator: {
            StartAt: 'HandleItemFail',
            States: {
              HandleItemFail: { Type: 'Fail', Error: 'HandleItemFailError', Cause: 'HandleItemFailCause' },
            },
          },
          Catch: [{ ErrorEquals: ['HandleItemFailError'], Next: 'FinalCaught' }],
          Next: 'Final',
        },
        FinalCaught: { Type: 'Pass', End: true },
        Final: { Type: 'Pass', End: true },
      },
    },
    input: {},
    output: { Error: 'HandleItemFailError', Cause: 'HandleItemFailCause' },
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Parallel: test_parallel_state[PARALLEL_STATE] (three branches of one, two and three Pass states over [1,2,3,4])
// and [PARALLEL_STATE_PARAMETERS] (Parameters build the one input every branch sees).

const passChain = (names: readonly string[]) => ({
  StartAt: names[0],
  States: Object.fromEntries(
    names.map((name, i) => [
      name,
      i + 1 < names.length ? { Type: 'Pass', Next: names[i + 1] } : { Type: 'Pass', End: true },
    ]),
  ),
});

const staticInput = { 'static-input-0': 0, 'static-input-1': [1] };

cases('Parallel (test_parallel_state)', [
  {
    name: `${KEY}::test_parallel_state[PARALLEL_STATE]`,
    definition: {
      Comment: 'PARALLEL_STATE',
      StartAt: 'LoadInput',
      States: {
        LoadInput: { Type: 'Pass', Result: [1, 2, 3, 4], Next: 'ParallelState' },
        ParallelState: {
          Type: 'Parallel',
          End: true,
          Branches: [
            passChain(['Branch1']),
            passChain(['Branch21', 'Branch22']),
            passChain(['Branch31', 'Branch32', 'Branch33']),
          ],
        },
      },
    },
    input: {},
    output: [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ],
  },
  {
    name: `${KEY}::test_parallel_state[PARALLEL_STATE_PARAMETERS]`,
    definition: {
      StartAt: 'TestState',
      States: {
        TestState: {
          Type: 'Parallel',
          Parameters: staticInput,
          End: true,
          Branches: [passChain(['Branch0State0']), passChain(['Branch1State0'])],
        },
      },
    },
    input: {},
    output: [staticInput, staticInput],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Wait: test_wait_timestamp (a literal Timestamp in the past finishes at once and passes the input through),
// test_wait_timestamp_path (the same through TimestampPath), and test_wait_timestamp_invalid[*]: a literal
// Timestamp that is not RFC 3339 is rejected at CreateStateMachine ("SCHEMA_VALIDATION_FAILED: String does not
// match RFC3339 timestamp at /States/WaitUntil/Timestamp"); here the run fails with our definition error.

const waitUntil = (field: Record<string, string>) => ({
  Comment: 'WAIT_TIMESTAMP',
  StartAt: 'WaitUntil',
  States: { WaitUntil: { Type: 'Wait', ...field, End: true } },
});

const INVALID_TIMESTAMPS = [
  ['NO_T', '2016-12-05 21:29:29Z'],
  ['NO_Z', '2016-12-05T21:29:29'],
  ['INVALID_DATE', '2016-13-05T21:29:29Z'],
  ['INVALID_TIME', '2016-12-05T25:29:29Z'],
  ['INVALID_ISO', '05-12-2016T21:29:29Z'],
] as const;

cases('Wait until a timestamp (test_wait_timestamp*)', [
  {
    name: `${KEY}::test_wait_timestamp`,
    definition: waitUntil({ Timestamp: '2016-03-14T01:59:00Z' }),
    input: {},
    output: {},
  },
  {
    name: `${KEY}::test_wait_timestamp[SECONDS]`,
    definition: waitUntil({ Timestamp: '2016-12-05T21:29:29Z' }),
    input: {},
    output: {},
  },
  {
    name: `${KEY}::test_wait_timestamp[NANOSECONDS]`,
    definition: waitUntil({ Timestamp: '2016-12-05T21:29:29.000000000Z' }),
    input: {},
    output: {},
  },
  {
    name: `${KEY}::test_wait_timestamp_path`,
    definition: waitUntil({ TimestampPath: '$.TimestampValue' }),
    input: { TimestampValue: '2016-03-14T01:59:00Z' },
    output: { TimestampValue: '2016-03-14T01:59:00Z' },
  },
  ...INVALID_TIMESTAMPS.map(
    ([id, timestamp]): Recorded => ({
      name: `${KEY}::test_wait_timestamp_invalid[${id}]`,
      definition: waitUntil({ Timestamp: timestamp }),
      input: {},
      error: 'Stepcraft.InvalidDefinition',
      causePrefix: '/States/WaitUntil/Timestamp: ',
    }),
  ),
]);

// ---------------------------------------------------------------------------------------------------------------
// test_illegal_escapes[*]: inside an intrinsic's quoted string only \' \{ \} \\ are escapes; AWS rejects `\"` at
// CreateStateMachine ("The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function
// call at /States/IntrinsicEscape/Parameters"). test_catch_empty: an empty Catch list is allowed (the task is
// the identity Lambda).

const intrinsicEscape = (expression: string) => ({
  StartAt: 'IntrinsicEscape',
  States: { IntrinsicEscape: { Type: 'Pass', Parameters: { 'parsed.$': expression }, End: true } },
});

cases('definition edge cases (test_illegal_escapes, test_catch_empty)', [
  {
    name: `${KEY}::test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION]`,
    definition: intrinsicEscape(`States.StringToJson('{"text":"An \\"escaped double quote\\" here"}')`),
    input: {},
    error: 'Stepcraft.InvalidDefinition',
    causePrefix: '/States/IntrinsicEscape/Parameters',
  },
  {
    name: `${KEY}::test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2]`,
    definition: intrinsicEscape(`States.Format('He said, \\"Hello, {}!\\"', 'Test \\"Name\\" Here')`),
    input: {},
    error: 'Stepcraft.InvalidDefinition',
    causePrefix: '/States/IntrinsicEscape/Parameters',
  },
  {
    name: `${KEY}::test_catch_empty`,
    definition: {
      Comment: 'CATCH_EMPTY',
      StartAt: 'StartTask',
      States: {
        StartTask: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:identity',
          Catch: [],
          Next: 'Final',
        },
        Final: { Type: 'Pass', End: true },
      },
    },
    input: {},
    mocks: { StartTask: { echo: true } },
    output: {},
  },
]);
