import { type JsonValue, variableNameProblem } from '@stepcraft/asl';
import { raise } from '../errors.js';
import { type AssignmentNode, createAssignmentNode } from '../ir/common-node.js';
import { createJsonataNode } from '../ir/template-node.js';
import type { Describe } from '../types/describe.js';
import type { Param } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import type { OutputOfSchema, Primitive, SchemaLike } from '../types/type-utils.js';
import { boxNode, createRef, type Expr, type Ref, type Resolve, toTemplate, variablePath } from './refs.js';

/** A value that may be stored in a variable of type `T`: literals, refs and intrinsic results of that type. */
export type Assignable<T> =
  | Expr<T>
  | (T extends Primitive
      ? T
      : T extends readonly (infer $Item)[]
        ? readonly Assignable<$Item>[]
        : T extends object
          ? { readonly [K in keyof T]: Assignable<T[K]> }
          : never);

/**
 * Rejects a value a variable of type `T` cannot hold, naming the variable (`TName`) and its type. The parameter of
 * `set()` and the return type of `assign()` callbacks (`Param<$Value, AssignCheck<…>>`).
 */
export type AssignCheck<T, TName extends string, TValue> = [TValue] extends [Assignable<T>]
  ? unknown
  : StepcraftTypeError<
      Message<'variable', [string extends TName ? '…' : TName, Describe<T>, Describe<Resolve<TValue>>]>
    >;

/** A callback that builds the value of variable `TName` (of type `T`) from `TRefs`; checked by `AssignCheck`. */
export type VariableValue<TRefs, T, TName extends string, TValue> = (
  refs: TRefs,
) => Param<TValue, AssignCheck<T, TName, TValue>>;

const assignmentKey: unique symbol = Symbol('stepcraft.assignment');

/** One `variable.set(value)`, for a catcher's `assign` (opaque: it carries the assignment for the compiler). */
export interface Assignment {
  readonly [assignmentKey]: AssignmentNode;
}

/**
 * A workflow variable: a typed handle, so reading it anywhere (`total.ref`) is typed without the workflow's type
 * growing with every assignment. `compile()` checks that every read follows an assignment on every path. Variances declared as TypeScript measures them (see {@link Chain}).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export interface Variable<in out T, TName extends string = string> {
  readonly name: TName;
  /** Reads the variable (`$name` in both query languages); use it in any selector or condition. */
  readonly ref: Ref<T, `$${TName}`, ''>;
  /** An assignment of `value`, for `catch(…, { assign: ({ error }) => [attempts.set(…)] })`. */
  set<const $Value>(value: Param<$Value, AssignCheck<T, TName, $Value>>): Assignment;
}

/**
 * Declares a variable; its type comes from the schema (`z.number()`, or `typed<T>()` for types only).
 * @example const total = variable('total', z.number()); task(…).assign(total, ({ result }) => result.sum)
 * // "Assign": { "total.$": "$.sum" }  (JSONata: { "total": "{% $states.result.sum %}" })
 */
export function variable<const TName extends string, TSchema extends SchemaLike>(
  name: TName,
  _schema: TSchema,
): Variable<OutputOfSchema<TSchema>, TName> {
  const problem = variableNameProblem(name);
  if (problem !== undefined) {
    raise('INVALID_VARIABLE_NAME', `Invalid variable name "${name}": ${problem}`, undefined, {
      variable: name,
    });
  }
  return Object.freeze({
    name,
    ref: createRef(variablePath(name)) as Ref<OutputOfSchema<TSchema>, `$${TName}`, ''>,
    set: (value: unknown) => assignmentOf(name, value),
  });
}

/** The IR of an assignment built at build time from a selector's return value. */
export function assignmentOf(name: string, value: unknown): Assignment {
  const node = createAssignmentNode(name, toTemplate(value, `The value assigned to $${name}`));
  return Object.freeze({ [assignmentKey]: node });
}

/** The nodes of `assign` callbacks' results, with a clear error for anything else. */
export function assignmentNodes(values: unknown, where: string): AssignmentNode[] {
  if (!Array.isArray(values))
    return raise('ASSIGN_VALUE', `${where} must return an array of variable.set(…) values`);
  return values.map((value) => {
    const node = (value as { [assignmentKey]?: AssignmentNode } | null)?.[assignmentKey];
    return node ?? raise('ASSIGN_VALUE', `${where} must return an array of variable.set(…) values`);
  });
}

/**
 * A JSONata expression written by hand, typed as `T`. It is parsed when the workflow compiles: a syntax error
 * fails the build naming the state and field. Only JSONata states can hold it.
 * @example jsonata<number>('$sum($states.input.items.price)') // "total": "{% ($sum($states.input.items.price)) %}"
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function jsonata<T = JsonValue>(expression: string): Expr<T> {
  const body = expression
    .trim()
    .replace(/^\{%([\s\S]*)%\}$/, '$1')
    .trim();
  if (body === '') raise('JSONATA_EMPTY', 'jsonata(…) needs an expression');
  return boxNode<Expr<T>>(createJsonataNode(body));
}
