import type { JsonObject, JsonValue } from '@stepcraft/asl';
import type { ObjectTemplateNode, TemplateNode } from '@stepcraft/core/ir';
import { isObject, printString } from '../source-text.js';
import {
  printConstant,
  printDynamic,
  printPlaceholder,
  printTemplate,
  type Scope,
  selector,
} from './expressions.js';

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
}

/** A Task's Parameters: the IR's template and the ASL it builds (for the parts printed raw). */
export interface Parameters {
  readonly node: TemplateNode;
  readonly asl: JsonObject;
}

const CALLBACK = '.waitForTaskToken';
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

// Integrations whose Parameters are `{ <fixed literal>, <payload> }`, in that order, as core's `wrapPayload` builds them.
const WRAPPED: Readonly<Record<string, { helper: string; fixed: string; payload: string }>> = {
  [LAMBDA_INVOKE]: { helper: 'lambda.invoke', fixed: 'FunctionName', payload: 'Payload' },
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
 * Recognises an integration from the Resource ARN (and the Parameters it builds, in core's order), falling back to
 * `resource(arn)` with the Parameters as they are (always, when `generic`: the result is then declared, not the
 * service's type).
 */
export function taskResource(
  arn: string,
  parameters: Parameters | undefined,
  scope: Scope,
  generic = false,
): TaskResource {
  if (generic) return genericResource(arn, parameters, scope);
  const { base, isCallback, callback } = splitCallback(arn);
  const wrapped = WRAPPED[base];
  const entries = parameters?.node.kind === 'object' ? parameters.node.entries : undefined;
  const [fixed, payload] = entries ?? [];
  if (
    wrapped !== undefined &&
    parameters !== undefined &&
    entries?.length === 2 &&
    fixed !== undefined &&
    payload !== undefined
  ) {
    if (
      fixed.key === wrapped.fixed &&
      fixed.value.kind === 'literal' &&
      typeof fixed.value.value === 'string' &&
      payload.key === wrapped.payload
    ) {
      const asl =
        parameters.asl[
          payload.value.kind === 'reference' || payload.value.kind === 'intrinsic'
            ? `${payload.key}.$`
            : payload.key
        ];
      const printed = payloadValue(payload.value, asl as JsonValue, scope, isCallback);
      if (printed !== undefined) {
        return {
          resource: `${wrapped.helper}(${resourceName(fixed.value.value)})${callback}`,
          ...(printed.text === '$' ? {} : { payload: printed.text }),
          kind: isCallback ? 'declared' : base === LAMBDA_INVOKE ? 'envelope' : 'service',
          ...(printed.raw ? { rawParameters: true } : {}),
        };
      }
    }
  }
  if (base === 'arn:aws:states:::dynamodb:updateItem' && parameters !== undefined && entries !== undefined) {
    const [table, ...rest] = entries;
    if (
      table?.key === 'TableName' &&
      table.value.kind === 'literal' &&
      typeof table.value.value === 'string' &&
      rest.length > 0
    ) {
      const { TableName: _table, ...request } = parameters.asl;
      const printed = templatePayload({ kind: 'object', entries: rest }, request, scope, isCallback);
      return {
        resource: `dynamodb.updateItem(${resourceName(table.value.value)})${callback}`,
        payload: printed.text,
        kind: isCallback ? 'declared' : 'service',
        ...(printed.raw ? { rawParameters: true } : {}),
      };
    }
  }
  return genericResource(arn, parameters, scope);
}

/**
 * A resource name argument: `placeholder('Name')` for a deploy-time `${Name}` (so `@stepcraft/cdk` and
 * `build --format` can bind it), the string otherwise.
 */
export function resourceName(name: string): string {
  const placeholder = /^\$\{([A-Za-z0-9_.:-]+)\}$/.exec(name);
  return placeholder === null ? printString(name) : `placeholder(${printString(placeholder[1] as string)})`;
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

function genericResource(arn: string, parameters: Parameters | undefined, scope: Scope): TaskResource {
  const { base, isCallback, callback } = splitCallback(arn);
  const payload =
    parameters === undefined
      ? undefined
      : templatePayload(parameters.node, parameters.asl, scope, isCallback);
  const sdk = /^arn:aws:states:::aws-sdk:([^:]+):([^:.]+)$/.exec(base);
  const helper =
    sdk !== null
      ? `awsSdk(${printString(sdk[1] as string)}, ${printString(sdk[2] as string)})${callback}`
      : /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn)
        ? `lambda.function(${resourceName(arn)})`
        : /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn)
          ? `activity(${resourceName(arn)})`
          : `resource(${printString(arn)})`;
  return {
    resource: helper,
    ...(payload === undefined ? {} : { payload: payload.text }),
    kind: 'declared',
    ...(payload?.raw ? { rawParameters: true } : {}),
  };
}

// A callback task's payload must show the types its task token: a template that would be one raw value stays raw
// ASL, and a typed placeholder of its fields carries the token.
function templatePayload(
  node: TemplateNode | ObjectTemplateNode,
  asl: JsonObject,
  scope: Scope,
  isCallback: boolean,
): { readonly text: string; readonly raw: boolean } {
  const text = printTemplate(node, asl, scope);
  if (!isCallback || !text.startsWith('raw')) return { text, raw: false };
  scope.used.clear();
  return { text: printPlaceholder(asl, scope), raw: true };
}

// The payload entry of a wrapped integration: `$` (the default, no selector), a ref/intrinsic, a template or a literal.
function payloadValue(
  node: TemplateNode,
  asl: JsonValue,
  scope: Scope,
  isCallback: boolean,
): { readonly text: string; readonly raw: boolean } | undefined {
  switch (node.kind) {
    case 'reference': {
      const isWholeInput = node.path.root.kind === 'input' && node.path.segments.length === 0;
      const text = isWholeInput ? '$' : printDynamic(node, scope);
      return text === undefined ? undefined : { text, raw: false };
    }
    case 'intrinsic': {
      const text = printDynamic(node, scope);
      return text === undefined ? undefined : { text, raw: false };
    }
    case 'object':
    case 'raw':
      return isObject(asl) ? templatePayload(node, asl, scope, isCallback) : undefined;
    case 'literal':
      return { text: printConstant(node.value), raw: false };
    default:
      return undefined;
  }
}

/** The `parameters:` entry of a Task spec. */
export function parametersEntry(payload: string | undefined, scope: Scope): string {
  return payload === undefined ? '' : `parameters: ${selector(payload, scope)},`;
}
