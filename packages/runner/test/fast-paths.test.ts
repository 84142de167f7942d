import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, type TaskHandlerContext } from '../src/index.js';
import { copyJson } from '../src/json-value.js';
import { randomUuid, seededRandom } from '../src/random.js';

describe('copyJson', () => {
  it('names the path of the first value JSON cannot hold, root first', () => {
    expect(copyJson({ a: [1, { b: Number.NaN }] })).toEqual({
      ok: false,
      message: '$.a[1].b is NaN, which JSON cannot represent',
    });
    expect(copyJson([[new Date(0)]])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^\$\[0\]\[0\] is a Date/),
    });
  });

  it('accepts a value shared by siblings (not a cycle) and copies it', () => {
    const shared = { n: 1 };
    const input = { x: shared, y: [shared, shared] };
    const copied = copyJson(input);
    expect(copied).toEqual({ ok: true, value: input });
    expect(copied.ok && (copied.value as { x: unknown }).x).not.toBe(shared);
  });

  it('rejects a cycle below the root with its path', () => {
    const inner: Record<string, unknown> = {};
    inner.back = inner;
    expect(copyJson({ list: [inner] })).toEqual({
      ok: false,
      message: '$.list[0].back is a circular reference',
    });
  });
});

describe('randomUuid', () => {
  // The digit-by-digit definition the runner has always used: tokens and ids must not change between versions.
  const reference = (random: () => number): string => {
    let text = '';
    for (let i = 0; i < 32; i++) {
      let digit = Math.floor(random() * 16);
      if (i === 12) digit = 4;
      if (i === 16) digit = 8 + (digit & 3);
      if (i === 8 || i === 12 || i === 16 || i === 20) text += '-';
      text += '0123456789abcdef'[digit];
    }
    return text;
  };

  it('draws the same v4-shaped ids as the reference from the same seed', () => {
    for (const seed of [0, 1, 42, 2 ** 31]) {
      const a = seededRandom(seed);
      const b = seededRandom(seed);
      for (let i = 0; i < 200; i++) {
        const id = randomUuid(a);
        expect(id).toBe(reference(b));
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    }
  });
});

describe('the handler context', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:Slow';

  it('aborts context.signal when a sibling branch fails, and once the task is over', async () => {
    let seen: unknown;
    let kept: TaskHandlerContext | undefined;
    const definition: AslDocument = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: LAMBDA, End: true } } },
            // A Pass first: the sibling fails once the task has started (its call starts a turn after it is scheduled).
            {
              StartAt: 'First',
              States: {
                First: { Type: 'Pass', Next: 'Boom' },
                Boom: { Type: 'Fail', Error: 'Boom', Cause: 'sibling' },
              },
            },
          ],
        },
      },
    };
    const result = await run(
      definition,
      {},
      {
        handlers: {
          Slow: (_input, context) =>
            new Promise((resolve) => {
              context.signal.addEventListener('abort', () => {
                seen = context.signal.reason;
                resolve('late');
              });
            }),
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(seen).toEqual(new Error('The task is over.'));
    expect(result.history.map((e) => e.type)).toContain('TaskStateAborted');

    await run(
      { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: LAMBDA, End: true } } },
      {},
      {
        handlers: {
          Slow: (_input, context) => {
            kept = context;
            return 1;
          },
        },
      },
    );
    expect(kept?.signal.aborted).toBe(true);
  });

  it('has its state and resource as fields, and builds signal, token, $$ and bound methods when read', async () => {
    let keys: string[] = [];
    let copy: Partial<TaskHandlerContext> = {};
    let read: unknown[] = [];
    await run(
      { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: LAMBDA, End: true } } },
      {},
      {
        handlers: {
          Slow: (_input, context) => {
            keys = Object.keys(context);
            copy = { ...context };
            const { heartbeat, sendTaskSuccess } = context;
            read = [
              context.signal,
              context.taskToken,
              context.context,
              typeof heartbeat,
              typeof sendTaskSuccess,
            ];
            return 1;
          },
        },
      },
    );
    expect(keys).toEqual(['stateName', 'resource']);
    expect(copy).toMatchObject({ stateName: 'Slow', resource: LAMBDA });
    expect(read[0]).toBeInstanceOf(AbortSignal);
    expect(read[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(read[2]).toMatchObject({ State: { Name: 'Slow', RetryCount: 0 }, Task: { Token: read[1] } });
    expect(read.slice(3)).toEqual(['function', 'function']);
  });
});
