import type { CompiledWorkflow, TaskHandlerContext } from '@stepcraft/asl';
import { describe, expectTypeOf, test } from 'vitest';
import { type ChildExecutionStart, childExecution, startChildExecution } from '../src/index.js';

interface Order {
  readonly orderId: string;
}
interface Shipped {
  readonly trackingId: string;
}
declare const fulfilment: CompiledWorkflow<Order, Shipped>;
declare const context: TaskHandlerContext;

describe('childExecution is typed by the child workflow', () => {
  test("the request's Input is the child's input (or JSON text); the answer carries its output", async () => {
    const handler = childExecution(fulfilment);
    const answer = await handler({ StateMachineArn: 'arn', Input: { orderId: 'o-1' } }, context);
    expectTypeOf(answer.Input).toEqualTypeOf<Order>();
    if ('Output' in answer) expectTypeOf(answer.Output).toEqualTypeOf<Shipped>();
    else expectTypeOf(answer.Error).toEqualTypeOf<string>();
    await handler({ StateMachineArn: 'arn', Input: '{"orderId":"o-1"}' }, context);
    // @ts-expect-error the child's orderId is a string
    await handler({ StateMachineArn: 'arn', Input: { orderId: 1 } }, context);
    // @ts-expect-error StateMachineArn is required, as StartExecution requires it
    await handler({ Input: { orderId: 'o-1' } }, context);
  });

  test("startChildExecution answers with StartExecution's response", async () => {
    const answer = await startChildExecution(fulfilment)({ StateMachineArn: 'arn' }, context);
    expectTypeOf(answer).toEqualTypeOf<ChildExecutionStart>();
  });
});
