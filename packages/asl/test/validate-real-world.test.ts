import { describe, expect, it } from 'vitest';
import { findings, jsonataMachine, LAMBDA, machine } from './helpers.js';

/**
 * Minimal fragments of constructs met in deployed AWS samples outside the corpus (each names its sample), so the
 * validator keeps accepting what AWS accepts, and rejecting what AWS rejects.
 */
describe('constructs from deployed AWS samples', () => {
  it('accepts an array as a Pass state Parameters template (serverless-patterns enrichment.asl.json)', () => {
    const pass = { Type: 'Pass', Parameters: [{ 'Item.$': '$.Item' }], End: true };
    expect(findings(machine(pass))).toEqual([]);
  });

  it('accepts a filter comparing with a number written without its leading zero (document-text-analysis)', () => {
    const pass = { Type: 'Pass', Parameters: { 'pii.$': '$.result.Entities[?(@.Score > .85)]' }, End: true };
    expect(findings(machine(pass))).toEqual([]);
  });

  it('accepts an intrinsic function as a Fail CausePath (sample-bedrock-agentcore-async-stepfunctions)', () => {
    const fail = { Type: 'Fail', Error: 'PipelineError', CausePath: 'States.JsonToString($.error)' };
    expect(findings(machine(fail))).toEqual([]);
  });

  it('accepts state names holding a colon (aws-step-functions-long-lived-transactions)', () => {
    const publish = { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true };
    const document = machine({ Type: 'Pass', Next: 'sns:NotifySuccess' }, { 'sns:NotifySuccess': publish });
    expect(findings(document)).toEqual([]);
  });

  it('accepts a Map with both ItemSelector and the legacy Iterator (aws-lambda-power-tuning)', () => {
    const map = {
      Type: 'Map',
      ItemsPath: '$.powerValues',
      ItemSelector: { 'input.$': '$', 'value.$': '$$.Map.Item.Value' },
      MaxConcurrency: 0,
      Iterator: { StartAt: 'Executor', States: { Executor: { Type: 'Task', Resource: LAMBDA, End: true } } },
      End: true,
    };
    expect(findings(machine(map))).toEqual([]);
  });

  it('accepts a null OutputPath on a distributed Map nested in another (s3-highthrouput-distributed-map)', () => {
    const distributed = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
    const inner = {
      Type: 'Map',
      ItemsPath: '$.Items',
      OutputPath: null,
      ResultPath: null,
      ItemBatcher: { MaxItemsPerBatch: 30 },
      ItemProcessor: {
        ProcessorConfig: distributed,
        StartAt: 'P',
        States: { P: { Type: 'Pass', End: true } },
      },
      Catch: [{ ErrorEquals: ['States.ItemReaderFailed'], Next: 'FailItem' }],
      End: true,
    };
    const outer = {
      Type: 'Map',
      OutputPath: null,
      ToleratedFailurePercentage: 100,
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'bucket' } },
      ItemProcessor: {
        ProcessorConfig: distributed,
        StartAt: 'Inner',
        States: { Inner: inner, FailItem: { Type: 'Fail' } },
      },
      End: true,
    };
    expect(findings(machine(outer))).toEqual([]);
  });

  it('accepts a JSONata state inside a JSONPath distributed Map (sample-private-integrations private-api)', () => {
    const http = {
      QueryLanguage: 'JSONata',
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Arguments: {
        ApiEndpoint: 'https://example.com',
        Method: 'GET',
        InvocationConfig: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' },
      },
      End: true,
    };
    const map = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'H',
        States: { H: http },
      },
      End: true,
    };
    expect(findings(machine(map))).toEqual([]);
  });

  it('accepts JSONata closed without a space and Output on a Choice and its rules (getfunctionstatus)', () => {
    const choice = {
      Type: 'Choice',
      Choices: [
        {
          Condition: "{% $states.input.NextMarkercheck = 'true' %}",
          Output: '{% $states.input%}',
          Next: 'B',
        },
      ],
      Default: 'B',
      Output: { arn: '{% $states.input.Configuration.FunctionArn %}' },
    };
    expect(findings(jsonataMachine(choice, { B: { Type: 'Pass', End: true } }))).toEqual([]);
  });

  it('accepts a task token used only inside a JSONata expression (sales-analysis-bedrock-agentcore)', () => {
    const task = {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
      Arguments: {
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:approvals',
        Message: "{% 'approve: ' & $encodeUrlComponent($states.context.Task.Token) %}",
      },
      HeartbeatSeconds: 86400,
      End: true,
    };
    expect(findings(jsonataMachine(task))).toEqual([]);
  });

  it('rejects a Choice Variable ending in a dot, as Jayway does (app-concurrency-control flow)', () => {
    // Jayway's compiler: "Path must not end with a '.' or '..'"; the sample's "-old" version has "$.flag.Payload".
    const choice = {
      Type: 'Choice',
      Choices: [{ Variable: '$.flag.Payload.', StringEquals: 'proceed', Next: 'B' }],
      Default: 'B',
    };
    expect(findings(machine(choice, { B: { Type: 'Pass', End: true } }))).toEqual([
      'INVALID_PATH /States/A/Choices/0/Variable',
    ]);
  });
});
