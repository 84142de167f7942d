import {
  and,
  choice,
  compile,
  not,
  or,
  pass,
  type Ref,
  States,
  succeed,
  typed,
  variable,
  workflow,
} from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';

interface Data {
  name: string;
  n: number;
  items: (number | number[] | { k: number })[];
  tags: string;
  text: string;
  encoded: string;
  a: { x: number; y: number };
  b: { y: number; z: number };
  when: string;
  flag: boolean;
  nothing: null;
}

const DATA: Data = {
  name: "O'Brien {x}",
  n: 3,
  items: [1, [2, 3], { k: 1 }, 1, [2, 3]],
  tags: 'a,b;;c,,',
  text: '{"k":[1,2]}',
  encoded: 'aGVsbG8=',
  a: { x: 1, y: 2 },
  b: { y: 3, z: 4 },
  when: '2024-01-02T03:04:05Z',
  flag: true,
  nothing: null,
};

const seen = variable('seen', typed<number>());

/** Runs one Pass whose Parameters compute `select`, compiled both ways, and returns both outputs. */
async function both(parameters: (refs: { input: Ref<Data> }) => unknown) {
  const wf = workflow('W', { input: typed<Data>() }).start(pass('P', { input: typed<Data>(), parameters }));
  const [a, b] = await Promise.all(
    (['JSONPath', 'JSONata'] as const).map((ql) => run(compile(wf, { queryLanguage: ql }), DATA as never)),
  );
  expect(a?.status).toBe('SUCCEEDED');
  return [a?.output, b?.output];
}

describe('each intrinsic compiles to JSONata that computes the same value', () => {
  const cases = {
    format: ({ input }) =>
      States.format('Hi {}, n={} flag={} null={}', input.name, input.n, input.flag, input.nothing),
    stringToJson: ({ input }) => States.stringToJson(input.text),
    jsonToString: ({ input }) => States.jsonToString(input.items),
    jsonToStringText: ({ input }) => States.jsonToString(input.name),
    array: ({ input }) => States.array(input.items, input.n, input.name, input.a),
    arrayPartition: ({ input }) => States.arrayPartition(input.items, 2),
    arrayContainsObject: ({ input }) => States.arrayContains(input.items, input.items.at(2)),
    arrayContainsArray: ({ input }) => States.arrayContains(input.items, input.items.at(1)),
    arrayContainsMissing: ({ input }) => States.arrayContains(input.items, 42),
    arrayRange: () => States.arrayRange(1, 9, 2),
    arrayRangeDown: () => States.arrayRange(10, 0, -3),
    arrayGetItem: ({ input }) => States.arrayGetItem(input.items, 1),
    arrayLength: ({ input }) => States.arrayLength(input.items),
    arrayUnique: ({ input }) => States.arrayUnique(input.items),
    base64Encode: ({ input }) => States.base64Encode(input.name),
    base64Decode: ({ input }) => States.base64Decode(input.encoded),
    hash: ({ input }) => States.hash(input.name, 'SHA-256'),
    jsonMerge: ({ input }) => States.jsonMerge(input.a, input.b),
    mathAdd: ({ input }) => States.mathAdd(input.n, -5),
    stringSplit: ({ input }) => States.stringSplit(input.tags, ',;'),
    stringSplitNothing: () => States.stringSplit(',,,', ','),
    nested: ({ input }) =>
      States.arrayLength(States.stringSplit(States.format('{}-{}', input.tags, input.n), '-')),
  } satisfies Record<string, (refs: { input: Ref<Data> }) => unknown>;

  test.each(Object.entries(cases))('%s', async (_, select) => {
    const [a, b] = await both(({ input }) => ({ value: (select as (r: unknown) => unknown)({ input }) }));
    expect(b).toEqual(a);
  });

  test('uuid and random produce values of the same shape', async () => {
    const [a, b] = await both(() => ({ id: States.uuid(), r: States.mathRandom(1, 10) }));
    for (const out of [a, b] as { id: string; r: number }[]) {
      expect(out.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.isInteger(out.r) && out.r >= 1 && out.r < 10).toBe(true);
    }
  });
});

describe('Choice conditions compile to JSONata that choose the same branch', () => {
  const conditions = {
    stringEquals: ({ input }) => input.name.stringEquals("O'Brien {x}"),
    stringLessThan: ({ input }) => input.name.stringLessThan('P'),
    stringMatches: ({ input }) => input.name.stringMatches("O'*{x}"),
    stringMatchesNot: ({ input }) => input.tags.stringMatches('a*z'),
    numericGreaterThanPath: ({ input }) => input.n.numericGreaterThan(input.a.y),
    numericEqualsWrongType: ({ input }) => input.name.numericEquals(3 as never),
    booleanEquals: ({ input }) => input.flag.booleanEquals(true),
    timestamp: ({ input }) => input.when.timestampGreaterThan('2024-01-01T00:00:00Z'),
    isNull: ({ input }) => input.nothing.isNull(),
    isNumericAndNot: ({ input }) => and(input.n.isNumeric(), not(input.name.isNumeric())),
    isTimestamp: ({ input }) => or(input.name.isTimestamp(), input.when.isTimestamp()),
    variable: () => seen.ref.numericEquals(3),
  } satisfies Record<string, (refs: { input: Ref<Data> }) => unknown>;

  test.each(Object.entries(conditions))('%s', async (_, condition) => {
    const route = choice('Route', { input: typed<Data>() })
      .when(condition as never, succeed('Yes'))
      .otherwise(succeed('No'));
    const wf = workflow('W', { input: typed<Data>() })
      .start(pass('Seen', { input: typed<Data>() }).assign(seen, ({ result }) => result.n))
      .next(route);
    const [a, b] = await Promise.all(
      (['JSONPath', 'JSONata'] as const).map((ql) => run(compile(wf, { queryLanguage: ql }), DATA as never)),
    );
    const entered = (r: typeof a) =>
      r?.history
        .filter((e) => e.type === 'SucceedStateEntered')
        .map((e) => JSON.stringify(e).includes('"Yes"'));
    expect(a?.status).toBe('SUCCEEDED');
    expect(entered(b)).toEqual(entered(a));
  });
});
