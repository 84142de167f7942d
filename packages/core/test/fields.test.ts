import { type AslDocument, validate } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  type CompilableWorkflow,
  CompileError,
  choice,
  compile,
  jsonata,
  lambda,
  map,
  pass,
  States,
  succeed,
  task,
  variable,
  wait,
  workflow,
} from '../src/index.js';
import { expectValidAsl, only } from './helpers.js';

/** Compiles to both languages; each document passes our validator and asl-validator. */
function both(wf: CompilableWorkflow): { jsonPath: AslDocument; jsonata: AslDocument } {
  const [jsonPath, jsonataDoc] = (['JSONPath', 'JSONata'] as const).map((queryLanguage) => {
    const { definition } = compile(wf, { queryLanguage });
    expect(validate(definition)).toEqual([]);
    expectValidAsl(definition);
    return JSON.parse(JSON.stringify(definition)) as AslDocument;
  });
  return { jsonPath: jsonPath as AslDocument, jsonata: jsonataDoc as AslDocument };
}

function codesOf(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof CompileError) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

const Delay = z.object({ delay: z.number(), at: z.string() });

describe('wait: computed durations and assign', () => {
  test('seconds and timestamp from a selector, a variable, or JSONata', () => {
    const pause = variable('pause', z.number());
    const fromInput = wait('FromInput', { input: Delay, seconds: ({ input }) => input.delay });
    const fromVariable = wait('FromVariable', { input: Delay, seconds: pause.ref });
    const until = wait('Until', { input: Delay, timestamp: ({ input }) => input.at });
    const wf = workflow('W', { input: Delay })
      .start(pass('Init', { input: Delay }).assign(pause, () => 1))
      .next(fromInput)
      .next(fromVariable)
      .next(until);
    const { jsonPath, jsonata: ata } = both(wf);
    expect(jsonPath.States.FromInput).toMatchObject({ SecondsPath: '$.delay' });
    expect(jsonPath.States.FromVariable).toMatchObject({ SecondsPath: '$pause' });
    expect(jsonPath.States.Until).toMatchObject({ TimestampPath: '$.at' });
    expect(ata.States.FromInput).toMatchObject({ Seconds: '{% $states.input.delay %}' });
    expect(ata.States.FromVariable).toMatchObject({ Seconds: '{% $pause %}' });
    expect(ata.States.Until).toMatchObject({ Timestamp: '{% $states.input.at %}' });
  });

  test('a jsonata() duration needs JSONata; a constant selector stays a constant', () => {
    const w = wait('Twice', { input: Delay, seconds: jsonata<number>('$states.input.delay * 2') });
    expect(compile(only(w), { queryLanguage: 'JSONata' }).definition.States.Twice).toMatchObject({
      Seconds: '{% ($states.input.delay * 2) %}',
    });
    expect(codesOf(() => compile(only(w)))).toEqual(['JSONATA_IN_JSONPATH']);
    const sum = wait('Sum', { input: Delay, seconds: ({ input }) => States.mathAdd(input.delay, 1) });
    expect(codesOf(() => compile(only(sum)))).toEqual(['PATH_REQUIRED']);
    expect(compile(only(wait('Five', { seconds: () => 5 as never }))).definition.States.Five).toMatchObject({
      Seconds: 5,
    });
  });

  test('assign on a Wait, and a run that waits the computed time', async () => {
    const waited = variable('waited', z.number());
    const w = wait('Pause', { input: Delay, seconds: ({ input }) => input.delay }).assign(
      waited,
      ({ input }) => input.delay,
    );
    const wf = workflow('W', { input: Delay })
      .start(w)
      .next(pass('Out', { parameters: () => ({ waited: waited.ref }) }));
    const { jsonPath, jsonata: ata } = both(wf);
    expect(jsonPath.States.Pause).toMatchObject({ Assign: { 'waited.$': '$.delay' } });
    expect(ata.States.Pause).toMatchObject({ Assign: { waited: '{% $states.input.delay %}' } });
    for (const queryLanguage of ['JSONPath', 'JSONata'] as const) {
      const result = await run(compile(wf, { queryLanguage }), { delay: 7, at: '' });
      expect(result.output).toEqual({ waited: 7 });
      const [entered, exited] = result.history
        .filter((e) => e.type.startsWith('WaitState'))
        .map((e) => Date.parse(e.timestamp));
      expect((exited ?? 0) - (entered ?? 0)).toBe(7000);
    }
  });
});

const Order = z.object({ kind: z.string(), id: z.string() });

describe('choice: per-rule Assign and Output', () => {
  const route = variable('route', z.string());
  const seen = variable('seen', z.boolean());
  const Picked = z.object({ picked: z.string() });
  const flow = () => {
    const pick = choice('Pick', { input: Order })
      .assign(seen, () => true)
      .when(({ input }) => input.kind.stringEquals('a'), pass('A', { input: Picked }), {
        assign: ({ input }) => [route.set(input.id)],
        output: ({ input }) => ({ picked: input.id }),
      })
      .otherwise(pass('B', { input: Order }));
    return workflow('W', { input: Order }).start(pick);
  };

  test("a rule merges its Assign with the state's; Output is emitted in JSONata", async () => {
    const { definition } = compile(flow(), { queryLanguage: 'JSONata' });
    expect(validate(definition)).toEqual([]);
    expectValidAsl(definition);
    expect(definition.States.Pick).toMatchObject({
      Choices: [
        {
          Output: { picked: '{% $states.input.id %}' },
          Assign: { seen: true, route: '{% $states.input.id %}' },
          Next: 'A',
        },
      ],
      Assign: { seen: true },
      Default: 'B',
    });
    const result = await run(compile(flow(), { queryLanguage: 'JSONata' }), { kind: 'a', id: 'x' });
    expect(result.output).toEqual({ picked: 'x' });
  });

  test('a rule Output in JSONPath is CHOICE_RULE_OUTPUT; a rule Assign is fine', () => {
    expect(codesOf(() => compile(flow()))).toEqual(['CHOICE_RULE_OUTPUT']);
    const pick = choice('Pick', { input: Order })
      .when(({ input }) => input.kind.stringEquals('a'), succeed('A'), {
        assign: ({ input }) => [route.set(input.id)],
      })
      .otherwise(succeed('B'));
    const { jsonPath } = both(workflow('W', { input: Order }).start(pick));
    expect(jsonPath.States.Pick).toMatchObject({ Choices: [{ Assign: { 'route.$': '$.id' } }] });
  });

  test("a variable a rule assigns is readable on that rule's path only", () => {
    const reads = pass('Reads', { parameters: () => ({ r: route.ref }) });
    const pick = choice('Pick', { input: Order })
      .when(({ input }) => input.kind.stringEquals('a'), reads, {
        assign: ({ input }) => [route.set(input.id)],
      })
      .otherwise(succeed('B'));
    expect(codesOf(() => compile(workflow('W', { input: Order }).start(pick)))).toEqual([]);
    const both2 = choice('Pick', { input: Order })
      .when(({ input }) => input.kind.stringEquals('a'), reads, {
        assign: ({ input }) => [route.set(input.id)],
      })
      .otherwise(reads);
    expect(codesOf(() => compile(workflow('W', { input: Order }).start(both2)))).toEqual([
      'VARIABLE_UNASSIGNED',
    ]);
  });

  test('a JSONata Choice with an OutputPath keeps it on matched rules too', async () => {
    const pick = choice('Pick', { input: z.object({ inner: Order }), inputPath: '$.inner' })
      .when(({ input }) => input.kind.stringEquals('a'), succeed('A'))
      .otherwise(succeed('B'));
    const compiled = compile(workflow('W', { input: z.object({ inner: Order }) }).start(pick), {
      queryLanguage: 'JSONata',
    });
    const result = await run(compiled, { inner: { kind: 'a', id: 'x' } });
    expect(result.output).toEqual({ kind: 'a', id: 'x' });
  });
});

describe('task: credentials', () => {
  test('constant or read from the input, in both languages', async () => {
    const Input = z.object({ role: z.string() });
    const fixed = task('Fixed', {
      resource: lambda.invoke('Fixed'),
      input: Input,
      credentials: { roleArn: 'arn:aws:iam::111122223333:role/R' },
      handler: () => ({}),
    }).resultPath(null);
    const fromInput = task('FromInput', {
      resource: lambda.invoke('FromInput'),
      input: Input,
      credentials: ({ input }) => ({ roleArn: input.role }),
      handler: () => ({}),
    }).resultPath(null);
    const wf = workflow('W', { input: Input }).start(fixed).next(fromInput);
    const { jsonPath, jsonata: ata } = both(wf);
    expect(jsonPath.States.Fixed).toMatchObject({
      Credentials: { RoleArn: 'arn:aws:iam::111122223333:role/R' },
    });
    expect(jsonPath.States.FromInput).toMatchObject({ Credentials: { 'RoleArn.$': '$.role' } });
    expect(ata.States.FromInput).toMatchObject({ Credentials: { RoleArn: '{% $states.input.role %}' } });
    for (const queryLanguage of ['JSONPath', 'JSONata'] as const) {
      const result = await run(compile(wf, { queryLanguage }), { role: 'arn:aws:iam::444455556666:role/X' });
      const scheduled = result.history.filter((e) => e.type === 'TaskScheduled');
      expect(scheduled.map((e) => e.taskScheduledEventDetails?.taskCredentials)).toEqual([
        { roleArn: 'arn:aws:iam::111122223333:role/R' },
        { roleArn: 'arn:aws:iam::444455556666:role/X' },
      ]);
    }
  });
});

const Job = z.object({ bucket: z.string(), limit: z.number(), tolerance: z.number() });

describe('distributed map: reader, batcher, writer, tolerance', () => {
  const fan = (extra: object = {}) =>
    map('Fan', {
      input: Job,
      mode: 'distributed',
      executionType: 'EXPRESS',
      label: 'fan',
      processor: pass('Echo'),
      itemReader: {
        resource: 's3:getObject',
        parameters: ({ input }) => ({ Bucket: input.bucket, Key: 'rows.csv' }),
        inputType: 'CSV',
        csvHeaderLocation: 'GIVEN',
        csvHeaders: ['id', 'n'],
        maxItems: ({ input }) => input.limit,
      },
      itemBatcher: {
        maxItemsPerBatch: 10,
        maxInputBytesPerBatch: ({ input }) => input.limit,
        batchInput: ({ input }) => ({ bucket: input.bucket }),
      },
      resultWriter: { parameters: ({ input }) => ({ Bucket: input.bucket, Prefix: 'out' }) },
      toleratedFailurePercentage: ({ input }) => input.tolerance,
      toleratedFailureCount: 3,
      ...extra,
    });

  test('typed options emit both languages', () => {
    const { jsonPath, jsonata: ata } = both(only(fan()));
    expect(jsonPath.States.Fan).toMatchObject({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: {
          InputType: 'CSV',
          CSVHeaderLocation: 'GIVEN',
          CSVHeaders: ['id', 'n'],
          MaxItemsPath: '$.limit',
        },
        Parameters: { 'Bucket.$': '$.bucket', Key: 'rows.csv' },
      },
      ItemBatcher: {
        MaxItemsPerBatch: 10,
        MaxInputBytesPerBatchPath: '$.limit',
        BatchInput: { 'bucket.$': '$.bucket' },
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { 'Bucket.$': '$.bucket', Prefix: 'out' },
      },
      ToleratedFailurePercentagePath: '$.tolerance',
      ToleratedFailureCount: 3,
      Label: 'fan',
    });
    expect(ata.States.Fan).toMatchObject({
      ItemReader: {
        ReaderConfig: { MaxItems: '{% $states.input.limit %}' },
        Arguments: { Bucket: '{% $states.input.bucket %}', Key: 'rows.csv' },
      },
      ItemBatcher: {
        MaxInputBytesPerBatch: '{% $states.input.limit %}',
        BatchInput: { bucket: '{% $states.input.bucket %}' },
      },
      ResultWriter: { Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'out' } },
      ToleratedFailurePercentage: '{% $states.input.tolerance %}',
    });
  });

  test('listObjectsV2, Path forms given as strings, raw ASL still accepted', () => {
    const m = fan({
      itemReader: { resource: 's3:listObjectsV2', parameters: { Bucket: 'b', Prefix: 'in/' } },
      itemBatcher: { MaxItemsPerBatch: 5 },
      resultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } },
      toleratedFailurePercentage: undefined,
      toleratedFailurePercentagePath: '$.tolerance',
      toleratedFailureCount: undefined,
      toleratedFailureCountPath: '$.limit',
    });
    // JSONPath only: raw ASL is emitted verbatim, and a raw ResultWriter's `Parameters` is a JSONPath field (JSONata
    // states take `Arguments`), so compile()'s validation rightly rejects the same raw writer in JSONata.
    const { definition: jsonPath } = compile(only(m), { queryLanguage: 'JSONPath' });
    expect(validate(jsonPath)).toEqual([]);
    expectValidAsl(jsonPath);
    expect(codesOf(() => compile(only(m), { queryLanguage: 'JSONata' }))).toEqual([
      'FIELD_NOT_IN_QUERY_LANGUAGE',
    ]);
    expect(jsonPath.States.Fan).toMatchObject({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        Parameters: { Bucket: 'b', Prefix: 'in/' },
      },
      ItemBatcher: { MaxItemsPerBatch: 5 },
      ResultWriter: { Parameters: { Bucket: 'b', Prefix: 'p' } },
      ToleratedFailurePercentagePath: '$.tolerance',
      ToleratedFailureCountPath: '$.limit',
    });
    expect(jsonPath.States.Fan).not.toHaveProperty('ItemReader.ReaderConfig');
  });

  test('bad combinations are reported', () => {
    expect(codesOf(() => fan({ toleratedFailureCountPath: '$.limit' }))).toEqual(['EXCLUSIVE_FIELDS']);
    expect(codesOf(() => compile(only(fan({ itemBatcher: { batchInput: { a: 1 } } }))))).toEqual([
      'MISSING_FIELD',
    ]);
    const outOfRange = fan({
      toleratedFailurePercentage: 101,
      toleratedFailureCount: -1,
      itemBatcher: { maxItemsPerBatch: 0, maxInputBytesPerBatch: 262_145 },
    });
    expect(codesOf(() => compile(only(outOfRange)))).toEqual([
      'INVALID_VALUE',
      'INVALID_VALUE',
      'INVALID_VALUE',
      'INVALID_VALUE',
    ]);
  });

  test('a distributed map reading a CSV runs in the runner', async () => {
    const m = map('Fan', {
      input: z.object({ bucket: z.string() }),
      mode: 'distributed',
      processor: pass('Echo'),
      itemReader: {
        resource: 's3:getObject',
        parameters: ({ input }) => ({ Bucket: input.bucket, Key: 'rows.csv' }),
        inputType: 'CSV',
        csvHeaderLocation: 'FIRST_ROW',
        maxItems: 2,
      },
    });
    const result = await run(
      compile(only(m)),
      { bucket: 'b' },
      {
        handlers: { 'Fan.ItemReader': () => 'id,n\na,1\nb,2\nc,3\n' },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual([
      { id: 'a', n: '1' },
      { id: 'b', n: '2' },
    ]);
  });
});
