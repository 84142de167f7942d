import { maskPlaceholders } from './placeholders.js';

const PATTERN_SUFFIX = /\.(?:waitForTaskToken|sync(?::\d+)?)$/;

/**
 * Why a Task `Resource` cannot carry its integration-pattern suffix, if it cannot: `.waitForTaskToken` and
 * `.sync`/`.sync:2` exist only for service integrations (`arn:<partition>:states:::<service>:<api>`), not for a
 * Lambda function ARN or an activity ARN used directly as the resource (an activity already hands its worker a task
 * token; a Lambda callback is `arn:aws:states:::lambda:invoke.waitForTaskToken`). A resource that starts with a
 * placeholder may expand to any ARN, so it is not judged. One rule for the validator and the builder.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export function resourcePatternProblem(resource: string): string | undefined {
  const suffix = PATTERN_SUFFIX.exec(resource)?.[0];
  if (suffix === undefined || resource.startsWith('${')) return undefined;
  const [arn, , service, region, account, type] = maskPlaceholders(resource).split(':');
  if (arn === 'arn' && service === 'states' && region === '' && account === '') return undefined;
  const shown = suffix.startsWith('.sync') ? '.sync' : suffix;
  const why = `${shown} exists only for service integrations ("arn:aws:states:::<service>:<api>")`;
  if (arn === 'arn' && service === 'lambda' && type === 'function') {
    const hint =
      shown === '.sync'
        ? 'the task already waits for the function to return: drop ".sync"'
        : 'for a callback, call the function through "arn:aws:states:::lambda:invoke.waitForTaskToken" with its FunctionName';
    return `is a Lambda function ARN: ${why}; ${hint}`;
  }
  if (arn === 'arn' && service === 'states' && type === 'activity') {
    return `is an activity ARN: ${why}; an activity already hands its worker a task token, so drop "${suffix}"`;
  }
  return `is not a service integration: ${why}`;
}
