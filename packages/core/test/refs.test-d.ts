import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  choice,
  lambda,
  type OutputOf,
  parallel,
  pass,
  type Ref,
  States,
  sns,
  succeed,
  task,
} from '../src/index.js';

const done = succeed('Done');

describe('a Parallel result is a tuple of branch outputs', () => {
  const identity = task('Identity', {
    resource: lambda.invoke('id'),
    output: z.object({ identity: z.string() }),
  });
  const address = task('Address', {
    resource: lambda.invoke('ad'),
    output: z.object({ address: z.number() }),
  });

  test('at(i) reads branch i', () => {
    parallel('Validate', {
      branches: [identity, address],
      resultSelector: ({ result }) => {
        expectTypeOf(result.at(0).Payload.identity).toEqualTypeOf<Ref<string>>();
        expectTypeOf(result.at(1).Payload.address).toEqualTypeOf<Ref<number>>();
        // @ts-expect-error branch 1 outputs no identity
        result.at(1).Payload.identity;
        return { id: result.at(0).Payload.identity };
      },
    });
  });

  test('x[i] reads branch i too (a tuple index)', () => {
    parallel('Validate', {
      branches: [identity, address],
      resultSelector: ({ result }) => {
        expectTypeOf(result[0].Payload.identity).toEqualTypeOf<Ref<string>>();
        expectTypeOf(result[1].Payload.address).toEqualTypeOf<Ref<number>>();
        // @ts-expect-error there are two branches
        result[2];
        return { id: result[0].Payload.identity };
      },
    });
  });

  test('an index not known at build time reads any element', () => {
    const list = task('List', { resource: lambda.invoke('l'), output: z.array(z.string()) });
    parallel('P', {
      branches: [list],
      resultSelector: ({ result }) => {
        expectTypeOf(result.at(0).Payload.at(3)).toEqualTypeOf<Ref<string>>();
        return {};
      },
    });
  });
});

describe('a task token inside an intrinsic', () => {
  test('States.format with $$.Task.Token sends the token', () => {
    task('Notify', {
      input: z.object({ id: z.string() }),
      resource: sns.publish('topic').waitForTaskToken(),
      parameters: ({ input, context }) => ({
        url: States.format('https://x/?order={}&token={}', input.id, context.Task.Token),
      }),
    }).next(done);
  });

  test('States.format without it does not', () => {
    task('Notify', {
      input: z.object({ id: z.string() }),
      resource: sns.publish('topic').waitForTaskToken(),
      parameters: ({ input }) => ({ url: States.format('https://x/?order={}', input.id) }),
    })
      // @ts-expect-error no task token in the parameters
      .next(done);
  });
});

describe('refs over unions of objects and arrays', () => {
  // An SQS batch or a direct call: the same Choice reads either shape.
  const Input = z.union([
    z.object({ query: z.string().optional() }),
    z.array(z.object({ body: z.string() })).readonly(),
  ]);

  test('offers the fields of the objects (missing in the other shapes) and the elements of the arrays', () => {
    choice('Parse', { input: Input }).when(({ input }) => {
      expectTypeOf(input.query).toEqualTypeOf<Ref<string | undefined, '$.query', 'Parse'>>();
      expectTypeOf(input.at(0).body).toEqualTypeOf<Ref<string | undefined, '$[0].body', 'Parse'>>();
      return input.query.isPresent();
    }, done);
  });

  test('paths read through them, and they pass on whole', () => {
    const parse = pass('Parse', { input: Input, inputPath: '$[0].body' });
    expectTypeOf<OutputOf<typeof parse>>().toEqualTypeOf<string>();
    const keep = pass('Keep', { input: Input, parameters: ({ input }) => ({ either: input }) });
    expectTypeOf<OutputOf<typeof keep>>().toEqualTypeOf<{ either: z.infer<typeof Input> }>();
  });
});

describe('comparisons on a union-typed field', () => {
  const Messages = z.union([z.string(), z.array(z.object({ Body: z.string() })).readonly()]);

  test('a field that may hold the compared type accepts it (AWS: another type makes the rule false)', () => {
    choice('Any?', { input: Messages }).when(({ input }) => input.stringEquals('No messages'), done);
    choice('Num?', { input: z.object({ n: z.union([z.number(), z.string()]) }) }).when(
      ({ input }) => input.n.numericGreaterThan(3),
      done,
    );
  });

  test('a field that can never hold it is refused', () => {
    choice('Bad', { input: Messages }).when(
      // @ts-expect-error never a number
      ({ input }) => input.numericEquals(1),
      done,
    );
  });
});
