import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type ErrorOutput, fail, lambda, type StepcraftTypeError, task } from '../src/index.js';

const Order = z.object({ orderId: z.string() });
const charge = task('Charge', { resource: lambda.invoke('c'), input: Order });
const WithError = Order.extend({ error: z.object({ Error: z.string(), Cause: z.string() }) });
const handleError = task('HandleError', { resource: lambda.invoke('h'), input: WithError });

describe('catch', () => {
  test('accepts a handler that takes the Error Output merged at ResultPath', () => {
    charge.catch(['States.ALL'], handleError, { resultPath: '$.error' });
    charge.catch(
      ['States.ALL'],
      task('Raw', {
        resource: lambda.invoke('r'),
        input: z.object({ Error: z.string(), Cause: z.string() }),
      }),
    );
    charge.catch(['States.ALL'], fail('Stop'));
  });

  test('rejects a handler that cannot accept the merged error output', () => {
    // @ts-expect-error with ResultPath $ the handler gets only { Error, Cause }
    charge.catch(['States.ALL'], handleError);
    // @ts-expect-error with ResultPath null the handler gets the Order without error
    charge.catch(['States.ALL'], handleError, { resultPath: null });
    expectTypeOf<Parameters<typeof charge.catch<typeof handleError, '$'>>[1]>().toEqualTypeOf<
      StepcraftTypeError<"Error output of 'Charge' at '$' lacks `error` (object), `orderId` (string) required by the input of 'HandleError'">
    >();
    expectTypeOf<Parameters<typeof charge.catch<typeof handleError, null>>[1]>().toEqualTypeOf<
      StepcraftTypeError<"Error output of 'Charge' at null lacks `error` (object) required by the input of 'HandleError'">
    >();
  });

  test('the Error Output shape', () => {
    expectTypeOf<ErrorOutput>().toEqualTypeOf<{ readonly Error: string; readonly Cause: string }>();
  });
});
