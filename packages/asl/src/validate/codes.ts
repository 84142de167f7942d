import { code } from '../code-info.js';

/**
 * The codes `validate()` reports (some also by `compile()` or the builder, for the same rule), and the CLI's.
 * Codes are stable: tests and tools key on them. Where AWS has a name for the same rule (e.g.
 * `DUPLICATE_STATE_NAME`), we use it. Codes with fields of their own declare them as the type argument.
 */
export const CODES = Object.freeze({
  INVALID_DOCUMENT: code(
    ['validate'],
    'The definition is not a JSON object, contains itself (a cycle), or is nested too deeply to check.',
  ),
  INVALID_JSON: code(['cli'], 'A definition file is not JSON text; the message gives the line and column.'),
  MISSING_FIELD: code(
    ['validate'],
    'A required field is absent (StartAt, States, Type, Resource, Choices, Branches, ErrorEquals, …).',
  ),
  UNKNOWN_FIELD: code(['validate'], 'A field that Step Functions does not support at this place.'),
  FIELD_NOT_IN_QUERY_LANGUAGE: code(
    ['validate'],
    'A JSONPath-only field in a JSONata state, or a JSONata-only field in a JSONPath state.',
  ),
  QUERY_LANGUAGE_CONFLICT: code(
    ['validate'],
    'A state sets QueryLanguage JSONPath while the document is JSONata.',
  ),
  INVALID_TYPE: code(['validate'], 'A value has the wrong JSON type (e.g. a string where an integer goes).'),
  INVALID_VALUE: code(['validate'], 'A value is out of range or not one of the allowed values.'),
  INVALID_STATE_TYPE: code(
    ['validate'],
    "A state's Type is not one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.",
  ),
  EXCLUSIVE_FIELDS: code<{ readonly fields: readonly string[] }>(
    ['validate', 'build'],
    'Two fields that may not be used together (e.g. TimeoutSeconds and TimeoutSecondsPath); `fields` names them.',
  ),
  MISSING_TRANSITION: code(
    ['validate'],
    'A Task, Pass, Wait, Parallel or Map state has neither Next nor "End": true.',
  ),
  NEXT_AND_END: code(['validate'], 'A state has both Next and "End": true.'),
  TRANSITION_NOT_ALLOWED: code(
    ['validate'],
    'Next or End on a Choice, Succeed or Fail state, or Next in a nested Choice rule.',
  ),
  MISSING_TRANSITION_TARGET: code<{ readonly target: string }>(
    ['validate'],
    'StartAt, Next, Default or a Catch Next names no state of its scope; `target` is the name.',
  ),
  TRANSITION_OUT_OF_SCOPE: code<{ readonly target: string }>(
    ['validate'],
    'A transition names a state of another scope (into or out of a branch or processor); `target` is the name.',
  ),
  UNREACHABLE_STATE: code(['validate'], 'A state cannot be reached from StartAt.'),
  MISSING_TERMINAL_STATE: code(['validate'], 'A scope has no Succeed, Fail or "End": true state.'),
  DUPLICATE_STATE_NAME: code(
    ['validate', 'compile'],
    'Two states share a name; names are unique across all nested scopes (for the builder: two different state values).',
  ),
  STATE_NAME_TOO_LONG: code<{ readonly length: number }>(
    ['validate'],
    'A state name is longer than 80 characters; `length` is its length in characters.',
  ),
  HEARTBEAT_NOT_BELOW_TIMEOUT: code(['validate'], 'HeartbeatSeconds is not smaller than TimeoutSeconds.'),
  STATES_ALL_NOT_ALONE: code(['validate'], 'States.ALL shares its ErrorEquals with other names.'),
  STATES_ALL_NOT_LAST: code(['validate'], 'A retrier or catcher with States.ALL is followed by others.'),
  CHOICE_RULE_OPERATOR: code<{ readonly operators: readonly string[] }>(
    ['validate'],
    'A Choice rule has no comparison operator (or And/Or/Not), or more than one; `operators` lists those found.',
  ),
  INVALID_PATH: code(
    ['validate', 'build'],
    'A JSONPath, reference path or ResultPath that does not parse or is not allowed there.',
  ),
  INVALID_INTRINSIC: code(
    ['validate'],
    'An intrinsic function call that does not parse, names an unknown function, has the wrong arity, nests more than 10 deep, or (Fail ErrorPath/CausePath) does not return a string.',
  ),
  DUPLICATE_TEMPLATE_KEY: code<{ readonly key: string }>(
    ['validate'],
    'A payload template has "k" and "k.$" in the same object; `key` is the output key.',
  ),
  INVALID_JSONATA: code(
    ['validate'],
    'A JSONata expression that does not parse, or a string that opens {% without closing %}.',
  ),
  JSONATA_STATES_FIELD_UNAVAILABLE: code(
    ['validate'],
    '$states.result or $states.errorOutput used where it is not available.',
  ),
  INVALID_VARIABLE_NAME: code<{ readonly variable: string }>(
    ['validate', 'build'],
    'A variable name that is not an identifier, is longer than 80 characters or is "states".',
  ),
  INVALID_ARN: code<{ readonly resource: string }>(
    ['validate'],
    'A Resource that is not an ARN (with checkArn).',
  ),
  RESOURCE_PATTERN_UNSUPPORTED: code<{ readonly resource: string }>(
    ['validate', 'build'],
    'A .waitForTaskToken or .sync suffix on a Lambda function ARN or an activity ARN used directly as the Task resource (AWS has those patterns for service integrations only); a warning for an activity, which AWS reads as an activity of that name; `resource` is the Resource.',
  ),
  EXPRESS_UNSUPPORTED_RESOURCE: code<{ readonly resource: string }>(
    ['validate'],
    'An Express workflow (or an Express Distributed Map child) uses .sync, .waitForTaskToken or an activity.',
  ),
  DEFINITION_TOO_LARGE: code(['validate'], "The definition is larger than AWS's 1 MB quota."),
  DUPLICATE_JSON_KEY: code(
    ['validate'],
    'A key appears twice in one object of the definition text (JSON parsers keep only the last).',
  ),
  JSONATA_UNSUPPORTED_FUNCTION: code(
    ['validate'],
    'A JSONata expression calls $eval, which Step Functions does not provide (a warning).',
  ),
});

/** A code `validate()` or the CLI reports. */
export type ValidateCode = keyof typeof CODES;
