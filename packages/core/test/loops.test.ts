import { validate } from '@stepcraft/asl';
import { type HistoryEvent, run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  CompileError,
  choice,
  compile,
  fail,
  lambda,
  later,
  map,
  pass,
  States,
  succeed,
  task,
  variable,
  workflow,
} from '../src/index.js';
import { emit } from './helpers.js';

const Job = z.object({ id: z.string(), failTimes: z.number() });
const Counter = z.object({ n: z.number() });

function codesOf(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof CompileError) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

const entered = (history: readonly HistoryEvent[], name: string) =>
  history.filter((e) => e.type.endsWith('StateEntered') && e.stateEnteredEventDetails?.name === name).length;

// T --Catch--> RetryCheck (Choice: tries < 3 → T, else → GaveUp): no Next edge closes this cycle.
function retryLoop() {
  const tries = variable('tries', z.number());
  const init = pass('Init', { input: Job }).assign(tries, () => 0);
  const attempt = task('Attempt', {
    resource: lambda.invoke('Flaky'),
    input: Job,
    parameters: ({ input }) => ({ id: input.id, failTimes: input.failTimes, tries: tries.ref }),
    handler: (payload) => {
      if (payload.tries < payload.failTimes) throw Object.assign(new Error('busy'), { name: 'Flaky.Busy' });
      return { id: payload.id, tries: payload.tries };
    },
    output: z.object({ id: z.string(), tries: z.number() }),
    resultSelector: ({ result }) => ({ id: result.Payload.id, tries: result.Payload.tries }),
  })
    .resultPath('$.result')
    .catch(
      ['States.ALL'],
      later('RetryCheck', () => retryCheck, { input: Job }),
      {
        resultPath: null,
        assign: () => [tries.set(States.mathAdd(tries.ref, 1))],
      },
    );
  const retryCheck = choice('RetryCheck', { input: Job })
    .when(() => tries.ref.numericLessThan(3), attempt)
    .otherwise(fail('GaveUp', { error: 'GaveUp', cause: 'Three failures' }));
  return workflow('RetryLoop', { input: Job }).start(init).next(attempt).next(succeed('Done'));
}

// Check (Choice) → Work → Check, entered at the Choice.
function whileLoop(resolveByName: boolean) {
  const check = resolveByName
    ? later('Check', { input: Counter })
    : later('Check', () => checkState, { input: Counter });
  const work = pass('Work', {
    input: Counter,
    parameters: ({ input }) => ({ n: States.mathAdd(input.n, 1) }),
  }).next(check);
  const checkState = choice('Check', { input: Counter })
    .when(({ input }) => input.n.numericLessThan(3), work)
    .otherwise(succeed('Done'));
  return workflow('While', { input: Counter }).start(checkState);
}

// Two Choices that target each other; a visit counter ends the ping-pong.
function pingPong() {
  const visits = variable('visits', z.number());
  const ping = choice('Ping', { input: Counter })
    .assign(visits, () => States.mathAdd(visits.ref, 1))
    .when(() => visits.ref.numericGreaterThanEquals(2), succeed('Done'))
    .otherwise(later('Pong', () => pong));
  const pong = choice('Pong', { input: Counter })
    .when(({ input }) => input.n.numericGreaterThan(10), succeed('Big'))
    .otherwise(ping);
  const init = pass('Init', { input: Counter }).assign(visits, () => 0);
  return workflow('PingPong', { input: Counter }).start(init).next(ping);
}

describe('later(): loops whose every edge is a Catch or a Choice branch', () => {
  test('a Catch into a Choice that loops back to the Task', async () => {
    const wf = retryLoop();
    const doc = emit(wf);
    expect(validate(doc)).toEqual([]);
    expect(Object.keys(doc.States)).toEqual(['Init', 'Attempt', 'Done', 'RetryCheck', 'GaveUp']);
    expect(doc.States.Attempt).toMatchObject({
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'RetryCheck' }],
      Next: 'Done',
    });
    expect(doc.States.RetryCheck).toMatchObject({ Choices: [{ Next: 'Attempt' }], Default: 'GaveUp' });
    const compiled = compile(wf);
    const ok = await run(compiled, { id: 'j', failTimes: 2 });
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.output).toEqual({ id: 'j', failTimes: 2, result: { id: 'j', tries: 2 } });
    expect(entered(ok.history, 'RetryCheck')).toBe(2);
    const gaveUp = await run(compiled, { id: 'j', failTimes: 9 });
    expect(gaveUp.status).toBe('FAILED');
    expect(gaveUp.error).toBe('GaveUp');
    expect(entered(gaveUp.history, 'Attempt')).toBe(3);
  });

  test('the same loop compiles to JSONata and runs the same', async () => {
    const compiled = compile(retryLoop(), { queryLanguage: 'JSONata' });
    expect(validate(compiled.definition)).toEqual([]);
    const ok = await run(compiled, { id: 'j', failTimes: 1 });
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.output).toEqual({ id: 'j', failTimes: 1, result: { id: 'j', tries: 1 } });
  });

  test.each([
    ['with the state', false],
    ['by name', true],
  ])('a while loop entered at its Choice (%s)', async (_, byName) => {
    const wf = whileLoop(byName);
    const doc = emit(wf);
    expect(doc.StartAt).toBe('Check');
    expect(doc.States.Work).toMatchObject({ Next: 'Check' });
    expect(doc.States.Check).toMatchObject({ Choices: [{ Next: 'Work' }], Default: 'Done' });
    const result = await run(compile(wf), { n: 0 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ n: 3 });
    expect(entered(result.history, 'Check')).toBe(4);
  });

  test('two Choices that target each other', async () => {
    const wf = pingPong();
    const doc = emit(wf);
    expect(doc.States.Ping).toMatchObject({ Default: 'Pong' });
    expect(doc.States.Pong).toMatchObject({ Default: 'Ping' });
    const result = await run(compile(wf), { n: 7 });
    expect(result.status).toBe('SUCCEEDED');
    expect(entered(result.history, 'Ping')).toBe(3);
    expect(entered(result.history, 'Pong')).toBe(2);
    const big = await run(compile(wf), { n: 11 });
    expect(big.history.at(-1)?.type).toBe('ExecutionSucceeded');
    expect(entered(big.history, 'Big')).toBe(1);
  });

  test('a loop inside a Map processor', async () => {
    const work = pass('Bump', {
      input: Counter,
      parameters: ({ input }) => ({ n: States.mathAdd(input.n, 1) }),
    }).next(later('Loop', { input: Counter }));
    const loop = choice('Loop', { input: Counter })
      .when(({ input }) => input.n.numericLessThan(2), work)
      .otherwise(succeed('Stop'));
    const wf = workflow('M', { input: z.object({ items: z.array(Counter) }) }).start(
      map('Each', { input: z.object({ items: z.array(Counter) }), itemsPath: '$.items', processor: loop }),
    );
    const result = await run(compile(wf), { items: [{ n: 0 }, { n: 5 }] });
    expect(result.output).toEqual([{ n: 2 }, { n: 5 }]);
  });

  test('a reference to no state is UNRESOLVED_REFERENCE, naming the state and the field', () => {
    const wf = workflow('W', { input: Counter }).start(
      pass('A', { input: Counter }).next(later('Nowhere', { input: Counter })),
    );
    try {
      compile(wf);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      const [d] = (error as CompileError).diagnostics;
      expect(d).toMatchObject({ code: 'UNRESOLVED_REFERENCE', state: 'A', pointer: '/States/A/Next' });
      expect(d?.message).toContain('"Nowhere"');
    }
    expect(codesOf(() => compile(workflow('W').start(later('Ghost'))))).toEqual(['UNRESOLVED_REFERENCE']);
  });

  test('a reference resolving to another name, a thunk run too early, a mismatched schema', () => {
    const a = succeed('A');
    expect(codesOf(() => compile(workflow('W').start(later('B', () => a))))).toEqual(['LATER_NAME_MISMATCH']);
    expect(codesOf(() => compile(workflow('W').start(later('B', () => 42))))).toEqual(['NOT_A_STATE']);
    expect(
      codesOf(() =>
        map('M', {
          input: z.array(Counter),
          processor: pass('P', { input: Counter }).next(later('Early', () => early)),
        }),
      ),
    ).toEqual(['LATER_UNRESOLVED']);
    const early = succeed('Early');
    const other = z.object({ n: z.number() });
    const target = succeed('T', { input: Counter });
    const wf = workflow('W', { input: Counter }).start(
      pass('P', { input: Counter }).next(later('T', () => target, { input: other })),
    );
    expect(codesOf(() => compile(wf))).toEqual(['REFERENCE_INPUT_MISMATCH']);
  });

  test('nothing can follow a reference', () => {
    const ref = later('X') as unknown as { next(n: unknown): unknown };
    expect(codesOf(() => ref.next(succeed('Y')))).toEqual(['CHAIN_CLOSED']);
  });

  test('a reference is a value: reused, it resolves its state once', () => {
    const check = later('Check', () => checkState, { input: Counter });
    const bump = (name: string) =>
      pass(name, { input: Counter, parameters: ({ input }) => ({ n: States.mathAdd(input.n, 1) }) }).next(
        check,
      );
    const checkState = choice('Check', { input: Counter })
      .when(({ input }) => input.n.numericLessThan(2), bump('A'))
      .when(({ input }) => input.n.numericLessThan(4), bump('B'))
      .otherwise(succeed('Done'));
    const doc = emit(workflow('W', { input: Counter }).start(bump('Start')));
    expect(Object.keys(doc.States)).toEqual(['Start', 'Check', 'A', 'B', 'Done']);
  });
});
