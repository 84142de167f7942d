import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type ChoiceSwitch,
  choice,
  fail,
  type InputOf,
  lambda,
  pass,
  type StepcraftTypeError,
  succeed,
  task,
  variable,
  workflow,
} from '../src/index.js';

// choice().on(field).when(value, target)…: without .otherwise(), the Choice can be used only once every value of the
// field's type is handled, and the error names the values left.

const Order = z.object({
  id: z.string(),
  status: z.enum(['NEW', 'PAID', 'SHIPPED']),
  priority: z.union([z.literal(1), z.literal(2)]),
  express: z.boolean(),
  coupon: z.enum(['A', 'B']).optional(),
});
type Order = z.infer<typeof Order>;
const ship = task('Ship', { resource: lambda.invoke('s'), input: Order });
const hold = pass('Hold');
const receive = pass('Receive', { input: Order });

describe('an exhaustive Choice', () => {
  test('accepts a switch that handles every member, without otherwise()', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('NEW', hold)
      .when('PAID', ship)
      .when('SHIPPED', succeed('Done'));
    expectTypeOf<InputOf<typeof route>>().toEqualTypeOf<Order>();
    receive.next(route);
    workflow('Orders', { input: Order }).start(route);
  });

  test('rejects using it while a member is not handled, naming the member and the field', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('NEW', hold)
      .when('PAID', ship);
    // @ts-expect-error Choice 'Route' does not handle 'SHIPPED' of `$.status`: add .when('SHIPPED', …) or .otherwise(…)
    receive.next(route);
    expectTypeOf<Parameters<typeof receive.next<typeof route>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Choice 'Route' does not handle 'SHIPPED' of `$.status`: add .when('SHIPPED', …) or .otherwise(…)">
    >();
    // @ts-expect-error as a workflow's start, a target, a branch…
    workflow('Orders', { input: Order }).start(route);
    // @ts-expect-error … or a Catch handler
    ship.catch(['States.ALL'], route, { resultPath: '$.error' });
  });

  test('names every member left', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('PAID', ship);
    expectTypeOf<InputOf<typeof route>>().toEqualTypeOf<
      StepcraftTypeError<"Choice 'Route' does not handle 'NEW' | 'SHIPPED' of `$.status`: add .when('NEW', …) or .otherwise(…)">
    >();
  });

  test('several values per rule, numbers, booleans and variables', () => {
    const byStatus = choice('ByStatus', { input: Order })
      .on(({ input }) => input.status)
      .when(['NEW', 'PAID'], hold)
      .when('SHIPPED', ship);
    receive.next(byStatus);
    const byPriority = choice('ByPriority', { input: Order })
      .on(({ input }) => input.priority)
      .when(1, ship)
      .when(2, hold);
    receive.next(byPriority);
    const byFlag = choice('ByFlag', { input: Order })
      .on(({ input }) => input.express)
      .when(true, ship)
      .when(false, hold);
    receive.next(byFlag);
    const mode = variable('mode', z.enum(['fast', 'slow']));
    const byMode = choice('ByMode', { input: Order })
      .on(() => mode.ref)
      .when('fast', ship)
      .when('slow', hold);
    receive.next(byMode);
  });

  test('otherwise() makes any switch usable', () => {
    const partial = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('PAID', ship)
      .otherwise(hold);
    receive.next(partial);
    const wide = choice('ById', { input: Order })
      .on(({ input }) => input.id)
      .when('special', ship);
    // @ts-expect-error a string field has more values than any list: it needs otherwise()
    receive.next(wide);
    receive.next(wide.otherwise(hold));
  });

  test('a field that may be missing is handled first (AWS fails any other comparison on a missing field)', () => {
    const byCoupon = choice('ByCoupon', { input: Order }).on(({ input }) => input.coupon);
    // @ts-expect-error `$.coupon` may be missing: handle that first with .when(undefined, …)
    byCoupon.when('A', hold);
    const handled = byCoupon.when(undefined, hold).when('A', ship).when('B', fail('NoB'));
    receive.next(handled);
  });

  test('rejects a value the field cannot hold, or one already handled', () => {
    const route = choice('Route', { input: Order }).on(({ input }) => input.status);
    // @ts-expect-error 'CANCELLED' is not a status
    route.when('CANCELLED', hold);
    // @ts-expect-error 'NEW' is handled already
    route.when('NEW', hold).when('NEW', ship);
  });

  test('a target that cannot take the Choice output is rejected, as with when()', () => {
    const other = pass('Other', { input: z.object({ other: z.string() }) });
    const route = choice('Route', { input: Order }).on(({ input }) => input.status);
    // @ts-expect-error Output of 'Route' lacks `other` (string) required by the input of 'Other'
    route.when('NEW', other);
  });

  test('a switch is a ChoiceSwitch that tracks the values left', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('NEW', hold);
    expectTypeOf(route).toEqualTypeOf<
      ChoiceSwitch<'Route', Order, Order, 'PAID' | 'SHIPPED', '$.status', never>
    >();
  });
});
