/** A valid definition of `n` top-level states cycling through every state type (Map and Parallel hold more). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type State = Record<string, Json>;

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:Work';
const RETRY = [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }];

const BLOCK: readonly ((name: string, next: Record<string, Json>) => State)[] = [
  (_, next) => ({
    Type: 'Pass',
    Parameters: { 'id.$': '$.id', kind: 'order' },
    ResultPath: '$.meta',
    ...next,
  }),
  (_, next) => ({
    Type: 'Task',
    Resource: LAMBDA,
    TimeoutSeconds: 30,
    Retry: RETRY,
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
    ...next,
  }),
  (_, next) => ({
    Type: 'Choice',
    Choices: [
      { Variable: '$.amount', NumericGreaterThan: 100, Next: next.Next ?? 'Done' },
      {
        And: [
          { Variable: '$.status', StringEquals: 'paid' },
          { Variable: '$.express', BooleanEquals: true },
        ],
        Next: next.Next ?? 'Done',
      },
    ],
    Default: next.Next ?? 'Done',
  }),
  (_, next) => ({ Type: 'Wait', Seconds: 1, ...next }),
  (name, next) => ({
    Type: 'Map',
    ItemsPath: '$.items',
    MaxConcurrency: 10,
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: `${name}Item`,
      States: {
        [`${name}Item`]: { Type: 'Pass', Parameters: { 'sku.$': '$.sku' }, Next: `${name}Ok` },
        [`${name}Ok`]: { Type: 'Succeed' },
      },
    },
    ResultPath: '$.items',
    ...next,
  }),
  (name, next) => ({
    Type: 'Parallel',
    Branches: [0, 1].map((b) => ({
      StartAt: `${name}Branch${b}`,
      States: { [`${name}Branch${b}`]: { Type: 'Pass', Result: { b }, End: true } },
    })),
    ResultPath: '$.branches',
    ...next,
  }),
  (_, next) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: LAMBDA, 'Payload.$': '$' },
    ResultSelector: { 'total.$': 'States.MathAdd($.Payload.a, $.Payload.b)' },
    ResultPath: '$.total',
    ...next,
  }),
  (_, next) => ({ Type: 'Pass', Result: { ok: true }, ResultPath: '$.flag', ...next }),
];

/** `n` ≥ 3 states: `n − 2` from the cycle above, then `Done` (Succeed) and `Failed` (Fail, the catchers' target). */
export function mixedDefinition(n: number): { StartAt: string; States: Record<string, State> } {
  const body = Math.max(1, n - 2);
  const name = (i: number) => `S${i}`;
  const states: Record<string, State> = {};
  for (let i = 0; i < body; i++) {
    const next = { Next: i === body - 1 ? 'Done' : name(i + 1) };
    const make = BLOCK[i % BLOCK.length];
    if (make !== undefined) states[name(i)] = make(name(i), next);
  }
  states.Done = { Type: 'Succeed' };
  states.Failed = { Type: 'Fail', Error: 'OrderFailed', Cause: 'A task failed' };
  return { Comment: 'Validator benchmark', StartAt: name(0), States: states } as never;
}
