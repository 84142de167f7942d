import { StatesError, type TaskHandler } from '@stepcraft/runner';
import { isJsonObject } from '../json.js';
import type { MockScript } from './mock.js';

/**
 * The runner handler that plays a mock's script. A call with no answer left is a mistake in the test, not a task
 * failure a Catch could swallow: it is reported to `stop`, which ends the run and makes `run()` throw.
 */
export function mockHandler(script: MockScript, stop: (error: Error) => void): TaskHandler {
  return (input, context) => {
    const answer = script.used < script.once.length ? script.once[script.used++] : script.fallback;
    script.calls.push({
      input,
      state: context.stateName,
      retryCount: retryCountOf(context.context),
      answer: answer?.kind ?? 'reject',
    });
    if (answer === undefined) {
      const given = script.once.length;
      const message = `The mock of ${describe(script)} was called ${script.calls.length} times but scripts ${given} answer${given === 1 ? '' : 's'} and no default: add .resolves(…), .rejects(…) or .implements(…).`;
      stop(new MockExhaustedError(message));
      throw new StatesError('Stepcraft.MockExhausted', message);
    }
    switch (answer.kind) {
      case 'reject':
        throw new StatesError(answer.error, answer.cause);
      case 'implement':
        return answer.implementation(input, context);
      case 'resolve':
        // A state mock of a callback task answers its token (its result is what SendTaskSuccess sends); a mock of
        // the resource (a queue, a topic) answers only the call, and the task then waits for its token.
        if (
          script.target.kind === 'state' &&
          context.resource.endsWith('.waitForTaskToken') &&
          context.taskToken !== undefined
        ) {
          context.sendTaskSuccess(context.taskToken, answer.value);
          return {};
        }
        return answer.value;
    }
  };
}

/** `state "Pay"` or `Lambda function "process-payment"`. */
export function describe(script: MockScript): string {
  const { target } = script;
  if (target.kind === 'state') return `state ${JSON.stringify(target.key)}`;
  const label = {
    lambda: 'Lambda function',
    sqs: 'SQS queue',
    sns: 'SNS topic',
    'aws-sdk': 'AWS SDK action',
    resource: 'resource',
  }[target.integration];
  return `${label} ${JSON.stringify(target.key)}`;
}

function retryCountOf(context: unknown): number {
  const state = isJsonObject(context) ? context.State : undefined;
  const count = isJsonObject(state) ? state.RetryCount : undefined;
  return typeof count === 'number' ? count : 0;
}

/** A mock called more times than it has answers for. */
export class MockExhaustedError extends Error {
  override readonly name = 'MockExhaustedError';
}
