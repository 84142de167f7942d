import { maskPlaceholders } from './placeholders.js';

const PATTERN_SUFFIX = /\.(?:waitForTaskToken|sync(?::\d+)?)$/;

/** Why a Task `Resource` cannot carry its integration-pattern suffix (see `resourcePatternProblem`). */
export interface ResourcePatternProblem {
  /**
   * What the resource is. AWS rejects a suffixed Lambda function ARN (a function name has no dot), but reads a
   * suffixed activity ARN as an activity of that name (`review.sync`), which rarely exists.
   */
  readonly resourceKind: 'lambda-function' | 'activity';
  /** The problem, to follow `Resource "<arn>"` in a message. */
  readonly message: string;
}

/**
 * Why a Task `Resource` cannot carry its integration-pattern suffix, if it cannot: `.waitForTaskToken` and
 * `.sync`/`.sync:2` exist only for service integrations (`arn:<partition>:states:::<service>:<api>`), not for a
 * Lambda function ARN or an activity ARN used directly as the resource (an activity already hands its worker a task
 * token; a Lambda callback is `arn:aws:states:::lambda:invoke.waitForTaskToken`). Other resources are not judged:
 * a service integration may carry its region and account (`arn:aws:states:us-east-1:123456789012:athena:…`), and a
 * resource that starts with a placeholder may expand to any ARN. One rule for the validator and the builder.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export function resourcePatternProblem(resource: string): ResourcePatternProblem | undefined {
  const suffix = PATTERN_SUFFIX.exec(resource)?.[0];
  if (suffix === undefined) return undefined;
  const [arn, , service, , , type] = maskPlaceholders(resource).split(':');
  const shown = suffix.startsWith('.sync') ? '.sync' : suffix;
  const why = `${shown} exists only for service integrations ("arn:aws:states:::<service>:<api>")`;
  if (arn === 'arn' && service === 'lambda' && type === 'function') {
    const hint =
      shown === '.sync'
        ? 'the task already waits for the function to return: drop ".sync"'
        : 'for a callback, call the function through "arn:aws:states:::lambda:invoke.waitForTaskToken" with its FunctionName';
    return { resourceKind: 'lambda-function', message: `is a Lambda function ARN: ${why}; ${hint}` };
  }
  if (arn === 'arn' && service === 'states' && type === 'activity') {
    return {
      resourceKind: 'activity',
      message: `is an activity ARN: ${why}; an activity already hands its worker a task token, so drop "${suffix}"`,
    };
  }
  // Anything else may be a service integration: AWS accepts one with its region and account written out.
  return undefined;
}
