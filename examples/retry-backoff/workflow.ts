import {
  choice,
  fail,
  lambda,
  pass,
  placeholder,
  States,
  task,
  typed,
  variable,
  wait,
  workflow,
} from '@stepcraft/core';
import { z } from 'zod';
import { callService } from './handlers.js';
import { Reply, Request } from './schemas.js';

const attempts = variable('attempts', z.number());
const lastError = variable('lastError', z.string());

const MAX_ATTEMPTS = 3;

const start = pass('Start', { input: Request })
  .assign(attempts, () => 0)
  .assign(lastError, () => 'none');

// The loop comes back here; a pass-through state so the loop target does not depend on the catcher below.
const attempt = pass('Attempt', { input: Request });

const gaveUp = fail('GaveUp', {
  error: 'GaveUp',
  cause: ({ input }) => States.format('Request {} stayed busy', input.requestId),
  input: Request,
});

// A Catch's Assign reads the Error Output and the variables as they were when the Task started.
const retryOrGiveUp = choice('RetryOrGiveUp', { input: Request })
  .when(() => attempts.ref.numericGreaterThanEquals(MAX_ATTEMPTS), gaveUp)
  .otherwise(wait('Backoff', { seconds: 2 }).next(attempt));

/** Calls the busy service; its own retrier covers Lambda throttling, its Catch the service's Busy answers. */
export const call = task('CallService', {
  resource: lambda.invoke(placeholder('FlakyServiceFunction')),
  input: Request,
  parameters: ({ input }) => ({
    requestId: input.requestId,
    busyTimes: input.busyTimes,
    attempt: attempts.ref,
  }),
  output: Reply,
  handler: (request) => callService(request),
  resultSelector: lambda.payload,
})
  .retry({ errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 1, maxAttempts: 2 })
  .catch(['Flaky.Busy'], retryOrGiveUp, {
    resultPath: null,
    assign: ({ error }) => [attempts.set(States.mathAdd(attempts.ref, 1)), lastError.set(error.Error)],
  });

const done = pass('Done', {
  input: typed<Reply>(),
  parameters: ({ input }) => ({ value: input.value, attempts: attempts.ref, lastError: lastError.ref }),
});

/** Call a busy service, counting attempts in a variable from a Catch; back off and retry, give up after three. */
export const retryBackoff = workflow('RetryBackoff', {
  input: Request,
  queryLanguage: 'JSONata',
  comment: 'Manual retry loop with the attempt count kept in variables',
})
  .start(start)
  .next(attempt)
  .next(call)
  .next(done);
