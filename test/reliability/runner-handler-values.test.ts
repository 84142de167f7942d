import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { run, type TaskHandler } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';

// Whatever a handler throws, rejects with or returns must end as a named task failure (or
// Stepcraft.InvalidTaskResult naming the state), and the run must settle: never an unhandled rejection, a crash, a
// hang or a stack overflow. Each case runs through the public API.

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:Hostile';
const SQS = 'arn:aws:states:::sqs:sendMessage';

const task = (resource: string): AslDocument => ({
  StartAt: 'Hostile',
  States: { Hostile: { Type: 'Task', Resource: resource, Parameters: { QueueUrl: 'q' }, End: true } },
});

const runWith = (handler: TaskHandler, resource = LAMBDA) =>
  run(task(resource), {}, { handlers: { Hostile: handler }, handlerGraceMs: 50 });

/** A deeply nested array built without recursion: `[[[…]]]`, `depth` levels. */
function nested(depth: number): unknown[] {
  const root: unknown[] = [];
  let inner = root;
  for (let i = 1; i < depth; i++) {
    const next: unknown[] = [];
    inner.push(next);
    inner = next;
  }
  return root;
}

const throwing = (what: string) => () => {
  throw new Error(`${what} throws`);
};

describe('handler values that cannot be turned into JSON or text', () => {
  it.each<[string, () => unknown]>([
    [
      'a result with a throwing getter',
      () => ({
        get boom() {
          return throwing('getter')();
        },
      }),
    ],
    [
      'a Proxy whose traps throw',
      () => new Proxy({}, { ownKeys: throwing('ownKeys'), getPrototypeOf: throwing('getPrototypeOf') }),
    ],
    [
      'a cyclic structure',
      () => {
        const cycle: Record<string, unknown> = { list: [] };
        (cycle.list as unknown[]).push(cycle);
        return cycle;
      },
    ],
    ['an array nested 100,000 deep', () => nested(100_000)],
    ['a BigInt', () => ({ n: 10n })],
    ['a class instance', () => new Map([['a', 1]])],
  ])('%s: Stepcraft.InvalidTaskResult naming the state and the path', async (_, value) => {
    for (const handler of [value, async () => value()]) {
      const result = await runWith(handler);
      expect(result).toMatchObject({ status: 'FAILED', error: 'Stepcraft.InvalidTaskResult' });
      expect(result.cause).toMatch(
        /^The handler of Task state "Hostile" returned a value that is not JSON: \$/,
      );
    }
  });

  // Step Functions parses JSON with Jackson, whose StreamReadConstraints refuse nesting deeper than 1,000 levels by
  // default since 2.15 (https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints, "Maximum nesting
  // depth — Default: 1000"; https://github.com/FasterXML/jackson-core/pull/943): 1,000 levels pass, 1,001 fail.
  it('names the depth limit and where it is crossed (AWS parses JSON with Jackson: 1,000 levels)', async () => {
    const result = await runWith(() => ({ data: nested(100_000) }));
    expect(result.cause).toContain(
      "$.data[0][0][0][0]…[0][0][0][0][0] is nested deeper than 1,000 levels, the most AWS's JSON parser accepts",
    );
    expect((await runWith(() => nested(1_000))).status).toBe('SUCCEEDED');
    expect((await runWith(() => nested(1_001))).error).toBe('Stepcraft.InvalidTaskResult');
  });
});

describe('handlers that throw or reject with odd values', () => {
  const odd: [string, () => unknown][] = [
    ['a string', () => 'boom'],
    ['null', () => null],
    ['undefined', () => undefined],
    ['a number', () => 42],
    ['a plain object', () => ({ code: 7 })],
    [
      'an object whose toString and toJSON throw',
      () => ({ toString: throwing('toString'), toJSON: throwing('toJSON') }),
    ],
    [
      'an Error whose name getter throws',
      () => Object.defineProperty(new Error('x'), 'name', { get: throwing('name') }),
    ],
    ['an Error whose name is not a string', () => Object.assign(new Error('numbered'), { name: 404 })],
    ['an Error whose stack is gone', () => Object.assign(new Error('no stack'), { stack: undefined })],
    [
      'a Proxy whose getPrototypeOf trap throws',
      () => new Proxy({}, { getPrototypeOf: throwing('getPrototypeOf') }),
    ],
    ['a Symbol', () => Symbol('s')],
  ];

  it.each(odd)('%s (Lambda): a named failure with a Node.js error document', async (_, value) => {
    for (const handler of [
      () => {
        throw value();
      },
      () => Promise.reject(value()),
    ]) {
      const result = await runWith(handler);
      expect(result.status).toBe('FAILED');
      expect(typeof result.error).toBe('string');
      expect(result.error).not.toBe('');
      const document = JSON.parse(result.cause ?? '') as { errorType: string; errorMessage: string };
      expect(document.errorType).toBe(result.error);
      expect(typeof document.errorMessage).toBe('string');
    }
  });

  it('follows the Node.js runtime: an Error gives its name, a string its type', async () => {
    expect(await runWith(() => Promise.reject(new TypeError('bad')))).toMatchObject({ error: 'TypeError' });
    const text = await runWith(() => Promise.reject('boom'));
    expect(text.error).toBe('string');
    expect(JSON.parse(text.cause ?? '')).toEqual({ errorType: 'string', errorMessage: 'boom', trace: [] });
    const numbered = await runWith(() => Promise.reject(Object.assign(new Error('n'), { name: 404 })));
    expect(numbered.error).toBe('404');
    const unreadable = await runWith(() =>
      Promise.reject(Object.assign(new Error('x'), { stack: undefined })),
    );
    expect(unreadable.error).toBe('handled');
  });

  it.each(odd)('%s (SQS): a named failure with a text cause', async (_, value) => {
    const result = await runWith(() => {
      throw value();
    }, SQS);
    expect(result.status).toBe('FAILED');
    expect(typeof result.error).toBe('string');
    expect(typeof result.cause).toBe('string');
  });
});

describe('hostile inputs', () => {
  it('an execution input nested 100,000 levels deep (a 200 KB array) is a named error, not a stack overflow', async () => {
    // As text it is `[[[…]]]`: 200,000 characters, inside the 256 KiB payload quota (and JSON.parse takes it).
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(text.length).toBeLessThan(262_144);
    const input = JSON.parse(text) as JsonValue;
    const result = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause: 'The execution input is nested deeper than 1000 levels.',
    });
  });

  it('a callback output that cannot be JSON is refused to the sender, and the task still waits', async () => {
    const definition: AslDocument = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'q', 'token.$': '$$.Task.Token' },
          TimeoutSeconds: 5,
          End: true,
        },
      },
    };
    let refused: unknown;
    const result = await run(
      definition,
      {},
      {
        handlers: {
          Ask: (_input, context) => {
            try {
              context.sendTaskSuccess(context.taskToken ?? '', nested(5_000));
            } catch (e) {
              refused = e;
            }
            return {};
          },
        },
      },
    );
    expect(refused).toMatchObject({ name: 'RunnerUsageError' });
    expect(String(refused)).toContain('InvalidOutput');
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });
});
