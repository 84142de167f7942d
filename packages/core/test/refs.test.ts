import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  CompileError,
  choice,
  lambda,
  map,
  parallel,
  pass,
  succeed,
  task,
  typed,
  unchecked,
  variable,
  workflow,
} from '../src/index.js';
import { emitState, only } from './helpers.js';

describe('tuple indexes', () => {
  test('result[0] on a Parallel result is element 0 ($[0]), as at(0) is', () => {
    const a = task('A', { resource: lambda.invoke('a'), output: z.object({ id: z.string() }) });
    const b = task('B', { resource: lambda.invoke('b'), output: z.object({ n: z.number() }) });
    const p = parallel('P', {
      branches: [a, b],
      resultSelector: ({ result }) => ({ id: result[0].Payload.id, n: result.at(1).Payload.n }),
    });
    expect(emitState(only(p), 'P')).toMatchObject({
      ResultSelector: { 'id.$': '$[0].Payload.id', 'n.$': '$[1].Payload.n' },
    });
  });

  test('a field of an object or array union reads either shape', () => {
    const Input = z.union([z.object({ query: z.string() }), z.array(z.object({ body: z.string() }))]);
    const direct = pass('Direct');
    const sqs = pass('Sqs', { input: Input, parameters: ({ input }) => ({ body: input.at(0).body }) });
    const route = choice('Parse', { input: Input })
      .when(({ input }) => input.query.isPresent(), direct)
      .otherwise(sqs);
    expect(emitState(only(route), 'Parse')).toMatchObject({
      Choices: [{ Variable: '$.query', IsPresent: true, Next: 'Direct' }],
    });
    expect(emitState(only(route), 'Sqs')).toMatchObject({ Parameters: { 'body.$': '$[0].body' } });
  });
});

describe('a ref in a template literal or with an operator', () => {
  const message = (run: () => unknown): { message: string; state?: string } => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      const [first] = error.diagnostics;
      return { message: first?.message ?? '', ...(first?.state === undefined ? {} : { state: first.state }) };
    }
    throw new Error('expected a CompileError');
  };

  test('is reported at build time with the state, the field and the line of the selector', () => {
    const found = message(() =>
      task('Notify', {
        resource: lambda.invoke('n'),
        input: typed<{ orderId: string }>(),
        parameters: ({ input }) => ({ subject: `order-${input.orderId}` }),
      }),
    );
    expect(found.state).toBe('Notify');
    expect(found.message).toMatch(
      /^Parameters of "Notify": A reference was used with a JavaScript operator or in a template literal at packages\/core\/test\/refs\.test\.ts:\d+:\d+: use States\.format/,
    );
  });

  test('in conditions, assignments and catchers too', () => {
    const route = choice('Route', { input: typed<{ n: number }>() });
    expect(
      message(() => route.when(({ input }) => input.n.numericEquals(+`${input.n}`), succeed('S'))),
    ).toMatchObject({
      state: 'Route',
      message: expect.stringMatching(/^A condition of Choice "Route": A reference was used/),
    });
    const label = variable('label', z.string());
    expect(
      message(() =>
        pass('P', { input: typed<{ n: number }>() }).assign(label, ({ result }) => `n=${result.n}`),
      ),
    ).toMatchObject({ state: 'P', message: expect.stringMatching(/^assign on "P": /) });
  });
});

describe('unchecked()', () => {
  test('emits the state as it is', () => {
    const head = task('Head', { resource: lambda.invoke('h'), input: typed<{ Bucket: string }>() });
    const ingest = task('Ingest', { resource: lambda.invoke('i') });
    const wf = workflow('W').start(ingest.next(unchecked(head)));
    expect(emitState(wf, 'Ingest')).toMatchObject({ Next: 'Head' });
    expect(emitState(wf, 'Head')).toMatchObject({ Type: 'Task', End: true });
  });
});

describe('a Map with an ItemBatcher', () => {
  test('emits the batcher (the processor types take the batch)', () => {
    const m = map('Batch', {
      input: typed<{ rows: { id: string }[]; table: string }>(),
      itemsPath: '$.rows',
      mode: 'distributed',
      itemBatcher: { maxItemsPerBatch: 10, batchInput: ({ input }) => ({ table: input.table }) },
      processor: pass('Each', { input: typed<{ Items: { id: string }[]; BatchInput: { table: string } }>() }),
    });
    expect(emitState(only(m), 'Batch')).toMatchObject({
      ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { 'table.$': '$.table' } },
    });
  });
});
