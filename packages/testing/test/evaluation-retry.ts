import type { AslDocument } from '@stepcraft/asl';

/**
 * A JSONata Lambda Task `Call` whose `Output` (after the call) or `Arguments` (before any call) fails to evaluate on
 * its first try only (`States.QueryEvaluationError`, retriable), retried once a second later; the function is `f`.
 */
export function failingFirstTry(field: 'Output' | 'Arguments'): AslDocument {
  const failFirst = "$states.context.State.RetryCount = 0 ? $number('not a number') : ";
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'f', Payload: field === 'Arguments' ? `{% ${failFirst}1 %}` : 1 },
        ...(field === 'Output' ? { Output: `{% ${failFirst}$states.result.Payload %}` } : {}),
        Retry: [{ ErrorEquals: ['States.QueryEvaluationError'], IntervalSeconds: 1, MaxAttempts: 1 }],
        End: true,
      },
    },
  };
}
