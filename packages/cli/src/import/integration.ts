import type { JsonValue } from '@stepcraft/asl';
import { DYNAMODB_ERRORS, LAMBDA_ERRORS, SNS_ERRORS, SQS_ERRORS } from '@stepcraft/core';
import { printDynamic, printPlaceholder, printTemplate, type Scope, selector } from './expressions.js';
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
  /** The Parameters stay raw: the typed `payload` only shows the types their shape (where the task token goes). */
  readonly rawParameters?: boolean;
  /**
   * The error names Retry/Catch accept without the task declaring them (besides `States.*`), or `'any'` where
   * core does not check them (callbacks, `awsSdk`, `resource`, activities).
   */
  readonly errors: 'any' | readonly string[];
}

const CALLBACK = '.waitForTaskToken';

// Integrations whose Parameters are `{ <fixed literal>, <payload> }`, as core's `wrapPayload` builds them.
const WRAPPED: Readonly<
  Record<string, { helper: string; fixed: string; payload: string; errors: readonly string[] }>
> = {
  'arn:aws:states:::lambda:invoke': {
    helper: 'lambda.invoke',
    fixed: 'FunctionName',
    payload: 'Payload',
    errors: LAMBDA_ERRORS,
  },
  'arn:aws:states:::sqs:sendMessage': {
    helper: 'sqs.sendMessage',
    fixed: 'QueueUrl',
    payload: 'MessageBody',
    errors: SQS_ERRORS,
  },
  'arn:aws:states:::sns:publish': {
    helper: 'sns.publish',
    fixed: 'TopicArn',
    payload: 'Message',
    errors: SNS_ERRORS,
  },
  'arn:aws:states:::dynamodb:getItem': {
    helper: 'dynamodb.getItem',
    fixed: 'TableName',
    payload: 'Key',
    errors: DYNAMODB_ERRORS,
  },
  'arn:aws:states:::dynamodb:putItem': {
    helper: 'dynamodb.putItem',
    fixed: 'TableName',
    payload: 'Item',
    errors: DYNAMODB_ERRORS,
  },
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
    if (
      typeof fixed === 'string' &&
      payloadKey !== undefined &&
      keys.length === 2 &&
      (!base.startsWith(DYNAMODB) || payloadKey.endsWith('.$') || isItem(parameters[payloadKey] as JsonValue))
    ) {
      const value = parameters[payloadKey] as JsonValue;
      const payload = isObject(value)
        ? templatePayload(value, scope, isCallback)
        : payloadValue(value, payloadKey.endsWith('.$'), scope);
      if (payload !== undefined) {
        return {
          resource: `${wrapped.helper}(${JSON.stringify(fixed)})${callback}`,
          ...(payload.text === '$' ? {} : { payload: payload.text }),
          kind: isCallback ? 'declared' : base === WRAPPED_LAMBDA ? 'envelope' : 'service',
          ...(payload.raw ? { rawParameters: true } : {}),
          errors: isCallback ? 'any' : wrapped.errors,
        };
      }
    }
  }
  if (base === 'arn:aws:states:::dynamodb:updateItem' && isObject(parameters)) {
    const { TableName: table, ...rest } = parameters;
    if (
      typeof table === 'string' &&
      Object.keys(rest).length > 0 &&
      !Object.hasOwn(parameters, 'TableName.$') &&
      ['Key', 'ExpressionAttributeValues'].every((field) => rest[field] === undefined || isItem(rest[field]))
    ) {
      const payload = templatePayload(rest, scope, isCallback);
      return {
        resource: `dynamodb.updateItem(${JSON.stringify(table)})${callback}`,
        payload: payload.text,
        kind: isCallback ? 'declared' : 'service',
        ...(payload.raw ? { rawParameters: true } : {}),
        errors: isCallback ? 'any' : DYNAMODB_ERRORS,
      };
    }
  }
  return genericResource(arn, parameters, scope);
}

const DYNAMODB = 'arn:aws:states:::dynamodb:';
const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

// core's DynamoDB helpers type keys and items as the API documents attribute values; a template relying on what AWS
// might coerce (a bare string for { "S": … }, "false" as a BOOL) imports as resource(arn), so the code type-checks.
function isItem(value: JsonValue): boolean {
  return (
    isObject(value) &&
    Object.keys(value).every((key) => key.endsWith('.$') || isAttributeValue(value[key] as JsonValue))
  );
}

function isAttributeValue(value: JsonValue): boolean {
  if (!isObject(value)) return false;
  const [key, ...others] = Object.keys(value);
  if (key === undefined || others.length > 0) return false;
  if (key.endsWith('.$')) return ATTRIBUTE_TYPES.has(key.slice(0, -2));
  const inner = value[key] as JsonValue;
  switch (key) {
    case 'S':
    case 'N':
    case 'B':
      return typeof inner === 'string';
    case 'BOOL':
      return typeof inner === 'boolean';
    case 'NULL':
      return inner === true;
    case 'M':
      return isItem(inner);
    case 'L':
      return Array.isArray(inner) && inner.every(isAttributeValue);
    case 'SS':
    case 'NS':
    case 'BS':
      return Array.isArray(inner) && inner.every((item) => typeof item === 'string');
    default:
      return false;
  }
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
  const { base, isCallback, callback } = splitCallback(arn);
  const payload = isObject(parameters) ? templatePayload(parameters, scope, isCallback) : undefined;
  const sdk = /^arn:aws:states:::aws-sdk:([^:]+):([^:.]+)$/.exec(base);
  const isFunction = sdk === null && /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn);
  const helper =
    sdk !== null
      ? `awsSdk(${JSON.stringify(sdk[1])}, ${JSON.stringify(sdk[2])})${callback}`
      : isFunction
        ? `lambda.function(${JSON.stringify(arn)})`
        : /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn)
          ? `activity(${JSON.stringify(arn)})`
          : `resource(${JSON.stringify(arn)})`;
  return {
    resource: helper,
    ...(payload === undefined ? {} : { payload: payload.text }),
    kind: 'declared',
    ...(payload?.raw ? { rawParameters: true } : {}),
    errors: isFunction ? LAMBDA_ERRORS : 'any',
  };
}

// A callback task's payload must show the types its task token: a template that would be one raw value stays raw
// ASL, and a typed placeholder of its fields carries the token.
function templatePayload(
  template: { readonly [key: string]: JsonValue },
  scope: Scope,
  isCallback: boolean,
): { readonly text: string; readonly raw: boolean } {
  const text = printTemplate(template, scope);
  if (!isCallback || !text.startsWith('raw')) return { text, raw: false };
  scope.used.clear();
  return { text: printPlaceholder(template, scope), raw: true };
}

const WRAPPED_LAMBDA = 'arn:aws:states:::lambda:invoke';

// The payload that is not an object template: `$` (the default, no selector), a ref/intrinsic or a literal.
function payloadValue(
  value: JsonValue,
  isDynamic: boolean,
  scope: Scope,
): { readonly text: string; readonly raw: boolean } | undefined {
  const text = isDynamic
    ? value === '$'
      ? '$'
      : typeof value === 'string'
        ? printDynamic(value, scope)
        : undefined
    : hasDynamicKey(value)
      ? undefined
      : printJson(value);
  return text === undefined ? undefined : { text, raw: false };
}

/** The `parameters:` entry of a Task spec. */
export function parametersEntry(payload: string | undefined, scope: Scope): string {
  return payload === undefined ? '' : `parameters: ${selector(payload, scope)},`;
}
