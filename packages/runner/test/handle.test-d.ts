import type { AslDocument, CompiledWorkflow, JsonValue, TaskToken, TypedState } from '@stepcraft/asl';
import { describe, expectTypeOf, test } from 'vitest';
import { type ExecutionResult, run, start } from '../src/index.js';

interface Order {
  readonly id: string;
  readonly amount: number;
}
interface Receipt {
  readonly id: string;
  readonly paid: boolean;
}
declare const orders: CompiledWorkflow<Order, Receipt>;
declare const document: AslDocument;
/** A state value as the builder makes it: name and phantom types (a Task's handler types under `'~task'`). */
declare const approve: TypedState<Order, Order & { decision: boolean }> & {
  readonly '~task': { readonly input: Order; readonly result: { readonly approved: boolean } };
};
/** A Map or Parallel: no handler types (`'~task'` is never). */
declare const fanOut: TypedState<Order, Receipt> & { readonly '~task': never };

describe('start() and run() are typed by the compiled workflow', () => {
  test('accepts the workflow input type and gives its output type', async () => {
    const execution = start(orders, { id: 'o-1', amount: 5 });
    const result = await execution.result;
    expectTypeOf(result).toEqualTypeOf<ExecutionResult<Receipt>>();
    if (result.status === 'SUCCEEDED') expectTypeOf(result.output).toEqualTypeOf<Receipt>();
    else expectTypeOf(result.output).toEqualTypeOf<undefined>();
    expectTypeOf(await run(orders, { id: 'o-2', amount: 1 })).toEqualTypeOf<ExecutionResult<Receipt>>();
  });

  test('rejects an input that is not the workflow input type', () => {
    // @ts-expect-error: amount must be a number
    start(orders, { id: 'o-1', amount: '5' });
    // @ts-expect-error: id is missing
    void run(orders, { amount: 5 });
  });

  test('plain ASL documents take and give JSON', async () => {
    const result = await run(document, { anything: [1, 'two'] });
    if (result.status === 'SUCCEEDED') expectTypeOf(result.output).toEqualTypeOf<JsonValue>();
    // @ts-expect-error: not JSON
    void run(document, { when: new Date() });
  });
});

describe('the handle is typed by the state it waits on', () => {
  test('waitForTaskToken(state) gives the state input and a token typed by its result', async () => {
    const execution = start(orders, { id: 'o-1', amount: 5 });
    const request = await execution.waitForTaskToken(approve);
    expectTypeOf(request.input).toEqualTypeOf<Order>();
    expectTypeOf(request.token).toEqualTypeOf<TaskToken<{ readonly approved: boolean }>>();
    execution.sendTaskSuccess(request.token, { approved: true });
    // @ts-expect-error: the state's result is { approved: boolean }
    execution.sendTaskSuccess(request.token, { approved: 'yes' });
  });

  test('a state without handler types answers with its output type', async () => {
    const execution = start(orders, { id: 'o-1', amount: 5 });
    const request = await execution.waitForTaskToken(fanOut);
    expectTypeOf(request.token).toEqualTypeOf<TaskToken<Receipt>>();
  });

  test('a state named by a string gives JSON, and a plain token takes any output', async () => {
    const execution = start(document);
    const request = await execution.waitForTaskToken('Ask');
    expectTypeOf(request.input).toEqualTypeOf<JsonValue>();
    execution.sendTaskSuccess(request.token, { any: 'json' });
    execution.sendTaskSuccess('a-token-from-elsewhere', 42);
  });
});
