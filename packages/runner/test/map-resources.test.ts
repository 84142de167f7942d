import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { type Handlers, run } from '../src/index.js';
import { parseDelimited } from '../src/io/csv.js';

const GET = 'arn:aws:states:::s3:getObject';
const LIST = 'arn:aws:states:::s3:listObjectsV2';
const PUT = 'arn:aws:states:::s3:putObject';

/** A Distributed Map whose processor echoes each item, reading with `reader` (and writing with `writer`). */
const distributed = (reader: Record<string, unknown>, extra: Record<string, unknown> = {}): AslDocument =>
  ({
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Map',
        ItemReader: reader,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Echo',
          States: { Echo: { Type: 'Pass', End: true } },
        },
        End: true,
        ...extra,
      },
    },
  }) as unknown as AslDocument;

const types = (history: readonly { type: string }[]) => history.map((e) => e.type);

describe('Distributed Map ItemReader', () => {
  it('reads a JSON array from s3:getObject with the evaluated Parameters and caps it with MaxItemsPath', async () => {
    const seen: JsonValue[] = [];
    const handlers: Handlers = {
      [GET]: (input) => {
        seen.push(input);
        return JSON.stringify([{ a: 1 }, { a: 2 }, { a: 3 }]);
      },
    };
    const definition = distributed({
      Resource: GET,
      ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.max' },
      Parameters: { Bucket: 'b', 'Key.$': '$.key' },
    });
    const result = await run(definition, { key: 'k.json', max: 2 }, { handlers });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual([{ a: 1 }, { a: 2 }]);
    expect(seen).toEqual([{ Bucket: 'b', Key: 'k.json' }]);
    const started = result.history.find((e) => e.type === 'MapStateStarted');
    expect(started?.mapStateStartedEventDetails).toEqual({ length: 0 });
    expect(types(result.history)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('prefers the per-state handler "<Map>.ItemReader" over the resource handler', async () => {
    const handlers: Handlers = { 'Fan.ItemReader': () => '[1]', [GET]: () => '[2]' };
    const result = await run(distributed({ Resource: GET }), {}, { handlers });
    expect(result.output).toEqual([1]);
  });

  it('reads JSONL one item per line', async () => {
    const definition = distributed({ Resource: GET, ReaderConfig: { InputType: 'JSONL' } });
    const result = await run(definition, {}, { handlers: { [GET]: () => '{"a":1}\n\n{"a":2}\r\n' } });
    expect(result.output).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads CSV with the first row as headers, quotes and a named delimiter; values stay strings', async () => {
    const csv = 'id;name\n1;"Smith; John"\n2;"say ""hi"""\n';
    const definition = distributed({
      Resource: GET,
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: 'SEMICOLON' },
    });
    const result = await run(definition, {}, { handlers: { [GET]: () => csv } });
    expect(result.output).toEqual([
      { id: '1', name: 'Smith; John' },
      { id: '2', name: 'say "hi"' },
    ]);
  });

  it('reads CSV with GIVEN headers (every row is data) and plain-data keys such as __proto__', async () => {
    const definition = distributed({
      Resource: GET,
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['__proto__', 'b'] },
    });
    const result = await run(definition, {}, { handlers: { [GET]: () => 'x,y\nz' } });
    const output = result.output as Record<string, JsonValue>[];
    expect(output).toHaveLength(2);
    expect(Object.getOwnPropertyDescriptor(output[0], '__proto__')?.value).toBe('x');
    expect(output[1]).toMatchObject({ b: '' });
    expect(Object.getPrototypeOf(output[0])).toBe(Object.prototype);
  });

  it('reads an S3 Inventory manifest and then each of its CSV files', async () => {
    const manifest = {
      destinationBucket: 'arn:aws:s3:::inventory',
      fileSchema: 'Bucket, Key, Size',
      files: [{ key: 'data/1.csv' }, { key: 'data/2.csv' }],
    };
    const files: Record<string, string> = { 'data/1.csv': 'src,a.txt,1\n', 'data/2.csv': 'src,b.txt,2\n' };
    const handlers: Handlers = {
      [GET]: (input) => {
        const { Key } = input as { Key: string };
        return Key === 'manifest.json' ? manifest : (files[Key] ?? '');
      },
    };
    const definition = distributed({
      Resource: GET,
      ReaderConfig: { InputType: 'MANIFEST' },
      Parameters: { Bucket: 'inventory', Key: 'manifest.json' },
    });
    const result = await run(definition, {}, { handlers });
    expect(result.output).toEqual([
      { Bucket: 'src', Key: 'a.txt', Size: '1' },
      { Bucket: 'src', Key: 'b.txt', Size: '2' },
    ]);
  });

  it('lists objects with s3:listObjectsV2 (the Contents of the answer)', async () => {
    const contents = [{ Key: 'a' }, { Key: 'b' }];
    const definition = distributed({ Resource: LIST, Parameters: { Bucket: 'b', Prefix: 'p/' } });
    const result = await run(definition, {}, { handlers: { [LIST]: () => ({ Contents: contents }) } });
    expect(result.output).toEqual(contents);
  });

  it('fails with States.ItemReaderFailed (catchable) on AWS causes', async () => {
    const cases: [Record<string, unknown>, () => unknown, string][] = [
      [{ InputType: 'JSON' }, () => '{"not":"array"}', 'Attempting to map over non-iterable node.'],
      [{ InputType: 'CSV' }, () => 'a,a\n1,2', 'CSV headers cannot contain duplicates.'],
      [{ InputType: 'JSON', MaxItems: -1 }, () => '[]', 'field MaxItems must be positive'],
      [{ InputType: 'JSONL' }, () => '{"a":\n', 'Cannot parse line 1 as JSON'],
      [{ InputType: 'JSON' }, () => Promise.reject(new Error('NoSuchKey')), 'Error: NoSuchKey'],
    ];
    for (const [config, handler, cause] of cases) {
      const result = await run(
        distributed({ Resource: GET, ReaderConfig: config }),
        {},
        {
          handlers: { [GET]: handler },
          validate: false,
        },
      );
      expect(result.status).toBe('FAILED');
      expect(result.error).toBe('States.ItemReaderFailed');
      expect(result.cause).toContain(cause);
    }
    const caught = distributed(
      { Resource: GET },
      { Catch: [{ ErrorEquals: ['States.ItemReaderFailed'], Next: 'Done' }], End: undefined, Next: 'Done' },
    );
    const withDone = { ...caught, States: { ...caught.States, Done: { Type: 'Succeed' } } } as AslDocument;
    const result = await run(withDone, {}, { handlers: { [GET]: () => '42' } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      Error: 'States.ItemReaderFailed',
      Cause: 'Attempting to map over non-iterable node.',
    });
  });

  it('fails with Stepcraft.MissingHandler naming the state and the resource', async () => {
    const result = await run(distributed({ Resource: GET }), {});
    expect(result.error).toBe('Stepcraft.MissingHandler');
    expect(result.cause).toContain('Map state "Fan"');
    expect(result.cause).toContain(GET);
    expect(result.cause).toContain('"Fan.ItemReader"');
  });
});

describe('Distributed Map ResultWriter', () => {
  const writerMap = (
    handlers: Handlers,
    parameters: Record<string, unknown> = { Bucket: 'out', Prefix: 'runs/' },
  ) =>
    run(
      distributed({ Resource: GET }, { ResultWriter: { Resource: PUT, Parameters: parameters } }),
      {},
      { handlers: { [GET]: () => '[1,2]', ...handlers } },
    );

  it('hands the results to the writer and returns MapRunArn and ResultWriterDetails', async () => {
    const written: JsonValue[] = [];
    const result = await writerMap({ 'Fan.ResultWriter': (input) => written.push(input) });
    expect(result.status).toBe('SUCCEEDED');
    const output = result.output as {
      MapRunArn: string;
      ResultWriterDetails: { Bucket: string; Key: string };
    };
    expect(output.MapRunArn).toBe('arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/Fan:0');
    expect(output.ResultWriterDetails.Bucket).toBe('out');
    expect(output.ResultWriterDetails.Key).toMatch(/^runs\/[0-9a-f-]{36}\/manifest\.json$/);
    expect(written).toEqual([
      { Bucket: 'out', Prefix: 'runs/', Key: output.ResultWriterDetails.Key, Results: [1, 2] },
    ]);
    // Deterministic: the same seed gives the same key.
    const again = await writerMap({ [PUT]: () => null });
    expect(again.output).toEqual(result.output);
  });

  it('fails with States.ResultWriterFailed when the writer fails or Bucket is missing', async () => {
    const failing = await writerMap({
      [PUT]: () => {
        throw new Error('AccessDenied');
      },
    });
    expect(failing.error).toBe('States.ResultWriterFailed');
    expect(failing.cause).toContain('AccessDenied');
    expect(types(failing.history)).toContain('MapRunFailed');
    const noBucket = await writerMap({ [PUT]: () => null }, { Prefix: 'x' });
    expect(noBucket.error).toBe('States.ResultWriterFailed');
    expect(noBucket.cause).toContain('Bucket');
  });

  it('fails with Stepcraft.MissingHandler without a writer handler', async () => {
    const result = await writerMap({});
    expect(result.error).toBe('Stepcraft.MissingHandler');
    expect(result.cause).toContain('ResultWriter of Map state "Fan"');
    expect(result.cause).toContain(PUT);
  });
});

describe('parseDelimited', () => {
  it('splits rows and fields, honours quotes spanning delimiters and line breaks, skips blank lines', () => {
    expect(parseDelimited('a,b\r\n"x\ny",""\n\n"q""q",', ',')).toEqual([
      ['a', 'b'],
      ['x\ny', ''],
      ['q"q', ''],
    ]);
  });

  it('is linear on hostile input', () => {
    const text = `${'"'.repeat(100_000)}${',\n'.repeat(100_000)}`;
    const started = performance.now();
    parseDelimited(text, ',');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
