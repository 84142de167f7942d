import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  fail,
  type InputOf,
  lambda,
  later,
  map,
  type OutputOf,
  parallel,
  pass,
  type Same,
  type StepcraftTypeError,
  succeed,
  task,
  wait,
  workflow,
} from '../src/index.js';

// The retry-backoff pattern: a fragment led by a Wait, joined wherever a retry starts over.
const Request = z.object({ requestId: z.string(), tries: z.number() });
const Other = z.object({ other: z.boolean() });
type Request = z.infer<typeof Request>;
const attempt = task('Attempt', { resource: lambda.invoke('a'), input: Request });
const backoff = wait('Backoff', { seconds: 2 }).next(attempt);
const start = pass('Start', { input: Request });
const elsewhere = pass('Elsewhere', { input: Other });

describe('a state that does not change its data passes its type through', () => {
  test('a fragment led by one takes the input the states after it need', () => {
    expectTypeOf<InputOf<typeof backoff>>().toEqualTypeOf<Request>();
    const longer = pass('P')
      .next(wait('W', { seconds: 1 }))
      .next(attempt);
    expectTypeOf<InputOf<typeof longer>>().toEqualTypeOf<Request>();
    const pause = wait('W', { seconds: 1 });
    expectTypeOf<OutputOf<typeof pause>>().toEqualTypeOf<Same>();
  });

  test('accepts it after a state whose output has what it needs', () => {
    start.next(backoff);
    workflow('Retry', { input: Request }).start(backoff);
  });

  test('rejects it after a state whose output lacks what it needs, naming the fields', () => {
    // @ts-expect-error Output of 'Elsewhere' lacks `requestId` (string), `tries` (number) …
    elsewhere.next(backoff);
    expectTypeOf<Parameters<typeof elsewhere.next<typeof backoff>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Elsewhere' lacks `requestId` (string), `tries` (number) required by the input of 'Backoff'">
    >();
    // @ts-expect-error an untyped workflow input is not a Request
    workflow('Retry').start(backoff);
  });

  test('is checked where it is joined: Choice targets, Catch handlers, branches, processors, loops', () => {
    const route = choice('Route', { input: Other });
    // @ts-expect-error Output of 'Route' lacks `requestId` …
    route.otherwise(backoff);
    choice('Retry?', { input: Request }).otherwise(backoff);

    const call = task('Call', { resource: lambda.invoke('c'), input: Other });
    // @ts-expect-error Error output of 'Call' at null lacks `requestId` …
    call.catch(['States.ALL'], backoff, { resultPath: null });
    task('Call', { resource: lambda.invoke('c'), input: Request }).catch(['States.ALL'], backoff, {
      resultPath: '$.error',
    });

    // @ts-expect-error Input of Parallel 'Both' lacks `requestId` …
    parallel('Both', { input: Other, branches: [backoff] });
    parallel('Both', { input: Request, branches: [backoff] });

    // @ts-expect-error Each item of Map 'Each' lacks `requestId` …
    map('Each', { input: z.array(Other), processor: backoff });
    map('Each', { input: z.array(Request), processor: backoff });

    // A loop back to the fragment through later(): what flows in is checked against the declared input.
    const loop = later('Backoff', () => backoff, { input: Request });
    // @ts-expect-error Output of 'Elsewhere' lacks `requestId` …
    elsewhere.next(loop);
  });

  test('a Choice without an input needs what its targets need', () => {
    const router = choice('Router')
      .when(({ input }) => input.isPresent(), attempt)
      .otherwise(fail('Stop'));
    expectTypeOf<InputOf<typeof router>>().toEqualTypeOf<Request>();
    start.next(router);
    // @ts-expect-error Output of 'Elsewhere' lacks `requestId` …
    elsewhere.next(router);
    const both = choice('Both')
      .when(({ input }) => input.isPresent(), attempt)
      .otherwise(elsewhere);
    expectTypeOf<InputOf<typeof both>>().toEqualTypeOf<Request & { other: boolean }>();
  });

  test('Pass without Result or Parameters, and Succeed, pass through', () => {
    const chain = start.next(pass('Keep')).next(succeed('Done'));
    expectTypeOf<OutputOf<typeof chain>>().toEqualTypeOf<Request>();
    const keep = pass('Keep');
    expectTypeOf<OutputOf<typeof keep>>().toEqualTypeOf<Same>();
    // resultPath(null) and '$' keep a pass-through Pass pass-through; elsewhere its result has no declared type.
    const kept = keep.resultPath(null);
    expectTypeOf<OutputOf<typeof kept>>().toEqualTypeOf<Same>();
    const copied = keep.resultPath('$.copy');
    expectTypeOf<OutputOf<typeof copied>>().toEqualTypeOf<{ copy: unknown }>();
  });

  test('a declared input still decides: the state then checks, and passes its effective input on', () => {
    const typed = wait('Typed', { input: Request, inputPath: '$.requestId', seconds: 1 });
    expectTypeOf<OutputOf<typeof typed>>().toEqualTypeOf<string>();
    // @ts-expect-error Output of 'Elsewhere' lacks `requestId` …
    elsewhere.next(typed);
  });

  test('paths into a state without a declared input say so', () => {
    // @ts-expect-error Path '$.requestId' reads the input of 'Untyped', which has no declared type
    wait('Untyped', { seconds: 1, inputPath: '$.requestId' });
  });
});

describe('ResultPath into a value that cannot hold fields', () => {
  const Cart = z.object({ total: z.number(), items: z.array(z.string()), note: z.string().nullable() });
  const price = task('Price', { resource: lambda.invoke('p'), input: Cart, output: z.string() });

  test('rejects it, naming the path, the state and what is there (AWS: States.ResultPathMatchFailure)', () => {
    // @ts-expect-error `$.total` is a number
    price.resultPath('$.total.currency');
    expectTypeOf<Parameters<typeof price.resultPath<'$.total.currency'>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"ResultPath '$.total.currency' of 'Price' writes into `$.total` (number): AWS fails that with States.ResultPathMatchFailure">
    >();
    // @ts-expect-error an array holds no fields
    price.resultPath('$.items.first');
    // @ts-expect-error a field that may be null cannot take a field either
    price.resultPath('$.note.text');
    // @ts-expect-error the raw input itself is a string
    task('Upper', { resource: lambda.invoke('u'), input: z.string() }).resultPath('$.upper');
  });

  test('rejects it in a catcher too', () => {
    // @ts-expect-error ResultPath '$.total.error' of the catcher of 'Price' writes into `$.total` (number) …
    price.catch(['States.ALL'], fail('F'), { resultPath: '$.total.error' });
  });

  test('accepts new fields, nested new objects, existing objects and optional ones', () => {
    price.resultPath('$.currency');
    price.resultPath('$.pricing.currency');
    pass('Tier', {
      input: z.object({ customer: z.object({ id: z.string() }).optional() }),
      result: 1,
    }).resultPath('$.customer.tier');
    price.catch(['States.ALL'], fail('F'), { resultPath: '$.error' });
  });
});
