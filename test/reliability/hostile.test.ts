import { type AslDocument, validate } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';
import { type IsolatedOutcome, runIsolated } from './harness.js';
import type { Seen } from './scenarios.js';

// Issue 10: every hostile case ends in a named error (or the right answer) with the process alive. Memory and
// time cases run in a child process under a stated heap limit (harness.ts); the others run in-process.

const SCENARIOS = new URL('./scenarios.ts', import.meta.url);

async function isolated(name: string, heapMb: number, timeoutMs = 30_000): Promise<IsolatedOutcome> {
  const outcome = await runIsolated(SCENARIOS, name, { heapMb, timeoutMs });
  // The child survived: it returned normally under its heap limit, within its time limit.
  expect(outcome.timedOut, outcome.stderr).toBe(false);
  expect(outcome.exitCode, outcome.stderr).toBe(0);
  return outcome;
}

describe('expressions cannot take the process down', { concurrent: true }, () => {
  it('a JSONata range explosion ends in States.QueryEvaluationError under a 256 MB heap', async () => {
    const { value } = await isolated('hugeRange', 256);
    expect(value).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect((value as Seen).cause).toContain('Expression evaluation memory limit exceeded');
  });

  it('a catastrophic-backtracking regex answers at once (linear-time engine)', async () => {
    const { value } = await isolated('backtrackingRegex', 128, 20_000);
    expect(value).toMatchObject({ status: 'SUCCEEDED', output: { m: false } });
    expect((value as Seen).ms).toBeLessThan(5000);
  });

  it('a chained JSONPath deep scan ends in States.Runtime under a 128 MB heap', async () => {
    const { value } = await isolated('chainedDeepScan', 128);
    expect(value).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect((value as Seen).cause).toContain(
      "The JSONPath '$..a..a..a..a..a' in field 'Parameters' of state 'P'",
    );
  });

  it('an AbortSignal stops a runaway JSONata loop', async () => {
    const { value } = await isolated('abortedLoop', 128, 20_000);
    // Without the abort, the step limit would end it as FAILED (States.QueryEvaluationError).
    expect(value).toMatchObject({ status: 'ABORTED', error: 'Stepcraft.Aborted' });
  });
});

describe("AWS's quotas", { concurrent: true }, () => {
  it('a 1 MB variable fails with States.DataLimitExceeded naming the variable', async () => {
    const { value } = await isolated('megabyteVariable', 128);
    expect(value).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause:
        "The variable 'big' assigned by state 'P' is larger than 262144 bytes, the maximum size of one variable.",
    });
  });

  it('a variable doubled in a loop ends in States.DataLimitExceeded under a 128 MB heap', async () => {
    const { value } = await isolated('doublingVariable', 128);
    expect(value).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('a 100 MB definition is reported against the 1 MB quota under a 512 MB heap', async () => {
    const { value } = await isolated('hugeDefinition', 512);
    expect(value).toMatchObject({ codes: ['DEFINITION_TOO_LARGE'] });
  });
});

describe('deep but small data', { concurrent: true }, () => {
  it('input nested 3,500 levels ends in States.DataLimitExceeded, not a stack overflow', async () => {
    const { value } = await isolated('deepInput', 128);
    expect(value).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause: 'The execution input is nested deeper than 1000 levels.',
    });
  });

  it('100,000-deep JSON text parsed by States.StringToJson is a named error naming the function', async () => {
    const { value } = await isolated('deepParsedText', 128);
    expect(value).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
    expect((value as Seen).cause).toContain('nested deeper than 1000 levels');
  });
});

describe('validate() never throws', () => {
  it('on a getter that throws a non-Error', () => {
    const state = {
      Type: 'Pass',
      End: true,
      get Comment(): string {
        throw Object.create(null);
      },
    };
    expect(validate({ StartAt: 'P', States: { P: state } })[0]?.code).toBe('INVALID_DOCUMENT');
  });

  it('reports duplicate keys, NaN and =~ by name', () => {
    const text = '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true},"P":{"Type":"Pass","End":true}}}';
    expect(validate(JSON.parse(text), { text }).map((d) => `${d.code} ${d.pointer}`)).toEqual([
      'DUPLICATE_JSON_KEY /States/P',
    ]);
    const nan = validate({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: Number.NaN, End: true } } });
    expect(nan[0]?.message).toContain('got NaN (not a JSON number)');
    const regex = validate({
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: { P: { Type: 'Pass', Output: '{% $states.input.s =~ /a/ %}', End: true } },
    });
    expect(regex[0]?.code).toBe('INVALID_JSONATA');
  });
});

describe('JSONata keys are plain data', () => {
  const jsonata = (state: Record<string, unknown>, next?: Record<string, unknown>) =>
    ({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', ...state, ...(next === undefined ? { End: true } : { Next: 'B' }) },
        ...(next === undefined ? {} : { B: { Type: 'Pass', ...next, End: true } }),
      },
    }) as AslDocument;

  it('an Assign named __proto__ is an ordinary variable', async () => {
    const definition = jsonata(
      { Assign: JSON.parse('{"__proto__": {"a": 1}}') },
      { Output: '{% [$__proto__, $exists($a)] %}' },
    );
    expect((await run(definition, {})).output).toEqual([{ a: 1 }, false]);
  });

  it('an object constructed with __proto__ keeps the key', async () => {
    const result = await run(jsonata({ Output: '{% {"__proto__": {"a": 1}, "x": 1} %}' }), {});
    expect(JSON.stringify(result.output)).toBe('{"__proto__":{"a":1},"x":1}');
  });

  it('$merge over an input with an own __proto__ key keeps it', async () => {
    const input = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    const result = await run(jsonata({ Output: '{% $merge([$states.input, {"c": 3}]) %}' }), input);
    expect(JSON.stringify(result.output)).toBe('{"__proto__":{"a":1},"b":2,"c":3}');
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe("JSONPath negative indexes give Jayway's answers", () => {
  const pass = (path: string) =>
    ({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'r.$': path }, End: true } },
    }) as AslDocument;

  it.each([
    ['$..a[-2]', { a: [1, 2, 3, 4] }, [3]],
    ['$.a[0,-1]', { a: [1, 2, 3, 4] }, [1, 4]],
    [
      '$.m[*][-1]',
      {
        m: [
          [1, 2],
          [3, 4],
        ],
      },
      [2, 4],
    ],
  ])('%s', async (path, input, expected) => {
    expect((await run(pass(path), input)).output).toEqual({ r: expected });
  });

  it('in InputPath, OutputPath and ItemsPath too', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          InputPath: '$.m[*][-1]',
          ItemsPath: '$[0,-1]',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          OutputPath: '$[-1:]',
          End: true,
        },
      },
    } as AslDocument;
    expect(
      (
        await run(definition, {
          m: [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        })
      ).output,
    ).toEqual([6]);
  });
});
