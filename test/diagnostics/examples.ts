import type { CompileCode, ValidateCode, ValidateOptions } from '@stepcraft/asl';
import {
  choice,
  compile,
  dynamodb,
  fail,
  jsonata,
  lambda,
  later,
  map,
  parallel,
  pass,
  States,
  succeed,
  task,
  typed,
  variable,
  wait,
  workflow,
} from '@stepcraft/core';

/**
 * One input per diagnostic code that produces it. `docs/diagnostics.md` prints each (the TypeScript ones as written
 * here) with the diagnostics it gives, and `test/diagnostics.test.ts` runs them all: every registered code is
 * produced by at least one test, and the page is regenerated from what really happens.
 */

/** An ASL document (with `validate()` options) that the validator rejects with the code. */
export interface DocumentExample {
  readonly document: unknown;
  readonly options?: ValidateOptions;
  /** What the page shows instead of the document, when it is too large to print. */
  readonly shown?: string;
}

/** A small state machine holding `states` (StartAt is the first). */
function machine(states: Record<string, unknown>, top: Record<string, unknown> = {}): unknown {
  return { ...top, StartAt: Object.keys(states)[0], States: states };
}

const DONE = { Type: 'Succeed' };

/** Codes the validator reports, each with a document that shows it. */
export const DOCUMENT_EXAMPLES = {
  INVALID_DOCUMENT: { document: ['not', 'an', 'object'] },
  MISSING_FIELD: { document: machine({ Call: { Type: 'Task', End: true } }) },
  UNKNOWN_FIELD: { document: machine({ A: { Type: 'Pass', Retry: [], End: true } }) },
  FIELD_NOT_IN_QUERY_LANGUAGE: {
    document: machine({ A: { Type: 'Pass', InputPath: '$.order', End: true } }, { QueryLanguage: 'JSONata' }),
  },
  QUERY_LANGUAGE_CONFLICT: {
    document: machine(
      { A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
      { QueryLanguage: 'JSONata' },
    ),
  },
  INVALID_TYPE: { document: machine({ A: { Type: 'Pass', Comment: 42, End: true } }) },
  INVALID_VALUE: { document: machine({ Cooldown: { Type: 'Wait', Seconds: -5, End: true } }) },
  INVALID_STATE_TYPE: { document: machine({ A: { Type: 'Sleep', End: true } }) },
  EXCLUSIVE_FIELDS: {
    document: machine({ Cooldown: { Type: 'Wait', Seconds: 5, SecondsPath: '$.delay', End: true } }),
  },
  MISSING_TRANSITION: {
    document: machine({
      Route: {
        Type: 'Choice',
        Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Stuck' }],
        Default: 'Done',
      },
      Stuck: { Type: 'Pass' },
      Done: DONE,
    }),
  },
  NEXT_AND_END: { document: machine({ A: { Type: 'Pass', Next: 'A', End: true } }) },
  TRANSITION_NOT_ALLOWED: { document: machine({ Done: { Type: 'Succeed', End: true } }) },
  MISSING_TRANSITION_TARGET: {
    document: machine({
      Route: {
        Type: 'Choice',
        Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }],
        Default: 'Nowhere',
      },
      Done: DONE,
    }),
  },
  TRANSITION_OUT_OF_SCOPE: {
    document: machine({
      Both: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }],
                Default: 'Ok',
              },
              Ok: DONE,
            },
          },
        ],
        Next: 'Done',
      },
      Done: DONE,
    }),
  },
  UNREACHABLE_STATE: { document: machine({ Done: DONE, Orphan: DONE }) },
  MISSING_TERMINAL_STATE: { document: machine({ Loop: { Type: 'Pass', Next: 'Loop' } }) },
  DUPLICATE_STATE_NAME: {
    document: machine({
      Both: { Type: 'Parallel', Branches: [{ StartAt: 'Done', States: { Done: DONE } }], Next: 'Done' },
      Done: DONE,
    }),
  },
  STATE_NAME_TOO_LONG: { document: machine({ [`Step${'x'.repeat(80)}`]: DONE }) },
  HEARTBEAT_NOT_BELOW_TIMEOUT: {
    document: machine({
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        TimeoutSeconds: 30,
        HeartbeatSeconds: 30,
        End: true,
      },
    }),
  },
  STATES_ALL_NOT_ALONE: {
    document: machine({
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['States.ALL', 'Lambda.TooManyRequestsException'] }],
        End: true,
      },
    }),
  },
  STATES_ALL_NOT_LAST: {
    document: machine({
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['Lambda.TooManyRequestsException'] }],
        End: true,
      },
    }),
  },
  CHOICE_RULE_OPERATOR: {
    document: machine({
      Route: { Type: 'Choice', Choices: [{ Variable: '$.total', Next: 'Done' }], Default: 'Done' },
      Done: DONE,
    }),
  },
  INVALID_PATH: { document: machine({ A: { Type: 'Pass', InputPath: '$.items[', End: true } }) },
  INVALID_INTRINSIC: {
    document: machine({ A: { Type: 'Pass', Parameters: { 'id.$': 'States.Uuid()' }, End: true } }),
  },
  DUPLICATE_TEMPLATE_KEY: {
    document: machine({ A: { Type: 'Pass', Parameters: { id: 1, 'id.$': '$.id' }, End: true } }),
  },
  INVALID_JSONATA: {
    document: machine(
      { A: { Type: 'Pass', Output: '{% $states.input.a + %}', End: true } },
      { QueryLanguage: 'JSONata' },
    ),
  },
  JSONATA_STATES_FIELD_UNAVAILABLE: {
    document: machine(
      { A: { Type: 'Pass', Output: '{% $states.result %}', End: true } },
      { QueryLanguage: 'JSONata' },
    ),
  },
  INVALID_VARIABLE_NAME: {
    document: machine({ A: { Type: 'Pass', Assign: { 'order-id': 1 }, End: true } }),
  },
  INVALID_ARN: { document: machine({ Call: { Type: 'Task', Resource: 'my-function', End: true } }) },
  RESOURCE_PATTERN_UNSUPPORTED: {
    document: machine({
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:approve.waitForTaskToken',
        Parameters: { 'token.$': '$$.Task.Token' },
        End: true,
      },
    }),
  },
  EXPRESS_UNSUPPORTED_RESOURCE: {
    document: machine({
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'approve', 'Payload.$': '$$.Task.Token' },
        End: true,
      },
    }),
    options: { stateMachineType: 'EXPRESS' },
  },
  DEFINITION_TOO_LARGE: {
    document: machine({ Big: { Type: 'Pass', Result: 'x'.repeat(1_100_000), End: true } }),
    shown:
      '{ "StartAt": "Big", "States": { "Big": { "Type": "Pass", "Result": "xxx… (1,100,000 x)", "End": true } } }',
  },
  DUPLICATE_JSON_KEY: {
    document: machine({ Done: DONE }),
    options: {
      text: '{ "StartAt": "Done", "StartAt": "Done", "States": { "Done": { "Type": "Succeed" } } }',
    },
  },
  JSONATA_UNSUPPORTED_FUNCTION: {
    document: machine(
      { A: { Type: 'Pass', Output: '{% $eval("1 + 1") %}', End: true } },
      { QueryLanguage: 'JSONata' },
    ),
  },
} satisfies Record<Exclude<ValidateCode, 'INVALID_JSON'>, DocumentExample>;

/** Codes the CLI reports on a definition file, with the file's text. */
export const FILE_EXAMPLES = {
  INVALID_JSON: '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" }, }\n}\n',
} satisfies Record<'INVALID_JSON', string>;

type Order = { orderId: string; total: number };
const Order = typed<Order>();

/** A Standard Schema that accepts anything (what a zod schema is to the builder), so examples need no library. */
const schema = <T>() => ({
  '~standard': {
    version: 1 as const,
    vendor: 'example',
    validate: (value: unknown) => ({ value }),
    types: undefined as { readonly input: T; readonly output: T } | undefined,
  },
});
const call = (name: string) => task(name, { resource: lambda.invoke('process'), input: Order });

/**
 * Builder code that throws a `CompileError` with the code (as it is built, or when `compile()` runs). Each body is
 * shown in the reference page as written, so keep them short and readable.
 */
export const TYPESCRIPT_EXAMPLES = {
  NOT_A_STATE: () => {
    workflow('Orders').start('Charge' as never);
  },
  CHAIN_CLOSED: () => {
    const done = succeed('Done');
    // @ts-expect-error nothing can follow a Succeed
    done.next(pass('After'));
  },
  LATER_UNRESOLVED: () => {
    const charge = call('Charge').catch(
      ['States.ALL'],
      later('Recover', () => recover),
    );
    compile(workflow('Orders', { input: Order }).start(charge));
    const recover = pass('Recover');
  },
  LATER_NAME_MISMATCH: () => {
    const charge = call('Charge').catch(
      ['States.ALL'],
      later('Recover', () => pass('Retry')),
    );
    compile(workflow('Orders', { input: Order }).start(charge));
  },
  CHOICE_DEFAULT: () => {
    choice('Route').otherwise(succeed('A')).otherwise(succeed('B'));
  },
  CHOICE_CONDITION: () => {
    choice('Route').when(() => true as never, succeed('Done'));
  },
  CHOICE_OPERAND: () => {
    choice('Route', { input: Order }).when(
      ({ input }) => input.total.numericEquals(Number.NaN),
      succeed('Done'),
    );
  },
  TASK_TOKEN_MISSING: () => {
    task('Approve', { resource: lambda.invoke('approve').waitForTaskToken() });
  },
  WAIT_DURATION: () => {
    wait('Cooldown', {} as never);
  },
  FAIL_TEXT: () => {
    fail('Declined', { error: (() => 42) as never });
  },
  REF_INDEX: () => {
    pass('First', {
      input: typed<{ items: string[] }>(),
      parameters: ({ input }) => ({ item: input.items.at(0.5) }),
    });
  },
  REF_NOT_CALLABLE: () => {
    pass('Call', {
      input: Order,
      parameters: ({ input }) => ({ id: (input.orderId as unknown as () => string)() }),
    });
  },
  REF_OPERATOR: () => {
    pass('Label', { input: Order, parameters: ({ input }) => ({ label: `Order ${input.orderId}` }) });
  },
  REF_READ_ONLY: () => {
    pass('Edit', {
      input: Order,
      parameters: ({ input }) => {
        (input as unknown as { total: number }).total = 0;
        return {};
      },
    });
  },
  TEMPLATE_KEY: () => {
    pass('Legacy', { parameters: () => ({ 'id.$': '$.orderId' }) });
  },
  TEMPLATE_VALUE: () => {
    pass('Stamp', { parameters: () => ({ at: new Date(0) }) as never });
  },
  ASSIGN_VALUE: () => {
    call('Charge').catch(['States.ALL'], succeed('Done'), { assign: () => 42 as never });
  },
  JSONATA_EMPTY: () => {
    jsonata('{%  %}');
  },
  INTEGRATION_PARAMETERS: () => {
    // JavaScript callers (TypeScript rejects it): UpdateItem needs a Key.
    task('Save', { resource: dynamodb.updateItem('Orders') } as never);
  },
  STATE_NAME_EMPTY: () => {
    compile(workflow('Orders').start(pass('')));
  },
  AMBIGUOUS_NEXT: () => {
    const log = pass('Log');
    const route = choice('Route', { input: Order })
      .when(({ input }) => input.total.numericGreaterThan(100), log.next(pass('Review')))
      .otherwise(log.next(pass('Ship')));
    compile(workflow('Orders', { input: Order }).start(route));
  },
  UNRESOLVED_REFERENCE: () => {
    const charge = call('Charge').catch(['States.ALL'], later('Recover'));
    compile(workflow('Orders', { input: Order }).start(charge));
  },
  REFERENCE_INPUT_MISMATCH: () => {
    const recover = pass('Recover', { input: schema<{ Error: string }>() });
    const handler = later('Recover', () => recover, { input: schema<{ Error: string }>() });
    compile(workflow('Orders', { input: Order }).start(call('Charge').catch(['States.ALL'], handler)));
  },
  VARIABLE_UNASSIGNED: () => {
    const attempts = variable('attempts', typed<number>());
    compile(workflow('Orders').start(pass('Report', { parameters: () => ({ attempts: attempts.ref }) })));
  },
  VARIABLE_OUTER_ASSIGN: () => {
    const status = variable('status', typed<string>());
    const inner = pass('Inner').assign(status, () => 'inner');
    const both = parallel('Both', { branches: [inner] });
    compile(
      workflow('Orders').start(
        pass('Start')
          .assign(status, () => 'new')
          .next(both),
      ),
    );
  },
  VARIABLE_DISTRIBUTED: () => {
    const limit = variable('limit', typed<number>());
    const rows = map('Rows', {
      input: typed<string[]>(),
      mode: 'distributed',
      processor: pass('Row', { parameters: () => ({ limit: limit.ref }) }),
    });
    compile(
      workflow('Orders', { input: typed<string[]>() }).start(
        pass('Start')
          .assign(limit, () => 10)
          .next(rows),
      ),
    );
  },
  JSONATA_IN_JSONPATH: () => {
    compile(
      workflow('Orders').start(
        pass('Count', { parameters: () => ({ n: jsonata<number>('$count([1, 2])') }) }),
      ),
    );
  },
  PATH_REQUIRED: () => {
    const Job = typed<{ delay: number }>();
    const cooldown = wait('Cooldown', { input: Job, seconds: ({ input }) => States.mathAdd(input.delay, 1) });
    compile(workflow('Jobs', { input: Job }).start(cooldown));
  },
  TEMPLATE_ARRAY: () => {
    compile(
      workflow('Orders', { input: Order }).start(
        // A bare path beside an object in one array has no JSONPath form (objects alone keep their `id.$`).
        pass('Lines', {
          input: Order,
          parameters: ({ input }) => ({ lines: [input.orderId, { id: input.orderId }] }),
        }),
      ),
    );
  },
  TEMPLATE_NOT_OBJECT: () => {
    compile(
      workflow('Orders', { input: Order }).start(
        pass('Id', { input: Order, parameters: ({ input }) => input.orderId }),
      ),
    );
  },
  INTRINSIC_ARGUMENT: () => {
    const label = pass('Label', {
      input: Order,
      parameters: ({ input }) => ({ label: States.format('{} of {}', input.orderId) }),
    });
    compile(workflow('Orders', { input: Order }).start(label), { queryLanguage: 'JSONata' });
  },
  INTRINSIC_UNSUPPORTED: () => {
    const Job = typed<{ template: string; id: string }>();
    const label = pass('Label', {
      input: Job,
      parameters: ({ input }) => ({ label: States.format(input.template, input.id) }),
    });
    compile(workflow('Jobs', { input: Job }).start(label), { queryLanguage: 'JSONata' });
  },
  RESULT_PATH_INDEX: () => {
    const Job = typed<{ results: number[] }>();
    const save = pass('Save', { input: Job, result: 1 }).resultPath('$.results[0]');
    compile(workflow('Jobs', { input: Job }).start(save), { queryLanguage: 'JSONata' });
  },
  RESULT_SELECTOR_NOT_OBJECT: () => {
    const charge = task('Charge', {
      resource: lambda.invoke('charge'),
      input: Order,
      resultSelector: lambda.payload,
    });
    // @ts-expect-error a bare result can only be output whole
    compile(workflow('Orders', { input: Order }).start(charge.resultPath('$.payment')));
  },
  ASSIGN_COMPUTED: () => {
    const token = variable('token', typed<string>());
    const issue = task('Issue', {
      resource: lambda.invoke('issue'),
      resultSelector: () => ({ id: States.uuid() }),
    });
    const read = issue.assign(token, ({ result }) => (result.id as unknown as { part: string }).part);
    compile(workflow('Orders').start(read));
  },
  ASSIGN_MISSING: () => {
    const fee = variable('fee', typed<number>());
    const fees = task('Fees', { resource: lambda.invoke('fees'), resultSelector: () => ({ amount: 1 }) });
    const read = fees.assign(fee, ({ result }) => (result as unknown as { total: number }).total);
    compile(workflow('Orders').start(read));
  },
  CHOICE_RULE_OUTPUT: () => {
    const route = choice('Route', { input: Order }).when(
      ({ input }) => input.total.numericGreaterThan(100),
      succeed('Big'),
      {
        output: ({ input }) => ({ id: input.orderId }),
      },
    );
    compile(workflow('Orders', { input: Order }).start(route));
  },
} satisfies Record<CompileCode, () => void>;
