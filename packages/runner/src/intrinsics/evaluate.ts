import {
  INTRINSIC_FUNCTIONS,
  type IntrinsicArg,
  type IntrinsicCall,
  type JsonValue,
  parseIntrinsic,
} from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { boundedMemo } from '../io/cache.js';
import { evaluatePath, missingPath } from '../io/path.js';
import type { EvaluationScope } from '../io/scope.js';
import { formatPieces, INTRINSICS, intrinsicFailure } from './functions.js';

const parse = boundedMemo(4096, (text: string) => parseIntrinsic(text));

/**
 * Evaluates an intrinsic call such as `States.Format('Hi {}', $.name)`; argument paths read `$`, `$$` and
 * variables from `scope`. Bad arguments throw `States.IntrinsicFailure`, a path that selects nothing `States.Runtime`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export function evaluateIntrinsic(text: string, scope: EvaluationScope): JsonValue {
  const parsed = parse(text);
  if (!parsed.ok) {
    throw new StatesError(
      'States.IntrinsicFailure',
      `Invalid intrinsic function call '${text}' in field '${scope.field}': ${parsed.message} (at offset ${parsed.offset})`,
    );
  }
  return evaluateCall(parsed.value, scope);
}

function evaluateCall(call: IntrinsicCall, scope: EvaluationScope): JsonValue {
  const implementation = INTRINSICS.get(call.name);
  const arity = INTRINSIC_FUNCTIONS.get(call.name);
  if (implementation === undefined || arity === undefined) {
    throw new StatesError('States.IntrinsicFailure', `Unknown intrinsic function '${call.name}'`);
  }
  if (call.args.length < arity.minArgs || call.args.length > arity.maxArgs) {
    const expected =
      arity.minArgs === arity.maxArgs
        ? `${arity.minArgs}`
        : arity.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${arity.minArgs}`
          : `${arity.minArgs} to ${arity.maxArgs}`;
    throw intrinsicFailure(call.name, `expected ${expected} argument(s), but got ${call.args.length}`);
  }
  const template = call.args[0];
  if (call.name === 'States.Format' && template?.kind === 'string' && template.templatePieces !== undefined) {
    return formatPieces(
      template.templatePieces,
      call.args.slice(1).map((arg) => evaluateArg(arg, scope)),
    );
  }
  return implementation(
    call.args.map((arg) => evaluateArg(arg, scope)),
    scope,
  );
}

function evaluateArg(arg: IntrinsicArg, scope: EvaluationScope): JsonValue {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return arg.value;
    case 'null':
      return null;
    case 'path': {
      const value = evaluatePath(arg.path, scope);
      if (value === undefined) throw missingPath(arg.path);
      return value;
    }
    case 'call':
      return evaluateCall(arg, scope);
  }
}
