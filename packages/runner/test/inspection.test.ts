import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, StatesError, toRunRecord } from '../src/index.js';

describe('per-state inspection data (inspect: true)', () => {
  it('records each step of the JSONPath pipeline, the retries and the variables, as AWS TestState names them', async () => {
    const definition: AslDocument = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          InputPath: '$.order',
          Parameters: { 'amount.$': '$.amount', currency: 'EUR' },
          ResultSelector: { 'id.$': '$.paymentId' },
          ResultPath: '$.order.payment',
          OutputPath: '$.order',
          Assign: { 'paid.$': '$.paymentId' },
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 2 }],
          End: true,
        },
      },
    };
    let calls = 0;
    const result = await run(
      definition,
      { order: { amount: 5 } },
      {
        inspect: true,
        handlers: {
          Charge: () => {
            if (calls++ === 0) throw new StatesError('Busy', 'try later');
            return { paymentId: 'p-1' };
          },
        },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(result.inspections).toEqual([
      {
        enteredEventId: 2,
        state: 'Charge',
        path: [],
        input: { order: { amount: 5 } },
        afterInputPath: { amount: 5 },
        afterParameters: { amount: 5, currency: 'EUR' },
        result: { paymentId: 'p-1' },
        afterResultSelector: { id: 'p-1' },
        afterResultPath: { order: { amount: 5, payment: { id: 'p-1' } } },
        output: { amount: 5, payment: { id: 'p-1' } },
        variables: { paid: 'p-1' },
        retries: [{ error: 'Busy', cause: 'try later', delaySeconds: 2 }],
      },
    ]);
  });

  it('names the enclosing Map and Parallel states of each state, and how a state failed', async () => {
    const definition: AslDocument = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } },
                  End: true,
                },
              },
            },
            {
              StartAt: 'Later',
              States: {
                Later: { Type: 'Wait', Seconds: 1, Next: 'Boom' },
                Boom: { Type: 'Fail', Error: 'Boom', Cause: 'on purpose' },
              },
            },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
        },
        Handled: { Type: 'Pass', End: true },
      },
    } as AslDocument;
    const result = await run(definition, [1, 2], { inspect: true });
    const byState = (state: string) => result.inspections?.filter((i) => i.state === state) ?? [];
    expect(byState('Each')[0]?.path).toEqual([{ state: 'Fan', index: 0 }]);
    expect(byState('Double').map((i) => i.path)).toEqual([
      [
        { state: 'Fan', index: 0 },
        { state: 'Each', index: 0 },
      ],
      [
        { state: 'Fan', index: 0 },
        { state: 'Each', index: 1 },
      ],
    ]);
    expect(byState('Boom')[0]).toMatchObject({ error: 'Boom', cause: 'on purpose' });
    expect(byState('Fan')[0]).toMatchObject({
      error: 'Boom',
      output: { Error: 'Boom', Cause: 'on purpose' },
    });
    const entered = (result.inspections ?? []).map((i) => i.enteredEventId);
    expect(entered).toEqual([...entered].sort((a, b) => a - b));
  });

  it('records JSONata Arguments and Output', async () => {
    const definition: AslDocument = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'f', Payload: { n: '{% $states.input.n + 1 %}' } },
          Output: '{% $states.result.Payload %}',
          End: true,
        },
      },
    };
    const result = await run(definition, { n: 1 }, { inspect: true, handlers: { f: (input) => input } });
    expect(result.inspections?.[0]).toMatchObject({
      afterArguments: { FunctionName: 'f', Payload: { n: 2 } },
      output: { n: 2 },
    });
    expect(result.inspections?.[0]?.afterInputPath).toBeUndefined();
  });

  it('is absent without inspect, and kept in the run record with it', async () => {
    const pass: AslDocument = { StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, End: true } } };
    expect((await run(pass)).inspections).toBeUndefined();
    const result = await run(pass, {}, { inspect: true });
    const record = toRunRecord(result, { workflow: 'P', definition: pass, input: {} });
    expect(record).toMatchObject({
      format: 'stepcraft.run/1',
      status: 'SUCCEEDED',
      output: 1,
      stats: { transitions: 1, events: 4, durationMs: 0 },
      inspections: [{ state: 'P', result: 1, output: 1 }],
    });
    expect(record.events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
