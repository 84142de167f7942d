import { readFileSync } from 'node:fs';
import type { JsonValue } from '@stepcraft/asl';
import { compile, type Workflow } from '@stepcraft/core';
import { type Handlers, run } from '@stepcraft/runner';
import { etlPipeline } from '../../../examples/etl-pipeline/workflow.js';
import { mlInference } from '../../../examples/ml-inference/workflow.js';
import { processPayment } from '../../../examples/order-processing/handlers.js';
import { orderProcessing } from '../../../examples/order-processing/workflow.js';
import { type RunRecord, runRecordOf } from '../src/index.js';

/** The example runs the viewer is tested on: a success, a caught failure, a retry, a Map and a Parallel. */
export type ExampleRun = 'order-success' | 'order-declined' | 'order-retry' | 'etl-map' | 'ml-parallel';

function sampleInput(example: string): Record<string, JsonValue> {
  return JSON.parse(
    readFileSync(new URL(`../../../examples/${example}/input.json`, import.meta.url), 'utf8'),
  );
}

async function recordOf(workflow: Workflow, input: JsonValue, handlers: Handlers = {}): Promise<RunRecord> {
  const compiled = compile(workflow);
  const result = await run(compiled, input, { handlers });
  return runRecordOf({ workflow: workflow.name, definition: compiled.definition, input, result });
}

/** A payment service that is throttled on its first call, so the Retry on Lambda's transient errors fires. */
function throttledOnce(): Handlers {
  let calls = 0;
  return {
    ProcessPayment: async (order) => {
      calls++;
      if (calls === 1) {
        throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
      }
      return processPayment(order as never);
    },
  };
}

/** Runs every example once (deterministic: virtual clock, seed 0). */
export async function exampleRuns(): Promise<Record<ExampleRun, RunRecord>> {
  const order = sampleInput('order-processing');
  return {
    'order-success': await recordOf(orderProcessing, order),
    'order-declined': await recordOf(orderProcessing, { ...order, card: 'declined' }),
    'order-retry': await recordOf(orderProcessing, order, throttledOnce()),
    'etl-map': await recordOf(etlPipeline, sampleInput('etl-pipeline')),
    'ml-parallel': await recordOf(mlInference, sampleInput('ml-inference')),
  };
}
