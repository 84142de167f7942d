import type { JsonValue } from '@stepcraft/asl';
import { printDynamic, printTemplate, type Scope, selector } from './expressions.js';
import { hasDynamicKey, isObject, printJson } from './json.js';

/** A Task's `resource:` expression and the payload its `parameters` selector returns (if any). */
export interface TaskResource {
  readonly resource: string;
  readonly payload?: string;
  /**
   * What the result is: Lambda's Invoke envelope around the declared output, exactly the declared `output`, or a
   * fixed service response.
   */
  readonly kind: 'envelope' | 'declared' | 'service';
}

const CALLBACK = '.waitForTaskToken';

// Integrations whose Parameters are `{ <fixed literal>, <payload> }`, as core's `wrapPayload` builds them.
const WRAPPED: Readonly<Record<string, { helper: string; fixed: string; payload: string }>> = {
  'arn:aws:states:::lambda:invoke': { helper: 'lambda.invoke', fixed: 'FunctionName', payload: 'Payload' },
  'arn:aws:states:::sqs:sendMessage': {
    helper: 'sqs.sendMessage',
    fixed: 'QueueUrl',
    payload: 'MessageBody',
  },
  'arn:aws:states:::sns:publish': { helper: 'sns.publish', fixed: 'TopicArn', payload: 'Message' },
  'arn:aws:states:::dynamodb:getItem': { helper: 'dynamodb.getItem', fixed: 'TableName', payload: 'Key' },
  'arn:aws:states:::dynamodb:putItem': { helper: 'dynamodb.putItem', fixed: 'TableName', payload: 'Item' },
};

/**
 * Recognises an integration from the Resource ARN (and the Parameters it needs), falling back to `resource(arn)`
 * with the Parameters as they are (always, when `generic`: the result is then declared, not the service's type).
 */
export function taskResource(
  arn: string,
  parameters: JsonValue | undefined,
  scope: Scope,
  generic = false,
): TaskResource {
  if (generic) return genericResource(arn, parameters, scope);
  const { base, isCallback, callback } = splitCallback(arn);
  const wrapped = WRAPPED[base];
  if (wrapped !== undefined && isObject(parameters)) {
    const fixed = parameters[wrapped.fixed];
    const keys = Object.keys(parameters);
    const payloadKey = keys.find((k) => k === wrapped.payload || k === `${wrapped.payload}.$`);
    if (typeof fixed === 'string' && payloadKey !== undefined && keys.length === 2) {
      const payload = payloadValue(parameters[payloadKey] as JsonValue, payloadKey.endsWith('.$'), scope);
      if (payload !== undefined) {
        return {
          resource: `${wrapped.helper}(${JSON.stringify(fixed)})${callback}`,
          ...(payload === '$' ? {} : { payload }),
          kind: isCallback ? 'declared' : base === WRAPPED_LAMBDA ? 'envelope' : 'service',
        };
      }
    }
  }
  if (base === 'arn:aws:states:::dynamodb:updateItem' && isObject(parameters)) {
    const { TableName: table, ...rest } = parameters;
    if (
      typeof table === 'string' &&
      Object.keys(rest).length > 0 &&
      !Object.hasOwn(parameters, 'TableName.$')
    ) {
      return {
        resource: `dynamodb.updateItem(${JSON.stringify(table)})${callback}`,
        payload: printTemplate(rest, scope),
        kind: isCallback ? 'declared' : 'service',
      };
    }
  }
  return genericResource(arn, parameters, scope);
}

// The ARN without `.waitForTaskToken`, and the builder call that adds it back.
function splitCallback(arn: string): { base: string; isCallback: boolean; callback: string } {
  const isCallback = arn.endsWith(CALLBACK);
  return {
    base: isCallback ? arn.slice(0, -CALLBACK.length) : arn,
    isCallback,
    callback: isCallback ? '.waitForTaskToken()' : '',
  };
}

function genericResource(arn: string, parameters: JsonValue | undefined, scope: Scope): TaskResource {
  const { base, callback } = splitCallback(arn);
  const payload = isObject(parameters) ? printTemplate(parameters, scope) : undefined;
  const sdk = /^arn:aws:states:::aws-sdk:([^:]+):([^:.]+)$/.exec(base);
  const helper =
    sdk !== null
      ? `awsSdk(${JSON.stringify(sdk[1])}, ${JSON.stringify(sdk[2])})${callback}`
      : /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn)
        ? `lambda.function(${JSON.stringify(arn)})`
        : /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn)
          ? `activity(${JSON.stringify(arn)})`
          : `resource(${JSON.stringify(arn)})`;
  return { resource: helper, ...(payload === undefined ? {} : { payload }), kind: 'declared' };
}

const WRAPPED_LAMBDA = 'arn:aws:states:::lambda:invoke';

// The payload: `$` (the default, no selector), a ref/intrinsic, an object template or a literal.
function payloadValue(value: JsonValue, isDynamic: boolean, scope: Scope): string | undefined {
  if (isDynamic) {
    if (value === '$') return '$';
    return typeof value === 'string' ? printDynamic(value, scope) : undefined;
  }
  if (isObject(value)) return printTemplate(value, scope);
  return hasDynamicKey(value) ? undefined : printJson(value);
}

/** The `parameters:` entry of a Task spec. */
export function parametersEntry(payload: string | undefined, scope: Scope): string {
  return payload === undefined ? '' : `parameters: ${selector(payload, scope)},`;
}
