/**
 * The runner scenarios as ASL, plus the input and the output a correct interpreter must produce. Plain data, shared
 * by the Stepcraft and the peer side so both run exactly the same definition.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type States = Record<string, Record<string, Json>>;

/** A definition, its input, the expected output and the number of state transitions one run makes. */
export interface AslWorkload {
  readonly definition: { StartAt: string; States: States; QueryLanguage?: 'JSONata' };
  readonly input: Json;
  readonly expected: Json;
  readonly transitions: number;
  /** Task state names (the peer registers local handlers per state). */
  readonly taskStates: readonly string[];
  /** Executions per run (the Parallel scenario repeats a short execution). */
  readonly executions: number;
  /** The local handler of its Task states (default `increment`). */
  readonly handler?: (input: unknown) => Promise<unknown>;
}

/** Task resource of the Task chain; both runners call a local handler instead. */
export const WORK_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Work';

const link = (i: number, n: number, name: (i: number) => string): Record<string, Json> =>
  i === n - 1 ? { End: true } : { Next: name(i + 1) };

/** `n` Pass states, each with Parameters (a constant and a path) and a ResultPath. */
export function passChain(n: number): AslWorkload {
  const name = (i: number) => `Pass${i}`;
  return {
    definition: { StartAt: name(0), States: passStates(n, name) },
    input: { last: { step: -1 } },
    expected: { last: { step: n - 1, from: n - 2 } },
    transitions: n,
    taskStates: [],
    executions: 1,
  };
}

/** A Choice/Pass loop counting to `n` with `States.MathAdd`: 2n + 2 transitions. */
export function mathLoop(n: number): AslWorkload {
  return {
    definition: {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.i', NumericLessThan: n, Next: 'Increment' }],
          Default: 'Done',
        },
        Increment: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: { i: 0 },
    expected: { i: n },
    transitions: 2 * n + 2,
    taskStates: [],
    executions: 1,
  };
}

/**
 * An inline Map over `n` items, each through a 3-state processor: 1 + 3n transitions. Items are objects because the
 * peer fails `"v.$": "$"` on a primitive item ("Path expression '$' does not point to a value").
 */
export function inlineMap(n: number): AslWorkload {
  const items = Array.from({ length: n }, (_, i) => ({ i }));
  return {
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Wrap',
            States: {
              Wrap: { Type: 'Pass', Parameters: { 'v.$': '$.i' }, Next: 'Double' },
              Double: { Type: 'Pass', Parameters: { 'd.$': 'States.MathAdd($.v, $.v)' }, Next: 'Unwrap' },
              Unwrap: { Type: 'Pass', Parameters: { 'r.$': '$.d' }, End: true },
            },
          },
          End: true,
        },
      },
    },
    input: { items },
    expected: items.map(({ i }) => ({ r: 2 * i })),
    transitions: 1 + 3 * n,
    taskStates: [],
    executions: 1,
  };
}

/** `n` Pass states named by `name`, each with a two-field Parameters (a constant and a path) and a ResultPath. */
function passStates(n: number, name: (i: number) => string): States {
  const states: States = {};
  for (let i = 0; i < n; i++) {
    states[name(i)] = {
      Type: 'Pass',
      Parameters: { step: i, 'from.$': '$.last.step' },
      ResultPath: '$.last',
      ...link(i, n, name),
    };
  }
  return states;
}

/** A Parallel of ten branches, each a chain of `n` Pass states as in `passChain`: 1 + 10n transitions. */
export function parallelChains(n: number): AslWorkload {
  const branches = Array.from({ length: 10 }, (_, b) => ({
    StartAt: `B${b}P0`,
    States: passStates(n, (i) => `B${b}P${i}`),
  }));
  return {
    definition: { StartAt: 'Fan', States: { Fan: { Type: 'Parallel', Branches: branches, End: true } } },
    input: { last: { step: -1 } },
    expected: Array.from({ length: 10 }, () => ({ last: { step: n - 1, from: n - 2 } })),
    transitions: 1 + 10 * n,
    taskStates: [],
    executions: 1,
  };
}

/** A 10-branch Parallel (one Pass per branch), executed `runs` times: 11 transitions per execution. */
export function parallelRuns(runs: number): AslWorkload {
  const branches = Array.from({ length: 10 }, (_, b) => ({
    StartAt: `Branch${b}`,
    States: { [`Branch${b}`]: { Type: 'Pass', Parameters: { b, 'x.$': '$.x' }, End: true } },
  }));
  return {
    definition: { StartAt: 'Fan', States: { Fan: { Type: 'Parallel', Branches: branches, End: true } } },
    input: { x: 7 },
    expected: Array.from({ length: 10 }, (_, b) => ({ b, x: 7 })),
    transitions: 11 * runs,
    taskStates: [],
    executions: runs,
  };
}

/** `n` Task states calling one local handler that increments `n`. */
export function taskChain(n: number): AslWorkload {
  const name = (i: number) => `Task${i}`;
  const states: States = {};
  const taskStates: string[] = [];
  for (let i = 0; i < n; i++) {
    states[name(i)] = { Type: 'Task', Resource: WORK_ARN, ...link(i, n, name) };
    taskStates.push(name(i));
  }
  return {
    definition: { StartAt: name(0), States: states },
    input: { n: 0 },
    expected: { n },
    transitions: n,
    taskStates,
    executions: 1,
  };
}

/** `n` Task states calling one local handler that returns `{ ok: true }`. */
export function okChain(n: number): AslWorkload {
  const name = (i: number) => `Ok${i}`;
  const states: States = {};
  const taskStates: string[] = [];
  for (let i = 0; i < n; i++) {
    states[name(i)] = { Type: 'Task', Resource: OK_ARN, ...link(i, n, name) };
    taskStates.push(name(i));
  }
  return {
    definition: { StartAt: name(0), States: states },
    input: { ok: false },
    expected: { ok: true },
    transitions: n,
    taskStates,
    executions: 1,
    handler: ok,
  };
}

/** Task resource of the `{ ok: true }` chain. */
export const OK_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Ok';

/** The local Task handler both runners call. */
export const increment = async (input: unknown): Promise<{ n: number }> => ({
  n: (input as { n: number }).n + 1,
});

/** The `{ ok: true }` handler. */
export const ok = async (_input: unknown): Promise<{ ok: boolean }> => ({ ok: true });

/** Catalogue items both query workloads read: ids 0…19, every third one cheap. */
const CATALOGUE = Array.from({ length: 20 }, (_, i) => ({
  id: i,
  name: `item-${i}`,
  price: i % 3 === 0 ? 5 : 15,
}));

/**
 * `n` Pass states whose Parameters run JSONPath queries (a filter, a negative slice, a wildcard) and an intrinsic
 * over a 20-item input, each writing its result at `$.r`.
 */
export function jsonPathQueries(n: number): AslWorkload {
  const name = (i: number) => `Query${i}`;
  const states: States = {};
  for (let i = 0; i < n; i++) {
    states[name(i)] = {
      Type: 'Pass',
      Parameters: {
        'cheap.$': '$.items[?(@.price < 10)].id',
        'last.$': '$.items[-2:].id',
        'names.$': '$.items[*].name',
        'count.$': 'States.ArrayLength($.items)',
      },
      ResultPath: '$.r',
      ...link(i, n, name),
    };
  }
  const items = CATALOGUE;
  return {
    definition: { StartAt: name(0), States: states },
    input: { items },
    expected: {
      items,
      r: {
        cheap: items.filter((item) => item.price < 10).map((item) => item.id),
        last: [18, 19],
        names: items.map((item) => item.name),
        count: items.length,
      },
    },
    transitions: n,
    taskStates: [],
    executions: 1,
  };
}

/** `n` JSONata Pass states, each computing a sum, a filter, a join and a regex test over a 20-item input. */
export function jsonataExpressions(n: number): AslWorkload {
  const name = (i: number) => `Expr${i}`;
  const states: States = {};
  for (let i = 0; i < n; i++) {
    states[name(i)] = {
      Type: 'Pass',
      Output: {
        items: '{% $states.input.items %}',
        total: '{% $sum($states.input.items.price) %}',
        cheap: '{% $states.input.items[price < 10].id %}',
        names: "{% $join($states.input.items.name, ',') %}",
        matched: '{% $count($states.input.items[$contains(name, /item-1[0-9]/)]) %}',
      },
      ...link(i, n, name),
    };
  }
  const items = CATALOGUE;
  return {
    definition: { QueryLanguage: 'JSONata', StartAt: name(0), States: states } as AslWorkload['definition'],
    input: { items },
    expected: {
      items,
      total: items.reduce((sum, item) => sum + item.price, 0),
      cheap: items.filter((item) => item.price < 10).map((item) => item.id),
      names: items.map((item) => item.name).join(','),
      matched: 10,
    },
    transitions: n,
    taskStates: [],
    executions: 1,
  };
}
