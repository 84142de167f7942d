import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';

describe('data isolation and determinism at the boundaries', () => {
  it('a handler that mutates its input cannot change the state input merged at ResultPath', async () => {
    const definition: AslDocument = {
      StartAt: 'Mutate',
      States: {
        Mutate: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:mutate',
          InputPath: '$.order',
          ResultPath: '$.result',
          End: true,
        },
      },
    };
    const result = await run(
      definition,
      { order: { id: 'o-1', lines: [1, 2] } },
      {
        handlers: {
          Mutate: (input) => {
            const order = input as { id: string; lines: number[] };
            order.id = 'hacked';
            order.lines.push(3);
            return 'ok';
          },
        },
      },
    );
    expect(result.output).toEqual({ order: { id: 'o-1', lines: [1, 2] }, result: 'ok' });
  });

  it('the caller mutating its input after start does not change the run', async () => {
    const input = { n: 1 };
    const pending = run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input);
    input.n = 2;
    expect((await pending).output).toEqual({ n: 1 });
  });

  it("JSONata $now() reads the execution's virtual clock, so runs are reproducible", async () => {
    const definition: AslDocument = {
      QueryLanguage: 'JSONata',
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', Seconds: 86_400, Next: 'Now' },
        Now: { Type: 'Pass', Output: '{% $now() %}', End: true },
      },
    };
    const startTime = '2030-01-01T00:00:00.000Z';
    const first = await run(definition, {}, { startTime });
    const second = await run(definition, {}, { startTime });
    expect(first.output).toBe('2030-01-02T00:00:00.000Z');
    expect(second.output).toBe(first.output);
  });
});
