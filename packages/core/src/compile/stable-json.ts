import type { AslDocument, JsonValue } from '@stepcraft/asl';

// Conventional ASL key orders. Keys not listed keep their order, after the listed ones (Next/End always last).
const DOCUMENT_KEYS = ['Comment', 'QueryLanguage', 'StartAt', 'States', 'TimeoutSeconds', 'Version'];
const SUB_MACHINE_KEYS = ['Comment', 'ProcessorConfig', 'StartAt', 'States'];
const STATE_KEYS = [
  'Type',
  'Comment',
  'QueryLanguage',
  'Resource',
  'InputPath',
  'ItemsPath',
  'Items',
  'ItemReader',
  'ItemSelector',
  'ItemBatcher',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
  'Parameters',
  'Arguments',
  'Credentials',
  'Result',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'ResultWriter',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'Choices',
  'Default',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'Retry',
  'Catch',
];
const TRANSITION_KEYS = ['Next', 'End'];
const RETRIER_KEYS = [
  'ErrorEquals',
  'Comment',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
];
const CATCHER_KEYS = ['ErrorEquals', 'Comment', 'ResultPath', 'Output', 'Assign', 'Next'];

/**
 * Serialises an ASL document deterministically: conventional key order (Comment, QueryLanguage, StartAt, States,
 * TimeoutSeconds at the top; Type, Comment, … , Next/End in a state), 2-space indent, trailing newline. Payload
 * templates keep the order they were written in. The single place that decides ASL formatting.
 */
export function stringifyAsl(definition: AslDocument): string {
  return `${JSON.stringify(orderMachine(definition as unknown as Record<string, JsonValue>, DOCUMENT_KEYS), null, 2)}\n`;
}

type JsonRecord = Record<string, JsonValue>;

function orderMachine(machine: JsonRecord, keys: readonly string[]): JsonRecord {
  const out = ordered(machine, keys, []);
  const states = machine.States;
  if (isRecord(states)) {
    const orderedStates: JsonRecord = {};
    for (const [name, state] of Object.entries(states)) {
      define(orderedStates, name, isRecord(state) ? orderState(state) : state);
    }
    define(out, 'States', orderedStates);
  }
  return out;
}

function orderState(state: JsonRecord): JsonRecord {
  const out = ordered(state, STATE_KEYS, TRANSITION_KEYS);
  if (Array.isArray(state.Branches)) {
    define(
      out,
      'Branches',
      state.Branches.map((b) => (isRecord(b) ? orderMachine(b, SUB_MACHINE_KEYS) : b)),
    );
  }
  for (const key of ['ItemProcessor', 'Iterator']) {
    const processor = state[key];
    if (isRecord(processor)) define(out, key, orderMachine(processor, SUB_MACHINE_KEYS));
  }
  if (Array.isArray(state.Retry))
    define(
      out,
      'Retry',
      state.Retry.map((r) => (isRecord(r) ? ordered(r, RETRIER_KEYS, []) : r)),
    );
  if (Array.isArray(state.Catch))
    define(
      out,
      'Catch',
      state.Catch.map((c) => (isRecord(c) ? ordered(c, CATCHER_KEYS, []) : c)),
    );
  if (Array.isArray(state.Choices)) {
    define(
      out,
      'Choices',
      state.Choices.map((c) => (isRecord(c) ? ordered(c, ['Variable'], ['Next']) : c)),
    );
  }
  return out;
}

// Listed keys first (in list order), then the others in their own order, then the `last` keys.
function ordered(value: JsonRecord, first: readonly string[], last: readonly string[]): JsonRecord {
  const out: JsonRecord = {};
  const present = (key: string) => Object.hasOwn(value, key);
  for (const key of first) if (present(key)) define(out, key, value[key] as JsonValue);
  for (const key of Object.keys(value)) {
    if (!first.includes(key) && !last.includes(key)) define(out, key, value[key] as JsonValue);
  }
  for (const key of last) if (present(key)) define(out, key, value[key] as JsonValue);
  return out;
}

function define(target: JsonRecord, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
