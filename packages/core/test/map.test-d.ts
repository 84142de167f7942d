import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type InputOf,
  lambda,
  map,
  type OutputOf,
  pass,
  type StepcraftTypeError,
  task,
  typed,
  unchecked,
} from '../src/index.js';

const Row = z.object({ id: z.string() });
const Rows = z.array(Row);
type Row = z.infer<typeof Row>;

describe('a Map with an ItemBatcher gives its processor batches', () => {
  test('{ Items } with raw ASL or options without BatchInput', () => {
    const write = task('Write', { resource: lambda.invoke('w'), input: typed<{ Items: Row[] }>() });
    map('Batch', {
      input: Rows,
      mode: 'distributed',
      itemBatcher: { MaxItemsPerBatch: 25 },
      processor: write,
    });
    map('Batch', {
      input: Rows,
      mode: 'distributed',
      itemBatcher: { maxItemsPerBatch: 25 },
      processor: write,
    });
    const m = map('Batch', {
      input: z.object({ rows: Rows, size: z.number() }),
      itemsPath: '$.rows',
      mode: 'distributed',
      itemBatcher: { maxItemsPerBatch: ({ input }) => input.size },
      processor: pass('Each'),
    });
    expectTypeOf<OutputOf<typeof m>>().toEqualTypeOf<{ Items: Row[] }[]>();
  });

  test('{ Items, BatchInput } when the batcher builds one', () => {
    const m = map('Batch', {
      input: z.object({ rows: Rows, table: z.string() }),
      itemsPath: '$.rows',
      mode: 'distributed',
      itemBatcher: { maxItemsPerBatch: 10, batchInput: ({ input }) => ({ table: input.table }) },
      processor: pass('Each'),
    });
    expectTypeOf<OutputOf<typeof m>>().toEqualTypeOf<{ Items: Row[]; BatchInput: { table: string } }[]>();
  });

  test('rejects a processor that expects single items, naming the batch', () => {
    const one = task('One', { resource: lambda.invoke('o'), input: Row });
    map('Batch', {
      input: Rows,
      mode: 'distributed',
      itemBatcher: { MaxItemsPerBatch: 25 },
      // @ts-expect-error Each batch of Map 'Batch' lacks `id` (string) required by the input of 'One'
      processor: one,
    });
  });

  test('rejects a batcher field that is not one', () => {
    // @ts-expect-error not an ItemBatcher
    map('Batch', { input: Rows, mode: 'distributed', itemBatcher: { bogus: 1 }, processor: pass('Each') });
  });
});

describe('unchecked() leaves one edge unchecked', () => {
  // An imported definition that reads a Lambda Invoke envelope as if it were the function's payload.
  const ingest = task('Ingest', { resource: lambda.invoke('i'), input: typed<{ key: string }>() });
  const head = task('Head', {
    resource: lambda.invoke('h'),
    input: typed<{ Bucket: string; Key: string }>(),
  });

  test('the edge that does not fit is accepted, with the state unchanged', () => {
    // @ts-expect-error Output of 'Ingest' lacks `Bucket` (string), `Key` (string): it is the Invoke envelope
    ingest.next(head);
    const chain = ingest.next(unchecked(head));
    expectTypeOf<InputOf<typeof chain>>().toEqualTypeOf<{ key: string }>();
    expectTypeOf<OutputOf<typeof chain>>().toEqualTypeOf<OutputOf<typeof head>>();
    expectTypeOf<InputOf<ReturnType<typeof unchecked<typeof head>>>>().toEqualTypeOf<unknown>();
  });

  test('the check that would have applied', () => {
    expectTypeOf<Parameters<typeof ingest.next<typeof head>>[0]>().toEqualTypeOf<
      StepcraftTypeError<"Output of 'Ingest' lacks `Bucket` (string), `Key` (string) required by the input of 'Head'">
    >();
  });
});
