import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run, start } from '../src/index.js';
import { payloadProblem } from '../src/limits.js';

// The cheap per-Task records (shared details builders, timestamps kept once per change, the attempt's token as
// data) must write the same history as building every event in full.

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:Work';

const chain: AslDocument = {
  StartAt: 'Plain',
  States: {
    Plain: { Type: 'Task', Resource: FN, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 90, Next: 'Timed' },
    Timed: { Type: 'Task', Resource: FN, TimeoutSeconds: 30, HeartbeatSeconds: 10, Next: 'Invoke' },
    Invoke: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: FN, 'Payload.$': '$' },
      ResultSelector: { 'n.$': '$.Payload.n' },
      End: true,
    },
  },
};

const handlers = {
  Work: async (input: unknown) => ({ n: ((input as { n?: number }).n ?? 0) + 1 }),
};

describe('Task records', () => {
  it('details of TaskScheduled: plain, with timeouts, and Task* with its region', async () => {
    const result = await run(chain, { n: 0 }, { handlers, region: 'eu-west-3' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { n: 3 } });
    const scheduled = result.history.filter((e) => e.type.endsWith('Scheduled'));
    expect(
      scheduled.map((e) => e.lambdaFunctionScheduledEventDetails ?? e.taskScheduledEventDetails),
    ).toEqual([
      { resource: FN, input: '{"n":0}', inputDetails: { truncated: false } },
      {
        resource: FN,
        input: '{"n":1}',
        inputDetails: { truncated: false },
        timeoutInSeconds: 30,
        heartbeatInSeconds: 10,
      },
      {
        resourceType: 'lambda',
        resource: 'invoke',
        region: 'eu-west-3',
        parameters: `{"FunctionName":"${FN}","Payload":{"n":2}}`,
      },
    ]);
    const succeeded = result.history.filter((e) => e.type.endsWith('Succeeded'));
    expect(succeeded[0]?.lambdaFunctionSucceededEventDetails).toEqual({
      output: '{"n":1}',
      outputDetails: { truncated: false },
    });
    expect(JSON.parse(String(succeeded[2]?.taskSucceededEventDetails?.output))).toMatchObject({
      Payload: { n: 3 },
      StatusCode: 200,
    });
  });

  it('timestamps move with virtual time', async () => {
    const startMs = Date.UTC(2026, 0, 1);
    const result = await run(chain, { n: 0 }, { handlers, startTime: new Date(startMs) });
    const history = result.history;
    const at = (type: string) => history.find((e) => e.type === type)?.timestamp;
    expect(at('ExecutionStarted')).toBe(new Date(startMs).toISOString());
    expect(at('WaitStateEntered')).toBe(new Date(startMs).toISOString());
    expect(at('WaitStateExited')).toBe(new Date(startMs + 90_000).toISOString());
    expect(history.at(-1)?.timestamp).toBe(new Date(startMs + 90_000).toISOString());
    // Every event before the wait ended has the start time, every one after it the later time.
    const exited = history.findIndex((e) => e.type === 'WaitStateExited');
    for (const [i, event] of history.entries())
      expect(event.timestamp).toBe(new Date(i < exited ? startMs : startMs + 90_000).toISOString());
  });

  it('reading the history mid-run keeps each event its own timestamp', async () => {
    const startMs = Date.UTC(2026, 0, 1);
    const seen: string[][] = [];
    const execution = start(
      chain,
      { n: 0 },
      {
        startTime: new Date(startMs),
        handlers: {
          Work: async (input: unknown) => {
            seen.push(execution.history().map((e) => e.timestamp));
            return { n: ((input as { n?: number }).n ?? 0) + 1 };
          },
        },
      },
    );
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    const final = result.history.map((e) => e.timestamp);
    for (const partial of seen) expect(final.slice(0, partial.length)).toEqual(partial);
    expect(seen.length).toBe(3);
    expect(new Set(final)).toEqual(
      new Set([new Date(startMs).toISOString(), new Date(startMs + 90_000).toISOString()]),
    );
  });

  it('event ids and previous ids hold across history chunks, interleaved branches and mid-run reads', async () => {
    // Two branches of 300 Tasks write 2,400+ events, interleaved: chunks of 16, 32, … 1,024 events are filled, one of
    // 2,048 begun, and each event's previous id is its own branch's last event, not the one before it.
    const branch = (prefix: string) => ({
      StartAt: `${prefix}0`,
      States: Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [
          `${prefix}${i}`,
          { Type: 'Task', Resource: FN, ...(i < 299 ? { Next: `${prefix}${i + 1}` } : { End: true }) },
        ]),
      ),
    });
    const definition = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Branches: [branch('A'), branch('B')], End: true } },
    } as AslDocument;
    let midRun: number[][] = [];
    let calls = 0;
    const execution = start(
      definition,
      { n: 0 },
      {
        handlers: {
          Work: async (input: unknown) => {
            // A read in the middle of a chunk (the recorder then starts new chunks for what follows).
            if (++calls === 350) midRun = execution.history().map((e) => [e.id, e.previousEventId]);
            return { n: ((input as { n?: number }).n ?? 0) + 1 };
          },
        },
      },
    );
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    const history = result.history;
    expect(history.length).toBeGreaterThan(2_400);
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.slice(0, midRun.length).map((e) => [e.id, e.previousEventId])).toEqual(midRun);
    // Every event follows the last event of its own lane: the branch whose state it names.
    const laneOf = new Map<number, string>();
    for (const event of history) {
      const name = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails)?.name;
      const lane =
        typeof name === 'string' && name !== 'Both' ? name.charAt(0) : laneOf.get(event.previousEventId);
      if (lane !== undefined) laneOf.set(event.id, lane);
      if (event.previousEventId > 0 && lane !== undefined && laneOf.has(event.previousEventId))
        expect([event.id, laneOf.get(event.previousEventId)]).toEqual([event.id, lane]);
    }
    expect(history.filter((e) => e.previousEventId !== e.id - 1).length).toBeGreaterThan(500);
  });

  it('the task token a handler sees is $$.Task.Token, new for each attempt', async () => {
    const tokens: string[] = [];
    const result = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: FN,
            Parameters: { 'token.$': '$$.Task.Token' },
            Retry: [{ ErrorEquals: ['Again'], IntervalSeconds: 1 }],
            End: true,
          },
        },
      },
      {},
      {
        handlers: {
          Work: async (input: unknown, context) => {
            const token = context.taskToken ?? '';
            expect((input as { token: string }).token).toBe(token);
            tokens.push(token);
            if (tokens.length < 2) throw Object.assign(new Error('again'), { name: 'Again' });
            return 'done';
          },
        },
      },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('payload bound of small values', () => {
  it('agrees with the exact measure around the quota and for depth', () => {
    const limit = 1000;
    expect(payloadProblem({ a: 'x'.repeat(100) }, limit)).toBeUndefined();
    expect(payloadProblem({ a: 'x'.repeat(1000) }, limit)).toBe('size');
    // Short text whose bound (6 per character) passes the limit but whose size does not.
    expect(payloadProblem({ a: 'x'.repeat(200) }, limit)).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 1001; i++) deep = [deep];
    expect(payloadProblem(deep as never)).toBe('depth');
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(payloadProblem(wide, limit)).toBeUndefined();
    expect(payloadProblem({ ...wide, big: 'y'.repeat(1000) }, limit)).toBe('size');
  });
});
