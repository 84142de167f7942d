import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  lambda,
  type Message,
  type Messages,
  map,
  type Param,
  parallel,
  pass,
  type Ref,
  type StepcraftTypeError,
  succeed,
  task,
  typed,
  variable,
} from '../src/index.js';

// Every message is read once and fixed: it leads with the states, names the fields, and sits on the argument that
// is wrong. The wording lives in one table (`Messages`); these tests pin the final texts.

const Order = z.object({ orderId: z.string(), amount: z.number(), address: z.string() });
const Paid = z.object({ orderId: z.string(), amount: z.number() });
const Ship = z.object({ orderId: z.string(), address: z.string(), amount: z.string() });
const pay = task('Pay', {
  resource: lambda.invoke('p'),
  input: Order,
  output: Paid,
  resultSelector: lambda.payload,
});
const ship = task('Ship', { resource: lambda.invoke('s'), input: Ship });
const done = succeed('Done');

describe('wiring', () => {
  test('lists what is missing first', () => {
    // @ts-expect-error Output of 'Pay' lacks `address` (string) required by the input of 'Ship'
    pay.next(ship);
    expectTypeOf<Parameters<typeof pay.next<typeof ship>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Pay' lacks `address` (string) required by the input of 'Ship'">
    >();
  });

  test('then what has the wrong type, counting the rest', () => {
    const wide = task('Wide', {
      resource: lambda.invoke('w'),
      input: Order,
      output: Order,
      resultSelector: lambda.payload,
    });
    const strict = task('Strict', {
      resource: lambda.invoke('s'),
      input: z.object({ orderId: z.number(), amount: z.string(), address: z.string() }),
    });
    expectTypeOf<Parameters<typeof wide.next<typeof strict>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Wide' has `amount` as number where the input of 'Strict' needs string (and 1 more)">
    >();
  });

  test('names nested fields and fields of array items', () => {
    const Nested = z.object({
      customer: z.object({ id: z.string() }),
      lines: z.array(z.object({ sku: z.string() })),
    });
    const from = pass('From', { input: Nested });
    const needsCustomer = pass('NeedsCustomer', {
      input: z.object({ customer: z.object({ id: z.string(), tier: z.string() }) }),
    });
    const needsQty = pass('NeedsQty', { input: z.object({ lines: z.array(z.object({ qty: z.number() })) }) });
    expectTypeOf<Parameters<typeof from.next<typeof needsCustomer>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'From' lacks `customer.tier` (string) required by the input of 'NeedsCustomer'">
    >();
    expectTypeOf<Parameters<typeof from.next<typeof needsQty>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'From' lacks `lines[].qty` (number) required by the input of 'NeedsQty'">
    >();
  });

  test('says so when the types differ as a whole', () => {
    const text = pass('Text', { input: z.string() });
    expectTypeOf<Parameters<typeof pay.next<typeof text>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Pay' (object) does not fit the input of 'Text' (string)">
    >();
  });

  test('says when nothing can follow', () => {
    expectTypeOf<Parameters<typeof done.next<typeof ship>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"'Done' ends its branch (Choice, Succeed or Fail): nothing can follow it">
    >();
  });
});

describe('Choice', () => {
  const Route = z.object({ name: z.string(), total: z.number(), customer: z.object({ tier: z.string() }) });

  test('a comparison the field cannot satisfy names the Choice, the operator and the field path', () => {
    choice('Route', { input: Route })
      // @ts-expect-error Choice 'Route': numericGreaterThan compares numbers, but `$.customer.tier` is a string
      .when(({ input }) => input.customer.tier.numericGreaterThan(5), done);
    type Tier = Ref<string, '$.customer.tier', 'Route'>;
    expectTypeOf<Parameters<Tier['numericGreaterThan']>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Choice 'Route': numericGreaterThan compares numbers, but `$.customer.tier` is a string">
    >();
    expectTypeOf<Parameters<Tier['stringMatches']>[0]>().toEqualTypeOf<string>();
    expectTypeOf<Parameters<Ref<number, '$.total', 'Route'>['stringMatches']>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Choice 'Route': stringMatches compares strings, but `$.total` is a number">
    >();
  });

  test('a variable in a condition is named by its path', () => {
    const total = variable('total', z.number());
    expectTypeOf<Parameters<(typeof total.ref)['stringEquals']>[0]>().toEqualTypeOf<
      StepcraftTypeError<'stringEquals compares strings, but `$total` is a number'>
    >();
  });

  test('conditions written as helpers over plain refs still fit', () => {
    const isBig = ({ input }: { readonly input: Ref<z.infer<typeof Route>> }) =>
      input.total.numericGreaterThan(100);
    choice('Route', { input: Route }).when(isBig, done);
  });
});

describe('Map and Parallel report at the state, not where it is used', () => {
  const Line = z.object({ sku: z.string(), qty: z.number() });
  const Cart = z.object({ id: z.string(), lines: z.array(Line) });
  const pick = task('Pick', {
    resource: lambda.invoke('p'),
    input: z.object({ sku: z.string(), order: z.string() }),
  });

  test('a processor that cannot take the items', () => {
    map('Lines', {
      input: Cart,
      itemsPath: '$.lines',
      // @ts-expect-error Each item of Map 'Lines' lacks `order` (string) required by the input of 'Pick'
      processor: pick,
    });
  });

  test('a processor that cannot take what the ItemSelector builds', () => {
    map('Lines', {
      input: Cart,
      itemsPath: '$.lines',
      itemSelector: ({ input, context }) => ({ sku: context.Map.Item.Value.sku, order: input.id }),
      processor: pick,
    });
    map('Lines', {
      input: Cart,
      itemsPath: '$.lines',
      itemSelector: ({ context }) => ({ sku: context.Map.Item.Value.sku }),
      // @ts-expect-error Each item of Map 'Lines' lacks `order` (string) …
      processor: pick,
    });
  });

  test('a branch that cannot take the Parallel input (or its Parameters)', () => {
    parallel('Both', {
      input: Cart,
      // @ts-expect-error Input of Parallel 'Both' lacks `order` (string), `sku` (string) required by the input of 'Pick'
      branches: [pick, done],
    });
    parallel('Both', {
      input: Cart,
      parameters: ({ input }) => ({ sku: input.id, order: input.id }),
      branches: [pick, done],
    });
  });

  test('a field map() does not have is named', () => {
    map('Lines', {
      input: Cart,
      itemsPath: '$.lines',
      processor: succeed('S'),
      // @ts-expect-error 'maxConcurency' is not a field of map()
      maxConcurency: 2,
    });
  });
});

describe('variables', () => {
  const total = variable('total', z.number());

  test('an assignment of the wrong type names the variable and its type', () => {
    // @ts-expect-error Variable $total holds number: a value of type string cannot be assigned to it
    pass('P', { input: typed<{ name: string }>() }).assign(total, ({ result }) => result.name);
    // @ts-expect-error a literal too
    pass('P').assign(total, () => 'ten');
    // @ts-expect-error and in a catcher's assignments
    pay.catch(['States.ALL'], done, { assign: ({ error }) => [total.set(error.Cause)] });
    expectTypeOf<Parameters<typeof total.set<'ten'>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Variable $total holds number: a value of type 'ten' cannot be assigned to it">
    >();
  });
});

describe('the table', () => {
  test('holds every message, each built from its arguments', () => {
    expectTypeOf<
      Message<'lacks', ["Output of 'A'", 'B', '`x` (string)']>
    >().toEqualTypeOf<"Output of 'A' lacks `x` (string) required by the input of 'B'">();
    expectTypeOf<keyof Messages<[]>>().toExtend<string>();
  });

  test('a checked parameter is the argument type when the check passes, else the message alone', () => {
    expectTypeOf<Param<'$.a', unknown>>().toEqualTypeOf<'$.a'>();
    expectTypeOf<Param<'$.a', StepcraftTypeError<'no'>>>().toEqualTypeOf<StepcraftTypeError<'no'>>();
  });
});
