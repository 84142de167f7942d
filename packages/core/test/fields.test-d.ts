import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  lambda,
  map,
  pass,
  type RuleTargetCheck,
  type StepcraftTypeError,
  succeed,
  task,
  wait,
} from '../src/index.js';

const Order = z.object({ kind: z.string(), id: z.string(), delay: z.number() });
const Picked = z.object({ picked: z.string() });

describe('typed fields', () => {
  test('a rule output must suit its target', () => {
    const pick = choice('Pick', { input: Order });
    const ok = pick.when(({ input }) => input.kind.stringEquals('a'), pass('A', { input: Picked }), {
      output: ({ input }) => ({ picked: input.id }),
    });
    expectTypeOf(ok.name).toEqualTypeOf<'Pick'>();
    // @ts-expect-error Rule output of 'Pick' lacks `picked` (string) required by the input of 'A'
    pick.when(({ input }) => input.kind.stringEquals('a'), pass('A', { input: Picked }), {
      output: ({ input }) => ({ other: input.id }),
    });
    expectTypeOf<
      RuleTargetCheck<
        'Pick',
        string,
        ReturnType<typeof pass<'A', typeof Picked>>,
        { other: string },
        'output'
      >
    >().toEqualTypeOf<
      StepcraftTypeError<"Rule output of 'Pick' lacks `picked` (string) required by the input of 'A'">
    >();
    // @ts-expect-error without an output, the Choice's own output goes to the target
    pick.when(({ input }) => input.kind.stringEquals('a'), pass('A', { input: Picked }));
  });

  test('computed Wait durations have the right type', () => {
    wait('W', { input: Order, seconds: ({ input }) => input.delay });
    // @ts-expect-error a string is not a number of seconds
    wait('W', { input: Order, seconds: ({ input }) => input.id });
    wait('W', { input: Order, timestamp: ({ input }) => input.id });
    // @ts-expect-error a number is not a timestamp
    wait('W', { input: Order, timestamp: ({ input }) => input.delay });
  });

  test('credentials and map reader fields are typed by the input', () => {
    task('T', {
      resource: lambda.invoke('t'),
      input: Order,
      credentials: ({ input }) => ({ roleArn: input.id }),
    });
    task('T', {
      resource: lambda.invoke('t'),
      input: Order,
      // @ts-expect-error a role ARN is a string
      credentials: ({ input }) => ({ roleArn: input.delay }),
    });
    map('M', {
      input: Order,
      mode: 'distributed',
      processor: succeed('S'),
      itemReader: { resource: 's3:listObjectsV2', parameters: ({ input }) => ({ Bucket: input.id }) },
      toleratedFailureCount: ({ input }) => input.delay,
    });
    map('M', {
      input: Order,
      mode: 'distributed',
      processor: succeed('S'),
      // @ts-expect-error getObject needs an inputType and a Key
      itemReader: { resource: 's3:getObject', parameters: { Bucket: 'b' } },
    });
  });
});
