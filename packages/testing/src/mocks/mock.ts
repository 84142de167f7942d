import type { JsonValue } from '@stepcraft/asl';
import type { SnsPublishResult, SqsSendMessageResult, StepcraftTypeError, TaskTypes } from '@stepcraft/core';
import type { TaskHandlerContext } from '@stepcraft/runner';
import type { IntegrationKind } from '../definition/tasks.js';

/** What a mock stands for: a Task state by name, or every Task calling one resource (function, queue, topic…). */
export type MockTarget =
  | { readonly kind: 'state'; readonly key: string }
  | { readonly kind: 'resource'; readonly key: string; readonly integration: IntegrationKind };

/** One scripted answer. */
export type MockAnswer<TInput, TResult> =
  | { readonly kind: 'resolve'; readonly value: TResult }
  | { readonly kind: 'reject'; readonly error: string; readonly cause?: string }
  | {
      readonly kind: 'implement';
      readonly implementation: (input: TInput, context: TaskHandlerContext) => TResult | Promise<TResult>;
    };

/** A recorded call of a mock. */
export interface MockCall<TInput> {
  /** What the task sent (for `lambda:invoke`, the Payload), typed by the state's task input. */
  readonly input: TInput;
  /** The Task state that called. */
  readonly state: string;
  /** `$$.State.RetryCount`: 0 on the first attempt of a visit. */
  readonly retryCount: number;
  /** How the mock answered. */
  readonly answer: MockAnswer<TInput, unknown>['kind'];
}

/**
 * A scripted stand-in for a Task: answers in order (`…Once`), then its default, and records every call. Each
 * configuring method returns a new mock; pass the last one to `run()` and read its `calls` afterwards. For a
 * callback (`.waitForTaskToken`) Task, a state mock's value is what `SendTaskSuccess` sends; a resource mock's value
 * is the service's answer, and the task then waits for its token (answer it through `start()`'s handle).
 * @example
 * const pay = mock(processPayment)
 *   .rejectsOnce('Lambda.TooManyRequestsException', 'slow down')
 *   .resolves({ paymentId: 'p-1', status: 'PAID' });
 * await run(orderProcessing, order, { mocks: [pay] });
 * pay.calls.length // 2: the retry got the second answer
 */
export interface Mock<TInput = JsonValue, TResult = JsonValue> {
  readonly target: MockTarget;
  /** Calls so far, in order (across runs: the n-th call gets the n-th answer). */
  readonly calls: readonly MockCall<TInput>[];
  /** Answers every call not answered by a `…Once` with `value`. */
  resolves(value: TResult): Mock<TInput, TResult>;
  /** Answers the next unanswered call with `value`. */
  resolvesOnce(value: TResult): Mock<TInput, TResult>;
  /** Fails every call not answered by a `…Once` with `error` and `cause` (Retry/Catch match them by name). */
  rejects(error: string, cause?: string): Mock<TInput, TResult>;
  /** Fails the next unanswered call with `error` and `cause`. */
  rejectsOnce(error: string, cause?: string): Mock<TInput, TResult>;
  /** Answers every call not answered by a `…Once` by calling `implementation` (a handler). */
  implements(
    implementation: (input: TInput, context: TaskHandlerContext) => TResult | Promise<TResult>,
  ): Mock<TInput, TResult>;
  /** Answers the next unanswered call by calling `implementation`. */
  implementsOnce(
    implementation: (input: TInput, context: TaskHandlerContext) => TResult | Promise<TResult>,
  ): Mock<TInput, TResult>;
}

/** Any mock, whatever its types (what `run()` accepts). */
export type AnyMock = Mock<unknown, unknown>;

/** The script and the record of a mock, shared by the run that uses it. */
export interface MockScript {
  readonly target: MockTarget;
  readonly once: readonly MockAnswer<unknown, unknown>[];
  readonly fallback: MockAnswer<unknown, unknown> | undefined;
  readonly calls: MockCall<unknown>[];
  /** How many `…Once` answers were used. */
  used: number;
}

const SCRIPT = Symbol('stepcraft.mock');

/** The script behind a mock (for `run()`). */
export function scriptOf(mock: AnyMock): MockScript {
  if (!(mock instanceof MockImpl))
    throw new TypeError('Not a mock: build mocks with mock(state) or mock.lambda(…).');
  return mock[SCRIPT];
}

class MockImpl<TInput, TResult> implements Mock<TInput, TResult> {
  readonly [SCRIPT]: MockScript;

  constructor(
    target: MockTarget,
    once: readonly MockAnswer<unknown, unknown>[],
    fallback?: MockAnswer<unknown, unknown>,
  ) {
    this[SCRIPT] = { target, once, fallback, calls: [], used: 0 };
  }

  get target(): MockTarget {
    return this[SCRIPT].target;
  }

  get calls(): readonly MockCall<TInput>[] {
    return this[SCRIPT].calls as MockCall<TInput>[];
  }

  #then(answer: MockAnswer<TInput, TResult>, isOnce: boolean): Mock<TInput, TResult> {
    const { target, once, fallback } = this[SCRIPT];
    const widened = answer as MockAnswer<unknown, unknown>;
    return isOnce ? new MockImpl(target, [...once, widened], fallback) : new MockImpl(target, once, widened);
  }

  resolves(value: TResult): Mock<TInput, TResult> {
    return this.#then({ kind: 'resolve', value }, false);
  }
  resolvesOnce(value: TResult): Mock<TInput, TResult> {
    return this.#then({ kind: 'resolve', value }, true);
  }
  rejects(error: string, cause?: string): Mock<TInput, TResult> {
    return this.#then(rejection(error, cause), false);
  }
  rejectsOnce(error: string, cause?: string): Mock<TInput, TResult> {
    return this.#then(rejection(error, cause), true);
  }
  implements(
    implementation: (input: TInput, context: TaskHandlerContext) => TResult | Promise<TResult>,
  ): Mock<TInput, TResult> {
    return this.#then({ kind: 'implement', implementation }, false);
  }
  implementsOnce(
    implementation: (input: TInput, context: TaskHandlerContext) => TResult | Promise<TResult>,
  ): Mock<TInput, TResult> {
    return this.#then({ kind: 'implement', implementation }, true);
  }
}

function rejection(
  error: string,
  cause: string | undefined,
): Extract<MockAnswer<never, never>, { kind: 'reject' }> {
  return cause === undefined ? { kind: 'reject', error } : { kind: 'reject', error, cause };
}

/** A value with a Task handler's phantom types: what `task()` returns. */
export interface TaskLike {
  readonly name: string;
  readonly '~task': unknown;
}

/** The handler input of a Task value. */
export type TaskInputOf<TState extends TaskLike> =
  TState['~task'] extends TaskTypes<infer $Input, unknown> ? $Input : never;
/** What answers a Task value (its declared result; for a callback, what `SendTaskSuccess` sends). */
export type TaskResultOf<TState extends TaskLike> =
  TState['~task'] extends TaskTypes<unknown, infer $Result> ? $Result : never;

/** Rejects Map and Parallel states (their `~task` is `never`): only Task states call a resource. */
export type MockableCheck<TState extends TaskLike> = [TState['~task']] extends [never]
  ? StepcraftTypeError<`"${TState['name']}" is not a Task state: only Tasks can be mocked (mock the Tasks inside it)`>
  : unknown;

/** `mock(state)` and the per-integration mocks. */
export interface MockFactory {
  /**
   * Mocks a Task state; answers are typed by the state's declared result, calls by its task input.
   * A state name (for plain ASL documents) gives a mock typed `JsonValue`.
   */
  <const TState extends TaskLike>(
    state: TState & MockableCheck<TState>,
  ): Mock<TaskInputOf<TState>, TaskResultOf<TState>>;
  (state: string): Mock;
  /** Every Task invoking this Lambda function (`lambda:invoke`'s FunctionName, or a function ARN's name). */
  lambda<TResult = JsonValue, TInput = JsonValue>(functionName: string): Mock<TInput, TResult>;
  /** Every Task sending to this queue (`sqs:sendMessage`). */
  sqs<TInput = JsonValue>(
    queueUrl: string,
  ): Mock<{ QueueUrl: string; MessageBody: TInput }, SqsSendMessageResult>;
  /** Every Task publishing to this topic (`sns:publish`). */
  sns<TInput = JsonValue>(topicArn: string): Mock<{ TopicArn: string; Message: TInput }, SnsPublishResult>;
  /** Every Task calling this AWS SDK action (`arn:aws:states:::aws-sdk:s3:getObject` → `awsSdk('s3', 'getObject')`). */
  awsSdk<TResult = JsonValue, TInput = JsonValue>(service: string, action: string): Mock<TInput, TResult>;
  /** Every Task whose `Resource` is exactly this ARN (activities, other integrations). */
  resource<TResult = JsonValue, TInput = JsonValue>(arn: string): Mock<TInput, TResult>;
}

const resourceMock = <TInput, TResult>(integration: IntegrationKind, key: string): Mock<TInput, TResult> =>
  new MockImpl<TInput, TResult>({ kind: 'resource', key, integration }, []);

/**
 * Builds typed, sequenced mocks for `run()`'s `mocks` option.
 * @example
 * mock(processPayment).rejectsOnce('Lambda.TooManyRequestsException', 'slow down').resolves({ paymentId: 'p-1', status: 'PAID' })
 * mock.lambda('process-payment').resolves({ paymentId: 'p-1', status: 'PAID' })
 * mock.awsSdk('s3', 'getObject').resolves({ Body: '…' })
 */
export const mock: MockFactory = Object.assign(
  (state: TaskLike | string): AnyMock =>
    new MockImpl({ kind: 'state', key: typeof state === 'string' ? state : state.name }, []),
  {
    lambda: <TResult, TInput>(functionName: string) => resourceMock<TInput, TResult>('lambda', functionName),
    sqs: <TInput>(queueUrl: string) =>
      resourceMock<{ QueueUrl: string; MessageBody: TInput }, SqsSendMessageResult>('sqs', queueUrl),
    sns: <TInput>(topicArn: string) =>
      resourceMock<{ TopicArn: string; Message: TInput }, SnsPublishResult>('sns', topicArn),
    awsSdk: <TResult, TInput>(service: string, action: string) =>
      resourceMock<TInput, TResult>('aws-sdk', `aws-sdk:${service}:${action}`),
    resource: <TResult, TInput>(arn: string) => resourceMock<TInput, TResult>('resource', arn),
  },
) as MockFactory;
