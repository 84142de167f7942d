import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CompileError, choice, fail, lambda, pass, succeed, task, variable, workflow } from '../src/index.js';
import { emit, emitState } from './helpers.js';

const Order = z.object({
  status: z.enum(['NEW', 'PAID', 'SHIPPED']),
  priority: z.union([z.literal(1), z.literal(2)]),
  express: z.boolean(),
  note: z.string().nullable(),
  coupon: z.enum(['A']).optional(),
});
const ship = task('Ship', { resource: lambda.invoke('s'), input: Order });
const hold = pass('Hold');

describe('choice().on(…)', () => {
  test('one rule per value, by the value’s JSON type; arrays become Or', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when(['NEW', 'PAID'], hold, { comment: 'not yet' })
      .when('SHIPPED', succeed('Done'));
    const wf = workflow('W', { input: Order }).start(route);
    expect(emitState(wf, 'Route')).toEqual({
      Type: 'Choice',
      Choices: [
        {
          Or: [
            { Variable: '$.status', StringEquals: 'NEW' },
            { Variable: '$.status', StringEquals: 'PAID' },
          ],
          Comment: 'not yet',
          Next: 'Hold',
        },
        { Variable: '$.status', StringEquals: 'SHIPPED', Next: 'Done' },
      ],
    });
  });

  test('numbers, booleans, null, a missing field and a variable', () => {
    const mode = variable('mode', z.enum(['fast']));
    const byPriority = choice('ByPriority', { input: Order })
      .on(({ input }) => input.priority)
      .when(1, ship)
      .when(2, hold);
    const byFlag = choice('ByFlag', { input: Order })
      .on(({ input }) => input.express)
      .when(true, ship)
      .when(false, hold);
    const byNote = choice('ByNote', { input: Order })
      .on(({ input }) => input.note)
      .when(null, hold)
      .otherwise(ship);
    const byCoupon = choice('ByCoupon', { input: Order })
      .on(({ input }) => input.coupon)
      .when(undefined, hold)
      .when('A', ship);
    const byMode = choice('ByMode', { input: Order })
      .on(() => mode.ref)
      .when('fast', ship)
      .otherwise(hold);
    const states = emit(
      workflow('W', { input: Order })
        .start(pass('Start', { input: Order }).assign(mode, () => 'fast'))
        .next(
          choice('All', { input: Order })
            .when(({ input }) => input.express.booleanEquals(true), byPriority)
            .when(({ input }) => input.express.booleanEquals(false), byFlag)
            .when(({ input }) => input.note.isNull(), byNote)
            .when(({ input }) => input.coupon.isPresent(false), byCoupon)
            .otherwise(byMode),
        ),
    ).States;
    expect(states.ByPriority).toMatchObject({
      Choices: [
        { Variable: '$.priority', NumericEquals: 1, Next: 'Ship' },
        { Variable: '$.priority', NumericEquals: 2, Next: 'Hold' },
      ],
    });
    expect(states.ByFlag).toMatchObject({
      Choices: [
        { Variable: '$.express', BooleanEquals: true, Next: 'Ship' },
        { Variable: '$.express', BooleanEquals: false, Next: 'Hold' },
      ],
    });
    expect(states.ByNote).toMatchObject({
      Choices: [{ Variable: '$.note', IsNull: true, Next: 'Hold' }],
      Default: 'Ship',
    });
    expect(states.ByCoupon).toMatchObject({
      Choices: [
        { Variable: '$.coupon', IsPresent: false, Next: 'Hold' },
        { Variable: '$.coupon', StringEquals: 'A', Next: 'Ship' },
      ],
    });
    expect(states.ByMode).toMatchObject({
      Choices: [{ Variable: '$mode', StringEquals: 'fast', Next: 'Ship' }],
      Default: 'Hold',
    });
  });

  test('JSONata compares with =', () => {
    const route = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .when('NEW', hold)
      .otherwise(fail('Other'));
    const wf = workflow('W', { input: Order, queryLanguage: 'JSONata' }).start(route);
    expect(emitState(wf, 'Route')).toMatchObject({
      Choices: [
        {
          Condition: "{% ($type($states.input.status) = 'string' and $states.input.status = 'NEW') %}",
          Next: 'Hold',
        },
      ],
      Default: 'Other',
    });
  });

  test('refuses a subject that is not a path, and values that are not JSON primitives (JavaScript callers)', () => {
    const route = choice('Route', { input: Order });
    expect(() => route.on(() => 'status' as never)).toThrow(
      /on\(\) of Choice "Route" takes a path such as \(\{ input \}\) => input\.status/,
    );
    const on = route.on(({ input }) => input.status);
    expect(() => on.when({} as never, hold)).toThrow(CompileError);
    expect(() => on.when([] as never, hold)).toThrow(/needs at least one value/);
  });

  test('otherwise() once, as with when()', () => {
    const on = choice('Route', { input: Order })
      .on(({ input }) => input.status)
      .otherwise(hold);
    expect(() => on.otherwise(ship)).toThrow(/already has an otherwise\(\) target/);
  });
});
