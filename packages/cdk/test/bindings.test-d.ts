import { activity, lambda as invoke, placeholder, sqs as queues, task, workflow } from '@stepcraft/core';
import {
  App,
  type aws_lambda as lambda,
  Stack,
  type aws_stepfunctions as sfn,
  type aws_sns as sns,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';
import { describe, expectTypeOf, test } from 'vitest';
import { EXAMPLES } from '../../../examples/catalog.js';
import { type RequiredBindings as Bindings, StepcraftStateMachine } from '../src/index.js';

declare const fn: lambda.IFunction;
declare const topic: sns.ITopic;
declare const queue: sqs.IQueue;
const stack = new Stack(new App(), 'Types');

describe('bindings typed from the workflow', () => {
  test('the workflow type lists its placeholders with the construct each takes', () => {
    type Order = Bindings<(typeof EXAMPLES)['order-processing']>;
    expectTypeOf<Order['ReceiveOrderFunction']>().toEqualTypeOf<lambda.IFunction>();
    expectTypeOf<Order['OrderAlertsTopic']>().toEqualTypeOf<sns.ITopic>();
    // Catch handlers, Map processors, Parallel branches and Choice targets contribute theirs too.
    expectTypeOf<keyof Bindings<(typeof EXAMPLES)['order-processing']>>().toEqualTypeOf<
      | 'ReceiveOrderFunction'
      | 'ProcessPaymentFunction'
      | 'CheckInventoryFunction'
      | 'FormatAlertFunction'
      | 'OrderAlertsTopic'
    >();
    expectTypeOf<
      Bindings<(typeof EXAMPLES)['etl-pipeline']>['TransformRecordFunction']
    >().toEqualTypeOf<lambda.IFunction>();
    expectTypeOf<
      Bindings<(typeof EXAMPLES)['ml-inference']>['ModelBFunction']
    >().toEqualTypeOf<lambda.IFunction>();
    expectTypeOf<
      Bindings<(typeof EXAMPLES)['human-approval']>['ApprovalQueue']
    >().toEqualTypeOf<sqs.IQueue>();
    expectTypeOf<
      Bindings<(typeof EXAMPLES)['human-approval']>['NotifyRejectedFunction']
    >().toEqualTypeOf<lambda.IFunction>();
  });

  const complete = {
    ReceiveOrderFunction: fn,
    ProcessPaymentFunction: fn,
    CheckInventoryFunction: fn,
    FormatAlertFunction: fn,
    OrderAlertsTopic: topic,
  };

  test('accepts every placeholder bound to its construct type', () => {
    new StepcraftStateMachine(stack, 'Ok', { workflow: EXAMPLES['order-processing'], bindings: complete });
  });

  test('rejects a missing binding, naming the placeholder', () => {
    const { OrderAlertsTopic: _, ...missing } = complete;
    new StepcraftStateMachine(stack, 'Missing', {
      workflow: EXAMPLES['order-processing'],
      // @ts-expect-error Property 'OrderAlertsTopic' is missing … but required in type 'RequiredBindings<…>'
      bindings: missing,
    });
  });

  test('rejects a binding of the wrong construct type', () => {
    new StepcraftStateMachine(stack, 'Wrong', {
      workflow: EXAMPLES['order-processing'],
      bindings: {
        ...complete,
        // @ts-expect-error Type 'IQueue' is missing the following properties from type 'IFunction'
        ReceiveOrderFunction: queue,
      },
    });
  });

  test('literal names record nothing; a callback keeps its placeholder; an activity takes an IActivity', () => {
    const literal = workflow('Literal').start(task('Call', { resource: invoke.invoke('receive-order') }));
    expectTypeOf<keyof Bindings<typeof literal>>().toEqualTypeOf<never>();
    const callback = queues.sendMessage(placeholder('Approvals')).waitForTaskToken();
    expectTypeOf(callback['~resources']).toEqualTypeOf<'sqs-queue:Approvals' | undefined>();
    const worker = workflow('Worker').start(task('Work', { resource: activity(placeholder('Reviewer')) }));
    expectTypeOf<Bindings<typeof worker>['Reviewer']>().toEqualTypeOf<sfn.IActivity>();
  });
});
