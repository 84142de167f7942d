/**
 * Every diagnostic code `validate()` emits, with what it means. Codes are stable: tests and tools key on them.
 * Where AWS has a name for the same rule (e.g. `DUPLICATE_STATE_NAME`), we use it.
 */
export const CODES = {
  INVALID_DOCUMENT:
    'The definition is not a JSON object, contains itself (a cycle), or is nested too deeply to check.',
  MISSING_FIELD:
    'A required field is absent (StartAt, States, Type, Resource, Choices, Branches, ErrorEquals, …).',
  UNKNOWN_FIELD: 'A field that Step Functions does not support at this place.',
  FIELD_NOT_IN_QUERY_LANGUAGE:
    'A JSONPath-only field in a JSONata state, or a JSONata-only field in a JSONPath state.',
  QUERY_LANGUAGE_CONFLICT: 'A state sets QueryLanguage JSONPath while the document is JSONata.',
  INVALID_TYPE: 'A value has the wrong JSON type (e.g. a string where an integer goes).',
  INVALID_VALUE: 'A value is out of range or not one of the allowed values.',
  INVALID_STATE_TYPE: "A state's Type is not one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.",
  EXCLUSIVE_FIELDS: 'Two fields that may not be used together (e.g. TimeoutSeconds and TimeoutSecondsPath).',
  MISSING_TRANSITION: 'A Task, Pass, Wait, Parallel or Map state has neither Next nor "End": true.',
  NEXT_AND_END: 'A state has both Next and "End": true.',
  TRANSITION_NOT_ALLOWED: 'Next or End on a Choice, Succeed or Fail state, or Next in a nested Choice rule.',
  MISSING_TRANSITION_TARGET: 'StartAt, Next, Default or a Catch Next names no state of its scope.',
  TRANSITION_OUT_OF_SCOPE:
    'A transition names a state of another scope (into or out of a branch or processor).',
  UNREACHABLE_STATE: 'A state cannot be reached from StartAt.',
  MISSING_TERMINAL_STATE: 'A scope has no Succeed, Fail or "End": true state.',
  DUPLICATE_STATE_NAME: 'Two states share a name; names are unique across all nested scopes.',
  STATE_NAME_TOO_LONG: 'A state name is longer than 80 characters.',
  HEARTBEAT_NOT_BELOW_TIMEOUT: 'HeartbeatSeconds is not smaller than TimeoutSeconds.',
  STATES_ALL_NOT_ALONE: 'States.ALL shares its ErrorEquals with other names.',
  STATES_ALL_NOT_LAST: 'A retrier or catcher with States.ALL is followed by others.',
  CHOICE_RULE_OPERATOR: 'A Choice rule has no comparison operator (or And/Or/Not), or more than one.',
  INVALID_PATH: 'A JSONPath, reference path or ResultPath that does not parse or is not allowed there.',
  INVALID_INTRINSIC:
    'An intrinsic function call that does not parse, names an unknown function, has the wrong arity, nests more than 10 deep, or (Fail ErrorPath/CausePath) does not return a string.',
  DUPLICATE_TEMPLATE_KEY: 'A payload template has "k" and "k.$" in the same object.',
  INVALID_JSONATA: 'A JSONata expression that does not parse, or a string that opens {% without closing %}.',
  JSONATA_STATES_FIELD_UNAVAILABLE: '$states.result or $states.errorOutput used where it is not available.',
  INVALID_VARIABLE_NAME:
    'An Assign name that is not an identifier, is longer than 80 characters or is "states".',
  INVALID_ARN: 'A Resource that is not an ARN (with checkArn).',
  EXPRESS_UNSUPPORTED_RESOURCE: 'An Express workflow uses .sync, .waitForTaskToken or an activity.',
  DEFINITION_TOO_LARGE: "The definition is larger than AWS's 1 MB quota.",
  DUPLICATE_JSON_KEY:
    'A key appears twice in one object of the definition text (JSON parsers keep only the last).',
  JSONATA_UNSUPPORTED_FUNCTION:
    'A JSONata expression calls $eval, which Step Functions does not provide (a warning).',
} as const;

/** A diagnostic code of `validate()`. */
export type Code = keyof typeof CODES;
