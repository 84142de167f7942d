import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  and,
  choice,
  fail,
  lambda,
  map,
  not,
  or,
  parallel,
  pass,
  States,
  succeed,
  task,
  wait,
  workflow,
} from '../src/index.js';
import { emit, emitState, only } from './helpers.js';

const Order = z.object({
  orderId: z.string(),
  total: z.number(),
  express: z.boolean(),
  placedAt: z.string(),
  coupon: z.string().optional(),
  note: z.string().nullable(),
  items: z.array(z.object({ sku: z.string(), qty: z.number() })),
  delay: z.number(),
});

describe('pass', () => {
  test('result with ResultPath, parameters, and input/output paths', () => {
    const defaults = pass('Defaults', { input: Order, result: { priority: 'normal' } }).resultPath(
      '$.options',
    );
    const shape = pass('Shape', {
      input: Order,
      inputPath: '$.items',
      parameters: ({ input, context }) => ({ first: input.at(0), name: context.State.Name }),
    }).outputPath('$.first');
    const wf = workflow('W', { input: Order }).start(defaults).next(shape);
    expect(emitState(wf, 'Defaults')).toEqual({
      Type: 'Pass',
      Result: { priority: 'normal' },
      ResultPath: '$.options',
      Next: 'Shape',
    });
    expect(emitState(wf, 'Shape')).toEqual({
      Type: 'Pass',
      InputPath: '$.items',
      Parameters: { 'first.$': '$[0]', 'name.$': '$$.State.Name' },
      OutputPath: '$.first',
      End: true,
    });
  });
});

describe('choice', () => {
  test('every operator family, literal and path operands, and/or/not, default', () => {
    const done = succeed('Done');
    const route = choice('Route', { input: Order })
      .when(({ input }) => input.total.numericGreaterThan(100), done, { comment: 'big' })
      .when(({ input }) => input.total.numericLessThanEquals(input.delay), done)
      .when(({ input }) => input.orderId.stringMatches('vip-*'), done)
      .when(
        ({ input }) =>
          and(input.express.booleanEquals(true), input.placedAt.timestampLessThan('2024-01-01T00:00:00Z')),
        done,
      )
      .when(({ input }) => or(input.coupon.isPresent(), input.note.isNull(false)), done)
      .when(({ input }) => not(input.orderId.stringEquals(input.placedAt)), done)
      .when(({ context }) => context.State.RetryCount.isNumeric(), done)
      .otherwise(fail('Nope', { error: 'NoMatch' }));
    expect(emitState(only(route), 'Route')).toMatchInlineSnapshot(`
      {
        "Choices": [
          {
            "Comment": "big",
            "Next": "Done",
            "NumericGreaterThan": 100,
            "Variable": "$.total",
          },
          {
            "Next": "Done",
            "NumericLessThanEqualsPath": "$.delay",
            "Variable": "$.total",
          },
          {
            "Next": "Done",
            "StringMatches": "vip-*",
            "Variable": "$.orderId",
          },
          {
            "And": [
              {
                "BooleanEquals": true,
                "Variable": "$.express",
              },
              {
                "TimestampLessThan": "2024-01-01T00:00:00Z",
                "Variable": "$.placedAt",
              },
            ],
            "Next": "Done",
          },
          {
            "Next": "Done",
            "Or": [
              {
                "IsPresent": true,
                "Variable": "$.coupon",
              },
              {
                "IsNull": false,
                "Variable": "$.note",
              },
            ],
          },
          {
            "Next": "Done",
            "Not": {
              "StringEqualsPath": "$.placedAt",
              "Variable": "$.orderId",
            },
          },
          {
            "IsNumeric": true,
            "Next": "Done",
            "Variable": "$$.State.RetryCount",
          },
        ],
        "Default": "Nope",
        "Type": "Choice",
      }
    `);
  });
});

describe('wait, succeed, fail', () => {
  test('the four Wait forms and Fail with computed cause', () => {
    const wf = workflow('W', { input: Order })
      .start(wait('Seconds', { seconds: 5 }))
      .next(wait('Timestamp', { timestamp: '2030-01-01T00:00:00Z' }))
      .next(wait('SecondsPath', { input: Order, secondsPath: '$.delay' }))
      .next(wait('TimestampPath', { input: Order, timestampPath: '$.placedAt', comment: 'until placed' }))
      .next(
        fail('Failed', {
          input: Order,
          error: ({ input }) => input.orderId,
          cause: ({ input }) => States.format('Order {} failed', input.orderId),
        }),
      );
    const doc = emit(wf);
    expect(doc.States).toMatchInlineSnapshot(`
      {
        "Failed": {
          "CausePath": "States.Format('Order {} failed', $.orderId)",
          "ErrorPath": "$.orderId",
          "Type": "Fail",
        },
        "Seconds": {
          "Next": "Timestamp",
          "Seconds": 5,
          "Type": "Wait",
        },
        "SecondsPath": {
          "Next": "TimestampPath",
          "SecondsPath": "$.delay",
          "Type": "Wait",
        },
        "Timestamp": {
          "Next": "SecondsPath",
          "Timestamp": "2030-01-01T00:00:00Z",
          "Type": "Wait",
        },
        "TimestampPath": {
          "Comment": "until placed",
          "Next": "Failed",
          "TimestampPath": "$.placedAt",
          "Type": "Wait",
        },
      }
    `);
  });

  test('succeed with a comment ends the machine', () => {
    expect(emitState(only(succeed('Done', { comment: 'all good' })), 'Done')).toEqual({
      Type: 'Succeed',
      Comment: 'all good',
    });
  });
});

describe('parallel', () => {
  test('branches, parameters, result selector, retry, catch', () => {
    const a = task('ScoreA', { resource: lambda.invoke('a'), input: z.object({ id: z.string() }) });
    const b = task('ScoreB', { resource: lambda.invoke('b'), input: z.object({ id: z.string() }) }).next(
      succeed('BDone'),
    );
    const p = parallel('Score', {
      input: Order,
      parameters: ({ input }) => ({ id: input.orderId }),
      branches: [a, b],
      resultSelector: ({ result }) => ({ a: result.at(0).Payload, b: result.at(1).Payload }),
    })
      .resultPath('$.scores')
      .retry({ errors: ['States.ALL'], maxAttempts: 1 })
      .catch(['States.ALL'], fail('ScoreFailed'));
    expect(emitState(only(p), 'Score')).toMatchInlineSnapshot(`
      {
        "Branches": [
          {
            "StartAt": "ScoreA",
            "States": {
              "ScoreA": {
                "End": true,
                "Parameters": {
                  "FunctionName": "a",
                  "Payload.$": "$",
                },
                "Resource": "arn:aws:states:::lambda:invoke",
                "Type": "Task",
              },
            },
          },
          {
            "StartAt": "ScoreB",
            "States": {
              "BDone": {
                "Type": "Succeed",
              },
              "ScoreB": {
                "Next": "BDone",
                "Parameters": {
                  "FunctionName": "b",
                  "Payload.$": "$",
                },
                "Resource": "arn:aws:states:::lambda:invoke",
                "Type": "Task",
              },
            },
          },
        ],
        "Catch": [
          {
            "ErrorEquals": [
              "States.ALL",
            ],
            "Next": "ScoreFailed",
          },
        ],
        "End": true,
        "Parameters": {
          "id.$": "$.orderId",
        },
        "ResultPath": "$.scores",
        "ResultSelector": {
          "a.$": "$[0].Payload",
          "b.$": "$[1].Payload",
        },
        "Retry": [
          {
            "ErrorEquals": [
              "States.ALL",
            ],
            "MaxAttempts": 1,
          },
        ],
        "Type": "Parallel",
      }
    `);
  });
});

describe('map', () => {
  test('inline map with ItemSelector over $$.Map.Item', () => {
    const line = task('Line', {
      resource: lambda.invoke('line'),
      input: z.object({ sku: z.string(), index: z.number(), order: z.string() }),
    });
    const m = map('Lines', {
      input: Order,
      itemsPath: '$.items',
      itemSelector: ({ input, context }) => ({
        sku: context.Map.Item.Value.sku,
        index: context.Map.Item.Index,
        order: input.orderId,
      }),
      processor: line,
      maxConcurrency: 5,
    }).resultPath('$.lines');
    expect(emitState(only(m), 'Lines')).toMatchInlineSnapshot(`
      {
        "End": true,
        "ItemProcessor": {
          "StartAt": "Line",
          "States": {
            "Line": {
              "End": true,
              "Parameters": {
                "FunctionName": "line",
                "Payload.$": "$",
              },
              "Resource": "arn:aws:states:::lambda:invoke",
              "Type": "Task",
            },
          },
        },
        "ItemSelector": {
          "index.$": "$$.Map.Item.Index",
          "order.$": "$.orderId",
          "sku.$": "$$.Map.Item.Value.sku",
        },
        "ItemsPath": "$.items",
        "MaxConcurrency": 5,
        "ResultPath": "$.lines",
        "Type": "Map",
      }
    `);
  });

  test('distributed map with child executions', () => {
    const m = map('Rows', {
      input: z.object({ rows: z.array(z.string()) }),
      itemsPath: '$.rows',
      itemSelector: ({ context }) => context.Map.Item.Value,
      processor: pass('Row'),
      mode: 'distributed',
      executionType: 'EXPRESS',
      label: 'rows',
      toleratedFailurePercentage: 5,
      maxConcurrencyPath: '$.limit',
    });
    expect(emitState(only(m), 'Rows')).toMatchInlineSnapshot(`
      {
        "End": true,
        "ItemProcessor": {
          "ProcessorConfig": {
            "ExecutionType": "EXPRESS",
            "Mode": "DISTRIBUTED",
          },
          "StartAt": "Row",
          "States": {
            "Row": {
              "End": true,
              "Type": "Pass",
            },
          },
        },
        "ItemsPath": "$.rows",
        "Label": "rows",
        "MaxConcurrencyPath": "$.limit",
        "ToleratedFailurePercentage": 5,
        "Type": "Map",
      }
    `);
  });
});
