import type { Obj } from '../json-shape.js';

/**
 * Every field any state type may hold, each `undefined` until read. A state's fields are read once, in one pass
 * over its own keys, into a copy of this record; the rules then read plain properties of one object shape instead
 * of probing the state with `Object.hasOwn` for each field they know (~60 probes a state).
 */
function noFields() {
  return {
    Type: undefined as unknown,
    Comment: undefined as unknown,
    QueryLanguage: undefined as unknown,
    InputPath: undefined as unknown,
    OutputPath: undefined as unknown,
    Output: undefined as unknown,
    Next: undefined as unknown,
    End: undefined as unknown,
    Assign: undefined as unknown,
    ResultPath: undefined as unknown,
    ResultSelector: undefined as unknown,
    Retry: undefined as unknown,
    Catch: undefined as unknown,
    Resource: undefined as unknown,
    Parameters: undefined as unknown,
    Arguments: undefined as unknown,
    TimeoutSeconds: undefined as unknown,
    TimeoutSecondsPath: undefined as unknown,
    HeartbeatSeconds: undefined as unknown,
    HeartbeatSecondsPath: undefined as unknown,
    Credentials: undefined as unknown,
    Result: undefined as unknown,
    Choices: undefined as unknown,
    Default: undefined as unknown,
    Seconds: undefined as unknown,
    SecondsPath: undefined as unknown,
    Timestamp: undefined as unknown,
    TimestampPath: undefined as unknown,
    Error: undefined as unknown,
    ErrorPath: undefined as unknown,
    Cause: undefined as unknown,
    CausePath: undefined as unknown,
    Branches: undefined as unknown,
    ItemProcessor: undefined as unknown,
    Iterator: undefined as unknown,
    ItemsPath: undefined as unknown,
    Items: undefined as unknown,
    ItemSelector: undefined as unknown,
    ItemReader: undefined as unknown,
    ItemBatcher: undefined as unknown,
    ResultWriter: undefined as unknown,
    MaxConcurrency: undefined as unknown,
    MaxConcurrencyPath: undefined as unknown,
    ToleratedFailurePercentage: undefined as unknown,
    ToleratedFailurePercentagePath: undefined as unknown,
    ToleratedFailureCount: undefined as unknown,
    ToleratedFailureCountPath: undefined as unknown,
    Label: undefined as unknown,
  };
}

type MutableFields = ReturnType<typeof noFields>;

/** The name of a field some state type supports. */
export type StateFieldName = keyof MutableFields;

/**
 * A state's fields by name: the value, or `undefined` when absent (a member set to `undefined`, which JSON text
 * cannot hold and `JSON.stringify` leaves out, reads as absent too). Keys no state type supports are not here.
 */
export type StateFields = Readonly<MutableFields>;

/** Reads the fields of `state` in one pass over its own `keys` (inherited members are never read). */
export function readStateFields(state: Obj, keys: readonly string[]): StateFields {
  const fields = noFields();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = state[key];
    // One case a field, each a named store: V8 keeps \`fields\` one shape, and a keyed store by a variable name is
    // several times slower than the whole switch.
    switch (key) {
      case 'Type':
        fields.Type = value;
        break;
      case 'Comment':
        fields.Comment = value;
        break;
      case 'QueryLanguage':
        fields.QueryLanguage = value;
        break;
      case 'InputPath':
        fields.InputPath = value;
        break;
      case 'OutputPath':
        fields.OutputPath = value;
        break;
      case 'Output':
        fields.Output = value;
        break;
      case 'Next':
        fields.Next = value;
        break;
      case 'End':
        fields.End = value;
        break;
      case 'Assign':
        fields.Assign = value;
        break;
      case 'ResultPath':
        fields.ResultPath = value;
        break;
      case 'ResultSelector':
        fields.ResultSelector = value;
        break;
      case 'Retry':
        fields.Retry = value;
        break;
      case 'Catch':
        fields.Catch = value;
        break;
      case 'Resource':
        fields.Resource = value;
        break;
      case 'Parameters':
        fields.Parameters = value;
        break;
      case 'Arguments':
        fields.Arguments = value;
        break;
      case 'TimeoutSeconds':
        fields.TimeoutSeconds = value;
        break;
      case 'TimeoutSecondsPath':
        fields.TimeoutSecondsPath = value;
        break;
      case 'HeartbeatSeconds':
        fields.HeartbeatSeconds = value;
        break;
      case 'HeartbeatSecondsPath':
        fields.HeartbeatSecondsPath = value;
        break;
      case 'Credentials':
        fields.Credentials = value;
        break;
      case 'Result':
        fields.Result = value;
        break;
      case 'Choices':
        fields.Choices = value;
        break;
      case 'Default':
        fields.Default = value;
        break;
      case 'Seconds':
        fields.Seconds = value;
        break;
      case 'SecondsPath':
        fields.SecondsPath = value;
        break;
      case 'Timestamp':
        fields.Timestamp = value;
        break;
      case 'TimestampPath':
        fields.TimestampPath = value;
        break;
      case 'Error':
        fields.Error = value;
        break;
      case 'ErrorPath':
        fields.ErrorPath = value;
        break;
      case 'Cause':
        fields.Cause = value;
        break;
      case 'CausePath':
        fields.CausePath = value;
        break;
      case 'Branches':
        fields.Branches = value;
        break;
      case 'ItemProcessor':
        fields.ItemProcessor = value;
        break;
      case 'Iterator':
        fields.Iterator = value;
        break;
      case 'ItemsPath':
        fields.ItemsPath = value;
        break;
      case 'Items':
        fields.Items = value;
        break;
      case 'ItemSelector':
        fields.ItemSelector = value;
        break;
      case 'ItemReader':
        fields.ItemReader = value;
        break;
      case 'ItemBatcher':
        fields.ItemBatcher = value;
        break;
      case 'ResultWriter':
        fields.ResultWriter = value;
        break;
      case 'MaxConcurrency':
        fields.MaxConcurrency = value;
        break;
      case 'MaxConcurrencyPath':
        fields.MaxConcurrencyPath = value;
        break;
      case 'ToleratedFailurePercentage':
        fields.ToleratedFailurePercentage = value;
        break;
      case 'ToleratedFailurePercentagePath':
        fields.ToleratedFailurePercentagePath = value;
        break;
      case 'ToleratedFailureCount':
        fields.ToleratedFailureCount = value;
        break;
      case 'ToleratedFailureCountPath':
        fields.ToleratedFailureCountPath = value;
        break;
      case 'Label':
        fields.Label = value;
        break;
    }
  }
  return fields;
}
