import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  and,
  type Condition,
  choice,
  lambda,
  type Ref,
  type StepcraftTypeError,
  succeed,
  task,
} from '../src/index.js';

const Order = z.object({
  name: z.string(),
  total: z.number(),
  status: z.enum(['NEW', 'PAID']),
  coupon: z.string().optional(),
  paid: z.boolean(),
});
const done = succeed('Done');

describe('choice conditions', () => {
  test('accepts comparisons that fit the field type', () => {
    choice('Route', { input: Order })
      .when(({ input }) => input.total.numericGreaterThan(10), done)
      .when(({ input }) => input.status.stringEquals('PAID'), done)
      .when(({ input }) => and(input.coupon.isPresent(), input.paid.booleanEquals(true)), done);
  });

  test('rejects a numeric comparison on a string field, with a message', () => {
    choice('Route', { input: Order })
      // @ts-expect-error name is a string
      .when(({ input }) => input.name.numericGreaterThan(5), done);
    expectTypeOf<Parameters<Ref<string, '$.name', 'Route'>['numericGreaterThan']>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Choice 'Route': numericGreaterThan compares numbers, but `$.name` is a string">
    >();
  });

  test('rejects a literal outside an enum and isPresent on a required field', () => {
    choice('Route', { input: Order })
      // @ts-expect-error 'SHIPPED' is not a status
      .when(({ input }) => input.status.stringEquals('SHIPPED'), done)
      // @ts-expect-error total is always present
      .when(({ input }) => input.total.isPresent(), done);
  });

  test('rejects a target that cannot accept the Choice output', () => {
    const other = task('Other', { resource: lambda.invoke('o'), input: z.object({ id: z.number() }) });
    const route = choice('Route', { input: Order });
    // @ts-expect-error Other wants { id: number }
    route.otherwise(other);
    expectTypeOf<Parameters<typeof route.otherwise<typeof other>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Route' lacks `id` (number) required by the input of 'Other'">
    >();
  });

  test('a condition is a Condition', () => {
    expectTypeOf<ReturnType<Ref<number>['numericEquals']>>().toEqualTypeOf<Condition>();
  });
});
