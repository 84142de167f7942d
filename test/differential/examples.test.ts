import { createRequire } from 'node:module';
import { validate } from '@stepcraft/asl';
import { compile, type Workflow } from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { etlPipeline } from '../../examples/etl-pipeline/workflow.js';
import { sampleInput } from '../../examples/example-checks.js';
import { humanApproval } from '../../examples/human-approval/workflow.js';
import { mlInference } from '../../examples/ml-inference/workflow.js';
import { orderProcessing } from '../../examples/order-processing/workflow.js';
import { orderTotal } from '../../examples/order-total/workflow.js';
import { retryBackoff } from '../../examples/retry-backoff/workflow.js';

// asl-validator ships no types and mutates its argument.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

const dir = (name: string) => new URL(`../../examples/${name}/`, import.meta.url).href;

/** Every example, with its sample input and the inputs of its failure paths. */
const EXAMPLES: readonly { name: string; workflow: Workflow; inputs: readonly Record<string, unknown>[] }[] =
  [
    {
      name: 'order-processing',
      workflow: orderProcessing as Workflow,
      inputs: [
        sampleInput(dir('order-processing')),
        { ...sampleInput(dir('order-processing')), card: 'declined' },
      ],
    },
    {
      name: 'etl-pipeline',
      workflow: etlPipeline as Workflow,
      inputs: [
        sampleInput(dir('etl-pipeline')),
        { batchId: 'b-8', source: 's', records: [{ id: 'r1', value: '  ' }] },
      ],
    },
    {
      name: 'human-approval',
      workflow: humanApproval as Workflow,
      inputs: [
        sampleInput(dir('human-approval')),
        { ...sampleInput(dir('human-approval')), amount: 5000 },
        { ...sampleInput(dir('human-approval')), amount: 0 },
      ],
    },
    { name: 'ml-inference', workflow: mlInference as Workflow, inputs: [sampleInput(dir('ml-inference'))] },
    {
      name: 'order-total',
      workflow: orderTotal as Workflow,
      inputs: [
        sampleInput(dir('order-total')),
        { orderId: 'o-43', region: 'us', lines: [{ sku: 'pen', quantity: 0, unitPrice: 1 }] },
      ],
    },
    {
      name: 'retry-backoff',
      workflow: retryBackoff as Workflow,
      inputs: [sampleInput(dir('retry-backoff')), { requestId: 'r-8', busyTimes: 10 }],
    },
  ];

describe.each(EXAMPLES)('$name compiled to JSONPath and to JSONata', ({ workflow, inputs }) => {
  const jsonPath = compile(workflow, { queryLanguage: 'JSONPath' });
  const jsonata = compile(workflow, { queryLanguage: 'JSONata' });

  test('both forms pass our validator and asl-validator', () => {
    for (const compiled of [jsonPath, jsonata]) {
      expect(validate(compiled.definition).filter((d) => d.severity === 'error')).toEqual([]);
      const result = aslValidator(structuredClone(compiled.definition));
      expect(result.isValid, result.errorsText('\n')).toBe(true);
    }
    expect(jsonata.definition.QueryLanguage).toBe('JSONata');
    expect(jsonPath.definition.QueryLanguage).toBeUndefined();
  });

  test.each(inputs.map((input, i) => [i, input] as const))(
    'input %i runs to the same result',
    async (_, input) => {
      const [a, b] = await Promise.all([run(jsonPath, input as never), run(jsonata, input as never)]);
      expect({ status: b.status, output: b.output, error: b.error, cause: b.cause }).toEqual({
        status: a.status,
        output: a.output,
        error: a.error,
        cause: a.cause,
      });
    },
  );
});
