import { createRequire } from 'node:module';
import { validate } from '@stepcraft/asl';
import { compile, type Workflow } from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_NAMES, EXAMPLES, type ExampleName } from '../../examples/catalog.js';
import { sampleInput } from '../../examples/example-checks.js';

// asl-validator ships no types and mutates its argument.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

const dir = (name: string) => new URL(`../../examples/${name}/`, import.meta.url).href;

/** Inputs that take an example down its failure paths, besides its sample `input.json`. */
const FAILURE_INPUTS: Partial<Record<ExampleName, readonly Record<string, unknown>[]>> = {
  'order-processing': [{ ...sampleInput(dir('order-processing')), card: 'declined' }],
  'etl-pipeline': [{ batchId: 'b-8', source: 's', records: [{ id: 'r1', value: '  ' }] }],
  'human-approval': [
    { ...sampleInput(dir('human-approval')), amount: 5000 },
    { ...sampleInput(dir('human-approval')), amount: 0 },
  ],
  'order-total': [{ orderId: 'o-43', region: 'us', lines: [{ sku: 'pen', quantity: 0, unitPrice: 1 }] }],
  'retry-backoff': [{ requestId: 'r-8', busyTimes: 10 }],
};

/** Every example of the catalog, with its sample input and the inputs of its failure paths. */
const CASES = EXAMPLE_NAMES.map((name) => ({
  name,
  workflow: EXAMPLES[name] as Workflow,
  inputs: [sampleInput(dir(name)), ...(FAILURE_INPUTS[name] ?? [])],
}));

describe.each(CASES)('$name compiled to JSONPath and to JSONata', ({ workflow, inputs }) => {
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
