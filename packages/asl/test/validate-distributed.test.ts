import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, jsonataMachine, machine } from './helpers.js';

const processor = {
  StartAt: 'P',
  States: { P: { Type: 'Succeed' } },
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
};
const map = (extra: Record<string, unknown>) =>
  machine({ Type: 'Map', End: true, ItemProcessor: processor, ...extra });
const jsonataMap = (extra: Record<string, unknown>) =>
  jsonataMachine({ Type: 'Map', End: true, ItemProcessor: processor, ...extra });
const GET = 'arn:aws:states:::s3:getObject';
const LIST = 'arn:aws:states:::s3:listObjectsV2';
const PUT = 'arn:aws:states:::s3:putObject';
const object = { Bucket: 'b', Key: 'k' };

describe('Map Label', () => {
  it.each([
    'a b',
    'a\tb',
    'a:b',
    'a/b',
    'a*b',
    'a?b',
    'a<b',
    'a{b',
    'a[b',
    'a"b',
    'a#b',
    'a%b',
    'a\\b',
    'a^b',
    'a|b',
    'a~b',
    'a`b',
    'a$b',
    'a&b',
    'a,b',
    'a;b',
    'a\u0007b',
    'a\u0085b',
  ])('rejects the label %j, whose characters AWS refuses', (Label) => {
    expect(findings(map({ Label }))).toEqual(['INVALID_VALUE /States/A/Label']);
  });

  it('names the refused character', () => {
    expect(validate(map({ Label: 'my label' }))[0]?.message).toBe('State "A": Label may not contain " ".');
  });

  it('accepts letters, digits, "-", "_", "." and non-ASCII letters', () => {
    expect(findings(map({ Label: 'Batch-01_v2.final' }))).toEqual([]);
    expect(findings(map({ Label: 'café' }))).toEqual([]);
  });
});

describe('ItemReader', () => {
  it.each([
    [{ Resource: GET, Parameters: object, Bucket: 'b' }, 'UNKNOWN_FIELD /States/A/ItemReader/Bucket'],
    [
      { Resource: 'arn:aws:states:::s3:putObject', Parameters: object },
      'INVALID_VALUE /States/A/ItemReader/Resource',
    ],
    [
      { Resource: GET, Parameters: object, ReaderConfig: { InputType: 'XML' } },
      'INVALID_VALUE /States/A/ItemReader/ReaderConfig/InputType',
    ],
    [
      {
        Resource: GET,
        Parameters: object,
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'LAST_ROW' },
      },
      'INVALID_VALUE /States/A/ItemReader/ReaderConfig/CSVHeaderLocation',
    ],
    [
      { Resource: GET, Parameters: object, ReaderConfig: { InputType: 'CSV', CSVDelimiter: ';' } },
      'INVALID_VALUE /States/A/ItemReader/ReaderConfig/CSVDelimiter',
    ],
    [
      { Resource: GET, Parameters: object, ReaderConfig: { InputType: 'JSON', Limit: 5 } },
      'UNKNOWN_FIELD /States/A/ItemReader/ReaderConfig/Limit',
    ],
    [
      { Resource: GET, Parameters: object, ReaderConfig: { MaxItems: -1 } },
      'INVALID_VALUE /States/A/ItemReader/ReaderConfig/MaxItems',
    ],
    [
      { Resource: GET, Parameters: object, ReaderConfig: { MaxItems: 100_000_001 } },
      'INVALID_VALUE /States/A/ItemReader/ReaderConfig/MaxItems',
    ],
    [
      { Resource: LIST, Arguments: { Bucket: 'b' } },
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/ItemReader/Arguments',
    ],
  ])('rejects %j', (ItemReader, expected) => {
    expect(findings(map({ ItemReader }))).toEqual([expected]);
  });

  it('accepts the documented readers (aws/amazon-states-language-service documentMapItemReader*)', () => {
    for (const ReaderConfig of [
      { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
      { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a', 'b'], CSVDelimiter: 'SEMICOLON' },
      { InputType: 'JSONL' },
      { InputType: 'PARQUET', MaxItems: 100_000_000 },
      // MaxItems 0 as in aws-stepfunctions-examples' monte-carlo Distributed Map, deployed to AWS
      { InputType: 'MANIFEST', MaxItems: 0 },
    ]) {
      expect(findings(map({ ItemReader: { Resource: GET, ReaderConfig, Parameters: object } }))).toEqual([]);
    }
    expect(
      findings(map({ ItemReader: { Resource: LIST, Parameters: { Bucket: 'b', Prefix: 'p' } } })),
    ).toEqual([]);
  });

  it('takes Arguments and {% %} limits in JSONata, and refuses the JSONPath forms there', () => {
    const reader = {
      Resource: LIST,
      Arguments: { Bucket: '{% $b %}' },
      ReaderConfig: { MaxItems: '{% $n %}' },
    };
    expect(findings(jsonataMap({ ItemReader: reader }))).toEqual([]);
    expect(
      findings(
        jsonataMap({
          ItemReader: { Resource: GET, Parameters: object, ReaderConfig: { MaxItemsPath: '$.n' } },
        }),
      ),
    ).toEqual([
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/ItemReader/Parameters',
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/ItemReader/ReaderConfig/MaxItemsPath',
    ]);
  });
});

describe('ItemBatcher', () => {
  it.each([
    [{}, 'MISSING_FIELD /States/A/ItemBatcher'],
    [{ BatchInput: { a: 1 } }, 'MISSING_FIELD /States/A/ItemBatcher'],
    [{ MaxInputBytesPerBatch: 262_145 }, 'INVALID_VALUE /States/A/ItemBatcher/MaxInputBytesPerBatch'],
    [{ MaxItemsPerBatch: 1, Size: 2 }, 'UNKNOWN_FIELD /States/A/ItemBatcher/Size'],
  ])('rejects %j', (ItemBatcher, expected) => {
    expect(findings(map({ ItemBatcher }))).toEqual([expected]);
  });

  it('accepts any one limit, up to 256 KiB per batch', () => {
    expect(
      findings(map({ ItemBatcher: { MaxInputBytesPerBatch: 262_144, BatchInput: { 'a.$': '$.x' } } })),
    ).toEqual([]);
    expect(findings(map({ ItemBatcher: { MaxItemsPerBatchPath: '$.n' } }))).toEqual([]);
  });

  it('refuses the …Path limits in JSONata', () => {
    expect(findings(jsonataMap({ ItemBatcher: { MaxItemsPerBatchPath: '$.n' } }))).toEqual([
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/ItemBatcher/MaxItemsPerBatchPath',
    ]);
  });
});

describe('ResultWriter', () => {
  it.each([
    // aws/amazon-states-language-service documentMapResultWriterMissingOutputType
    [{ WriterConfig: {} }, 'MISSING_FIELD /States/A/ResultWriter/WriterConfig'],
    [{}, 'MISSING_FIELD /States/A/ResultWriter'],
    [{ Resource: PUT }, 'MISSING_FIELD /States/A/ResultWriter'],
    [{ Parameters: { Bucket: 'b' } }, 'MISSING_FIELD /States/A/ResultWriter'],
    [{ Resource: GET, Parameters: { Bucket: 'b' } }, 'INVALID_VALUE /States/A/ResultWriter/Resource'],
    [{ WriterConfig: { OutputType: 'CSV' } }, 'INVALID_VALUE /States/A/ResultWriter/WriterConfig/OutputType'],
    [
      { WriterConfig: { OutputType: 'JSON', Transformation: 'GZIP' } },
      'INVALID_VALUE /States/A/ResultWriter/WriterConfig/Transformation',
    ],
    [
      { WriterConfig: { OutputType: 'JSON', Format: 1 } },
      'UNKNOWN_FIELD /States/A/ResultWriter/WriterConfig/Format',
    ],
  ])('rejects %j', (ResultWriter, expected) => {
    expect(findings(map({ ResultWriter }))).toEqual([expected]);
  });

  it('accepts WriterConfig alone, Resource with Parameters, or all three', () => {
    const WriterConfig = { OutputType: 'JSONL', Transformation: 'FLATTEN' };
    const s3 = { Resource: PUT, Parameters: { Bucket: 'b', Prefix: 'p' } };
    for (const ResultWriter of [{ WriterConfig }, s3, { ...s3, WriterConfig }]) {
      expect(findings(map({ ResultWriter }))).toEqual([]);
    }
  });
});

describe('ProcessorConfig', () => {
  it('requires ExecutionType in DISTRIBUTED mode, as the AWS ItemProcessor docs say', () => {
    const ItemProcessor = { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED' } };
    expect(findings(machine({ Type: 'Map', End: true, ItemProcessor }))).toEqual([
      'MISSING_FIELD /States/A/ItemProcessor/ProcessorConfig',
    ]);
  });

  it('accepts DISTRIBUTED with EXPRESS children (documentMapProcessorConfig) and INLINE without a type', () => {
    const express = { ...processor, ProcessorConfig: { ExecutionType: 'EXPRESS', Mode: 'DISTRIBUTED' } };
    expect(findings(map({ ItemProcessor: express, ItemsPath: '$.array', MaxConcurrency: 2 }))).toEqual([]);
    const inline = { ...processor, ProcessorConfig: { Mode: 'INLINE' } };
    expect(findings(machine({ Type: 'Map', End: true, ItemProcessor: inline }))).toEqual([]);
  });
});
