import { choice, lambda, placeholder, succeed, task, workflow } from '@stepcraft/core';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { EXAMPLES } from '../../../examples/catalog.js';
import { workflowSchemas } from '../src/cloudformation.js';

const Order = z.object({ orderId: z.string(), amount: z.number().positive() });
const Paid = Order.extend({ status: z.literal('PAID') });
const Rejected = Order.extend({ status: z.literal('REJECTED'), reason: z.string() });

describe('JSON Schemas of a workflow', () => {
  test('the input schema is the declared input, in draft-04 (API Gateway models, EventBridge registries)', () => {
    const { input } = workflowSchemas(EXAMPLES['order-processing']);
    expect(input).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'OrderProcessing input',
      type: 'object',
      required: ['orderId', 'amount', 'card', 'items'],
    });
    // Validated by a draft-04 validator: what API Gateway runs.
    // The package is CommonJS: its class is the `default` export of the module object.
    const validate = new AjvDraft04.default({ strict: false }).compile(input ?? {});
    expect(validate(EXAMPLES_INPUT)).toBe(true);
    expect(validate({ orderId: 1 })).toBe(false);
  });

  test('the output schema is the declared input of the Succeed states that end the workflow', () => {
    const charge = task('Charge', {
      resource: lambda.invoke(placeholder('Charge')),
      input: Order,
      output: Paid,
      resultSelector: lambda.payload,
    });
    const flow = workflow('Charge', { input: Order })
      .start(charge)
      .next(
        choice('Paid?', { input: Paid.or(Rejected) })
          .when(
            ({ input }) => input.status.stringEquals('PAID'),
            succeed('Done', { input: Paid.or(Rejected) }),
          )
          .otherwise(succeed('Refused', { input: Order })),
      );
    const { output, notes } = workflowSchemas(flow, { target: 'draft-07' });
    expect(notes).toEqual([]);
    expect(output).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Charge output',
    });
    expect(output?.anyOf).toHaveLength(2);
  });

  test('order processing: its final Succeed declares the completed order', () => {
    const { output, notes } = workflowSchemas(EXAMPLES['order-processing']);
    expect(notes).toEqual([]);
    expect(output).toMatchObject({
      title: 'OrderProcessing output',
      required: ['orderId', 'amount', 'card', 'items', 'payment', 'inventory'],
    });
  });

  test('without a declared ending, no output schema, and a note saying what to declare', () => {
    expect(workflowSchemas(EXAMPLES['etl-pipeline']).notes).toEqual([
      'the output of "Aggregate" (a Task that ends the workflow) has no declared schema',
    ]);
    expect(workflowSchemas(EXAMPLES['etl-pipeline']).output).toBeUndefined();
    expect(workflowSchemas(EXAMPLES['retry-backoff']).notes).toEqual([
      `"Done" ends the workflow without a declared input schema; give it one (succeed('Done', { input }))`,
    ]);
    expect(workflowSchemas(EXAMPLES['etl-pipeline'], { output: Paid }).output).toMatchObject({
      title: 'EtlPipeline output',
    });
  });

  test('a schema library without JSON Schema output is named in a note', () => {
    const plain = {
      '~standard': { version: 1 as const, vendor: 'handmade', validate: (value: unknown) => ({ value }) },
    };
    const { output, notes } = workflowSchemas(EXAMPLES['order-processing'], { output: plain });
    expect(output).toBeUndefined();
    expect(notes).toContain('the output schema (handmade) cannot write JSON Schema');
  });
});

const EXAMPLES_INPUT = { orderId: 'o-1', amount: 12, card: 'visa', items: [{ sku: 'a', quantity: 1 }] };
