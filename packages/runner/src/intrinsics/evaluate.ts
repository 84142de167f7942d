import {
  INTRINSIC_FUNCTIONS,
  type IntrinsicArg,
  type IntrinsicCall,
  type JsonValue,
  parseIntrinsic,
} from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { boundedMemo } from '../io/cache.js';
import { type CompiledPath, compilePath, evaluateCompiledPath, missingPath } from '../io/path.js';
import type { EvaluationScope } from '../io/scope.js';
import { formatPieces, INTRINSICS, type Intrinsic, intrinsicFailureCause } from './functions.js';

/**
 * An intrinsic call compiled once per text: each function's implementation and arity check resolved, each path
 * argument compiled, so a call costs no lookups by name. A call that cannot run (unknown function, wrong number of
 * arguments) keeps its cause and throws it when evaluated, in the order evaluation reaches it.
 */
type CallPlan =
  | { readonly kind: 'call'; readonly run: Intrinsic; readonly args: readonly ArgPlan[] }
  | { readonly kind: 'format'; readonly pieces: readonly string[]; readonly args: readonly ArgPlan[] }
  | { readonly kind: 'invalid'; readonly cause: string };

type ArgPlan =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'path'; readonly path: string; readonly compiled: CompiledPath }
  | CallPlan;

/** A text that does not parse as a call: the parser's reason and where. */
interface Unparsable {
  readonly kind: 'unparsable';
  readonly message: string;
  readonly offset: number;
}

const compile = boundedMemo(4096, (text: string): CallPlan | Unparsable => {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) return { kind: 'unparsable', message: parsed.message, offset: parsed.offset };
  return planCall(parsed.value);
});

/**
 * Evaluates an intrinsic call such as `States.Format('Hi {}', $.name)`; argument paths read `$`, `$$` and
 * variables from `scope`. Bad arguments throw `States.IntrinsicFailure`, a path that selects nothing `States.Runtime`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export function evaluateIntrinsic(text: string, scope: EvaluationScope): JsonValue {
  const plan = compile(text);
  if (plan.kind === 'unparsable') {
    throw new StatesError(
      'States.IntrinsicFailure',
      `Invalid intrinsic function call '${text}' in field '${scope.field}': ${plan.message} (at offset ${plan.offset})`,
    );
  }
  return evaluateCall(plan, scope);
}

/** Recursion follows the call's nesting, which the parser bounds. */
function planCall(call: IntrinsicCall): CallPlan {
  const implementation = INTRINSICS.get(call.name);
  const arity = INTRINSIC_FUNCTIONS.get(call.name);
  if (implementation === undefined || arity === undefined) {
    return { kind: 'invalid', cause: `Unknown intrinsic function '${call.name}'` };
  }
  if (call.args.length < arity.minArgs || call.args.length > arity.maxArgs) {
    const expected =
      arity.minArgs === arity.maxArgs
        ? `${arity.minArgs}`
        : arity.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${arity.minArgs}`
          : `${arity.minArgs} to ${arity.maxArgs}`;
    return {
      kind: 'invalid',
      cause: intrinsicFailureCause(
        call.name,
        `expected ${expected} argument(s), but got ${call.args.length}`,
      ),
    };
  }
  const template = call.args[0];
  if (call.name === 'States.Format' && template?.kind === 'string' && template.templatePieces !== undefined) {
    return { kind: 'format', pieces: template.templatePieces, args: call.args.slice(1).map(planArg) };
  }
  return { kind: 'call', run: implementation, args: call.args.map(planArg) };
}

function planArg(arg: IntrinsicArg): ArgPlan {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'value', value: arg.value };
    case 'null':
      return { kind: 'value', value: null };
    case 'path':
      return { kind: 'path', path: arg.path, compiled: compilePath(arg.path) };
    case 'call':
      return planCall(arg);
  }
}

function evaluateCall(plan: CallPlan, scope: EvaluationScope): JsonValue {
  switch (plan.kind) {
    case 'invalid':
      throw new StatesError('States.IntrinsicFailure', plan.cause);
    case 'format':
      return formatPieces(plan.pieces, evaluateArgs(plan.args, scope));
    case 'call':
      return plan.run(evaluateArgs(plan.args, scope), scope);
  }
}

/** The arguments' values, in order: one array of exactly their number (a growing one would over-allocate), no closure. */
function evaluateArgs(args: readonly ArgPlan[], scope: EvaluationScope): JsonValue[] {
  const values = new Array<JsonValue>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = evaluateArg(args[i] as ArgPlan, scope);
  return values;
}

function evaluateArg(arg: ArgPlan, scope: EvaluationScope): JsonValue {
  switch (arg.kind) {
    case 'value':
      return arg.value;
    case 'path': {
      const value = evaluateCompiledPath(arg.compiled, arg.path, scope);
      if (value === undefined) throw missingPath(arg.path);
      return value;
    }
    default:
      return evaluateCall(arg, scope);
  }
}
