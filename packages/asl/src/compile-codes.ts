import { code } from './code-info.js';

/**
 * The codes `@stepcraft/core` reports besides the validator's: `build` codes are thrown where a state is built (spec
 * shapes the types already reject, for JavaScript callers and casts); `compile` codes need the builder's graph
 * (names bound to state values, `later()` references, variable scopes, contracts) or say that a builder value has no
 * ASL form in the chosen query language. Everything the emitted ASL can show is left to `validate()`, which
 * `compile()` runs on its output. They live here so that one registry holds every code.
 */
export const COMPILE_CODES = Object.freeze({
  NOT_A_STATE: code(['build'], 'A value given where a state or a chain goes is neither.'),
  CHAIN_CLOSED: code(['build'], 'next() after a chain that ends in a Choice, Succeed or Fail.'),
  LATER_UNRESOLVED: code(
    ['build'],
    'The thunk of later(name, () => state) threw, typically because it ran before its const was initialised.',
  ),
  LATER_NAME_MISMATCH: code<{ readonly startAt: string }>(
    ['build'],
    'The thunk of later(name, () => state) returned a chain that starts at another state; `startAt` names it.',
  ),
  CHOICE_DEFAULT: code(['build'], 'otherwise() called a second time on one Choice.'),
  CHOICE_CONDITION: code(
    ['build'],
    'A Choice condition is not built from references (input.x.numericEquals(1), and(…), …).',
  ),
  CHOICE_OPERAND: code(
    ['build'],
    'A Choice comparison operand of the wrong type, or computed (an intrinsic) where a constant or a path goes.',
  ),
  TASK_TOKEN_MISSING: code(
    ['build'],
    'A .waitForTaskToken task whose parameters do not send context.Task.Token anywhere.',
  ),
  WAIT_DURATION: code(
    ['build'],
    'A Wait without exactly one of seconds, timestamp, secondsPath and timestampPath, or with one of the wrong type.',
  ),
  FAIL_TEXT: code(
    ['build'],
    'A Fail error or cause that is not a string, a path, an intrinsic call or jsonata(…).',
  ),
  REF_INDEX: code(['build'], 'at() on a reference with an index that is not an integer.'),
  REF_NOT_CALLABLE: code(['build'], 'A reference called as a function.'),
  REF_OPERATOR: code(
    ['build'],
    'A reference used with a JavaScript operator or in string interpolation (use the intrinsic helpers).',
  ),
  REF_READ_ONLY: code(['build'], 'A property of a reference assigned or deleted.'),
  TEMPLATE_KEY: code(
    ['build'],
    'A selector returned an object key ending in ".$", which ASL reads as a path.',
  ),
  TEMPLATE_VALUE: code(
    ['build'],
    'A selector returned a value JSON cannot hold (a Date, a function, NaN, a condition, …).',
  ),
  ASSIGN_VALUE: code(
    ['build'],
    'An assign callback returned something other than an array of variable.set(…) values.',
  ),
  JSONATA_EMPTY: code(['build'], 'jsonata(…) with an empty expression.'),
  INTEGRATION_PARAMETERS: code(
    ['build'],
    "A service integration's parameters that cannot make its request: a single value where an object of request fields goes, a field the helper already set, or a required field missing (dynamodb.updateItem without Key, batch.submitJob without JobName, …).",
  ),
  STATE_NAME_EMPTY: code(['compile'], 'A state named with the empty string.'),
  AMBIGUOUS_NEXT: code<{ readonly targets: readonly [string, string] }>(
    ['compile'],
    'One state value continues with two different states (it was chained twice); `targets` names both.',
  ),
  UNRESOLVED_REFERENCE: code<{ readonly target: string }>(
    ['compile'],
    'A later() reference names a state the workflow never gets (no thunk, and not reachable another way).',
  ),
  REFERENCE_INPUT_MISMATCH: code(
    ['compile'],
    'later(name, { input }) declares another input schema than the state it names.',
  ),
  VARIABLE_UNASSIGNED: code<{ readonly variable: string }>(
    ['compile'],
    'A state reads a variable that is not assigned on every path from the start of its scope to it.',
  ),
  VARIABLE_OUTER_ASSIGN: code<{ readonly variable: string }>(
    ['compile'],
    'A state inside a Map or Parallel assigns a variable of an enclosing scope.',
  ),
  VARIABLE_DISTRIBUTED: code<{ readonly variable: string }>(
    ['compile'],
    "A state inside a Distributed Map reads a variable of the parent's scope, which child executions cannot see.",
  ),
  JSONATA_IN_JSONPATH: code(['compile'], 'A jsonata(…) value in a state compiled to JSONPath.'),
  PATH_REQUIRED: code(
    ['compile'],
    'A JSONPath field that only takes a path (…Path) given a computed value (an intrinsic call).',
  ),
  TEMPLATE_ARRAY: code(
    ['compile'],
    'A JSONPath payload template with an array mixing bare paths or calls with objects or arrays, which ASL cannot write.',
  ),
  TEMPLATE_NOT_OBJECT: code(
    ['compile'],
    'A JSONPath Parameters, ResultSelector or ItemSelector that is not an object.',
  ),
  INTRINSIC_ARGUMENT: code(
    ['compile'],
    'An intrinsic argument ASL cannot write there (an inline object or array; a States.format placeholder count).',
  ),
  INTRINSIC_UNSUPPORTED: code(
    ['compile'],
    'An intrinsic call that has no JSONata translation with these arguments.',
  ),
  RESULT_PATH_INDEX: code(['compile'], 'A ResultPath with an array index in a state compiled to JSONata.'),
  RESULT_SELECTOR_NOT_OBJECT: code(
    ['compile'],
    'A ResultSelector returning a bare path combined with ResultPath or OutputPath (JSONPath cannot write it).',
  ),
  ASSIGN_COMPUTED: code(
    ['compile'],
    'An assignment reads inside a computed result (an intrinsic call or raw ASL) that ASL cannot address.',
  ),
  ASSIGN_MISSING: code(['compile'], 'An assignment reads a field the state result does not have.'),
  CHOICE_RULE_OUTPUT: code(
    ['compile'],
    'A Choice rule with an output in a state compiled to JSONPath (JSONata only).',
  ),
});

/** A code only `@stepcraft/core` reports. */
export type CompileCode = keyof typeof COMPILE_CODES;
