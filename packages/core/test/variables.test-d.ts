import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  compile,
  type Expr,
  jsonata,
  lambda,
  pass,
  type Ref,
  States,
  succeed,
  task,
  typed,
  variable,
  workflow,
} from '../src/index.js';

const total = variable('total', z.number());
const label = variable('label', z.string());
const Sum = z.object({ sum: z.number(), name: z.string() });
const sum = task('Sum', { resource: lambda.invoke('sum'), output: Sum, resultSelector: lambda.payload });

describe('typed variables', () => {
  test('accepts reading a variable as a typed ref', () => {
    expectTypeOf(total.ref).toEqualTypeOf<Ref<number, '$total', ''>>();
  });

  test('accepts an assignment of the variable type from the typed result', () => {
    sum.assign(total, ({ result }) => result.sum);
  });

  test('rejects an assignment of another type', () => {
    // @ts-expect-error a string field cannot be stored in a number variable
    sum.assign(total, ({ result }) => result.name);
  });

  test('rejects a literal of another type', () => {
    // @ts-expect-error 'ten' is not a number
    pass('P').assign(total, () => 'ten');
  });

  test('accepts intrinsic results of the variable type', () => {
    pass('P').assign(total, () => States.mathAdd(total.ref, 1));
  });

  test('rejects intrinsic results of another type', () => {
    // @ts-expect-error States.format returns a string
    pass('P').assign(total, () => States.format('{}', total.ref));
  });

  test('rejects a catcher assignment of another type', () => {
    sum.catch(['States.ALL'], pass('H'), {
      // @ts-expect-error error.Cause is a string, total a number
      assign: ({ error }) => [total.set(error.Cause)],
    });
  });

  test('accepts a catcher assignment from the typed Error Output', () => {
    sum.catch(['States.ALL'], pass('H'), { assign: ({ error }) => [label.set(error.Error)] });
  });

  test('accepts comparisons a variable type allows', () => {
    choice('C').when(() => total.ref.numericGreaterThan(1), succeed('S'));
  });

  test('rejects comparisons a variable type does not allow', () => {
    // @ts-expect-error a number variable has no string comparison
    choice('C').when(() => total.ref.stringEquals('x'), succeed('S'));
  });

  test('a Choice assignment reads its typed input', () => {
    choice('C', { input: Sum }).assign(label, ({ input }) => input.name);
    // @ts-expect-error sum is a number
    choice('C', { input: Sum }).assign(label, ({ input }) => input.sum);
  });
});

describe('JSONata', () => {
  test('jsonata<T>() is an expression of T', () => {
    expectTypeOf(jsonata<number>('1 + 1')).toEqualTypeOf<Expr<number>>();
  });

  test('a jsonata<T>() value types the selector output', () => {
    const p = pass('P', { parameters: () => ({ n: jsonata<number>('1') }) });
    pass('Q', { input: z.object({ n: z.number() }) });
    workflow('W')
      .start(p)
      .next(pass('Q', { input: z.object({ n: z.number() }) }));
  });

  test('rejects a jsonata<T>() of the wrong type where a variable is assigned', () => {
    // @ts-expect-error a string expression cannot be stored in a number variable
    pass('P').assign(total, () => jsonata<string>("'x'"));
  });

  test('accepts both query languages per workflow, per state and per compile', () => {
    const wf = workflow('W', { queryLanguage: 'JSONata' }).start(pass('A', { queryLanguage: 'JSONata' }));
    compile(wf, { queryLanguage: 'JSONPath' });
  });

  test('rejects an unknown query language', () => {
    // @ts-expect-error only JSONPath and JSONata exist
    workflow('W', { queryLanguage: 'XPath' });
  });

  test('the workflow type is unchanged by variables (nothing accumulates)', () => {
    const wf = workflow('W', { input: typed<{ a: number }>() })
      .start(pass('A', { input: typed<{ a: number }>() }).assign(total, ({ result }) => result.a))
      .next(pass('B', { input: typed<{ a: number }>() }));
    expectTypeOf(wf['~types'].output).toEqualTypeOf<{ a: number }>();
  });
});
