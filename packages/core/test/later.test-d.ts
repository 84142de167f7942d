import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  fail,
  type InputOf,
  type Later,
  lambda,
  later,
  pass,
  type Ref,
  succeed,
  task,
  workflow,
} from '../src/index.js';

const Job = z.object({ id: z.string(), tries: z.number() });
const Other = z.object({ other: z.boolean() });

describe('later', () => {
  test('a cycle of consts type-checks: the thunk is never inferred (no TS7022)', () => {
    const attempt = task('Attempt', { resource: lambda.invoke('a'), input: Job, output: Job })
      .resultPath(null)
      .catch(
        ['States.ALL'],
        later('Check', () => check, { input: Job }),
        { resultPath: null },
      );
    const check = choice('Check', { input: Job })
      .when(({ input }) => input.tries.numericLessThan(3), attempt)
      .otherwise(fail('GaveUp'));
    workflow('W', { input: Job }).start(attempt).next(succeed('Done'));
    expectTypeOf(check.name).toEqualTypeOf<'Check'>();
  });

  test('a reference is typed by its name and declared input', () => {
    expectTypeOf(later('Check', { input: Job })).toEqualTypeOf<Later<'Check', z.input<typeof Job>>>();
    expectTypeOf<InputOf<ReturnType<typeof later<'X'>>>>().toEqualTypeOf<unknown>();
  });

  test('what flows into a reference is checked against its declared input', () => {
    const start = pass('Start', { input: Other });
    // @ts-expect-error Output of 'Start' lacks `id` (string), `tries` (number) required by the input of 'Check'
    start.next(later('Check', { input: Job }));
    const route = choice('Route', { input: Other });
    const isOn = ({ input }: { readonly input: Ref<z.infer<typeof Other>> }) =>
      input.other.booleanEquals(true);
    // @ts-expect-error Output of 'Route' lacks `id` (string), `tries` (number) required by the input of 'Check'
    route.when(isOn, later('Check', { input: Job }));
    const call = task('Call', { resource: lambda.invoke('c'), input: Other });
    // @ts-expect-error the Error Output is not a Job
    call.catch(['States.ALL'], later('Check', { input: Job }));
    start.next(later('Any'));
  });

  test('nothing can follow a reference', () => {
    // @ts-expect-error "Check" ends its branch
    later('Check').next(succeed('After'));
  });
});
