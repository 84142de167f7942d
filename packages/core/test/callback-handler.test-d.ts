// What the local handler of a `.waitForTaskToken` task may return. On AWS the task calls the service (API Gateway,
// SQS, Lambda…), records the service's response in `TaskSubmitted` and then discards it: the task's result is what
// `SendTaskSuccess` sends. A handler stands in for that call, so it returns the service's response or nothing, never
// the result (returning the decision would not answer the token: the task would wait for it all the same).
// `pnpm typecheck:dist` checks this file against the built declarations too.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type ApiGatewayInvokeResult,
  apiGateway,
  type CallbackResponseOf,
  type HandlerResultOf,
  lambda,
  type OutputOf,
  placeholder,
  type Ref,
  type SqsSendMessageResult,
  sqs,
  type TaskAnswerOf,
  type TaskContextObject,
  task,
} from '../src/index.js';

const Decision = z.object({ approved: z.boolean() });
type Decision = z.infer<typeof Decision>;
const decision: Decision = { approved: true };
const filed: ApiGatewayInvokeResult<{ filed: string }> = {
  Headers: {},
  ResponseBody: { filed: 'E-1' },
  StatusCode: 202,
  StatusText: 'Accepted',
};

const api = apiGateway.invoke(placeholder('Api')).waitForTaskToken();
const queue = sqs.sendMessage(placeholder('Queue')).waitForTaskToken();
const fn = lambda.invoke(placeholder('Fn')).waitForTaskToken();

/** The `parameters` of a callback task: the token goes out in the payload. */
const withToken = ({ context }: { readonly context: Ref<TaskContextObject> }) => ({
  Method: 'POST' as const,
  Path: 'approvals',
  RequestBody: { token: context.Task.Token },
});

describe('a .waitForTaskToken handler returns the service response or nothing', () => {
  test('the type: the request-response call’s response, or void', () => {
    // `void`, not `undefined`: a handler with no return statement (`async () => {}`) returns `Promise<void>`.
    // biome-ignore lint/suspicious/noConfusingVoidType: the exact type under test
    type ApiHandlerResult = ApiGatewayInvokeResult<unknown> | void;
    // biome-ignore lint/suspicious/noConfusingVoidType: the exact type under test
    type QueueHandlerResult = SqsSendMessageResult | void;
    expectTypeOf<HandlerResultOf<typeof api, Decision>>().toEqualTypeOf<ApiHandlerResult>();
    expectTypeOf<HandlerResultOf<typeof queue, Decision>>().toEqualTypeOf<QueueHandlerResult>();
    // A Lambda function's return value is anything: Lambda's Invoke response wraps it in TaskSubmitted.
    expectTypeOf<CallbackResponseOf<typeof fn>>().toBeUnknown();
  });

  test('API Gateway: the API’s response, undefined or no return statement', () => {
    task('Response', { resource: api, parameters: withToken, output: Decision, handler: async () => filed });
    task('Undefined', { resource: api, parameters: withToken, output: Decision, handler: () => undefined });
    task('Nothing', { resource: api, parameters: withToken, output: Decision, handler: async () => {} });
    task('Void', { resource: api, parameters: withToken, output: Decision, handler: (): void => {} });
    task('Decision', {
      resource: api,
      parameters: withToken,
      output: Decision,
      // @ts-expect-error the decision is what SendTaskSuccess sends, not what the API answers
      handler: async () => decision,
    });
  });

  test('SQS: SendMessage’s response or nothing', () => {
    const sent: SqsSendMessageResult = { MessageId: 'm-1', MD5OfMessageBody: 'abc' };
    const parameters = ({ context }: { readonly context: Ref<TaskContextObject> }) => ({
      token: context.Task.Token,
    });
    task('Sent', { resource: queue, parameters, output: Decision, handler: () => sent });
    task('Quiet', { resource: queue, parameters, output: Decision, handler: () => undefined });
    // @ts-expect-error the decision is what SendTaskSuccess sends, not what SQS answers
    task('Decides', { resource: queue, parameters, output: Decision, handler: () => decision });
  });

  test('Lambda: whatever the function returns (discarded)', () => {
    const parameters = ({ context }: { readonly context: Ref<TaskContextObject> }) => ({
      token: context.Task.Token,
    });
    task('Anything', { resource: fn, parameters, output: Decision, handler: () => ({ accepted: 1 }) });
    task('Nothing', { resource: fn, parameters, output: Decision, handler: async () => {} });
  });

  test('the task’s result is still what SendTaskSuccess sends', () => {
    const t = task('Ask', {
      resource: api,
      parameters: withToken,
      output: Decision,
      handler: async () => filed,
    });
    expectTypeOf<OutputOf<typeof t>>().toEqualTypeOf<Decision>();
    // A typed mock or `sendTaskSuccess` answers with the result.
    expectTypeOf<TaskAnswerOf<typeof api, Decision>>().toEqualTypeOf<Decision>();
  });
});

describe('other tasks return their result', () => {
  test('a request-response Lambda handler returns the declared result, not nothing', () => {
    const base = { resource: lambda.invoke(placeholder('Fn')), output: Decision };
    task('Returns', { ...base, handler: () => decision });
    // @ts-expect-error a request-response task's result is what its handler returns
    task('ReturnsNothing', { ...base, handler: () => undefined });
  });
});
