import type { AslDocument, JsonObject, JsonValue } from '@stepcraft/asl';
import type { HistoryEvent } from '@stepcraft/runner';
import { isRecord, own } from '../json-data.js';
import type { RunStatus, StateInspection, ViewedRun } from './run-record.js';

/** The outcome of reading a run file: the run, or what is wrong and where (`events[3].type: expected a string`). */
export type ReadRunResult =
  | { readonly ok: true; readonly run: ViewedRun }
  | { readonly ok: false; readonly message: string };

/** What an AWS history needs besides its events. */
export interface HistoryContext {
  /** The ASL that ran (an AWS history does not carry it). */
  readonly definition?: unknown;
  /** The state machine's name, shown in the page (default `StateMachine`). */
  readonly workflow?: string;
}

const RUN_FORMAT = 'stepcraft.run/1';
const RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

/** The execution's end events and the status each gives. */
const END_EVENTS: Readonly<Record<string, RunStatus>> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
};

/** Detail fields the viewer reads, with the JSON type AWS gives them. */
const DETAIL_FIELDS: Readonly<Record<string, 'string' | 'number'>> = {
  name: 'string',
  input: 'string',
  output: 'string',
  parameters: 'string',
  error: 'string',
  cause: 'string',
  resource: 'string',
  resourceType: 'string',
  index: 'number',
  length: 'number',
};

/** A problem found at `path` in the file; caught by `readRun`, never escapes it. */
class Invalid extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(problem);
  }
}

/**
 * Reads an untrusted, already JSON-parsed run file: a run record (`format: "stepcraft.run/1"`, as
 * `stepcraft run --history` writes it), or an AWS execution history (`aws stepfunctions get-execution-history`
 * output `{ "events": [...] }`, or its bare event array) together with `context.definition`. Every field the viewer
 * reads is checked; the first problem is reported with its path. Timestamps may be ISO 8601 text or epoch seconds
 * (the AWS API's and CLI v1's form) and come out as ISO text; a history listed newest first (`--reverse-order`) is
 * put back in order.
 */
export function readRun(value: unknown, context: HistoryContext = {}): ReadRunResult {
  try {
    return { ok: true, run: readValue(value, context) };
  } catch (error) {
    if (error instanceof Invalid) {
      return { ok: false, message: error.path === '' ? error.message : `${error.path}: ${error.message}` };
    }
    throw error;
  }
}

function readValue(value: unknown, context: HistoryContext): ViewedRun {
  const isRecordFile = isRecord(value) && Object.hasOwn(value, 'format');
  if (!isRecordFile) {
    const events = Array.isArray(value) ? value : isRecord(value) ? own(value, 'events') : undefined;
    if (!Array.isArray(events)) {
      throw new Invalid(
        '',
        'expected a run record ({"format": "stepcraft.run/1", …}) or an execution history ({"events": [...]})',
      );
    }
    if (context.definition === undefined) {
      throw new Invalid('', 'this is an execution history without its definition: give the definition too');
    }
    return historyRun(readEvents(events, Array.isArray(value) ? '' : 'events'), context);
  }
  const record = value as Record<string, unknown>;
  if (context.definition !== undefined) {
    throw new Invalid('', 'a run record carries its own definition: do not give another one');
  }
  const format = own(record, 'format');
  if (format !== RUN_FORMAT) throw new Invalid('format', `expected "${RUN_FORMAT}", got ${describe(format)}`);
  const status = own(record, 'status');
  if (!RUN_STATUSES.includes(status as RunStatus)) {
    throw new Invalid('status', `expected one of ${RUN_STATUSES.join(', ')}, got ${describe(status)}`);
  }
  const stats = expectObject(own(record, 'stats'), 'stats');
  const count = (key: string) => {
    const n = own(stats, key);
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
      throw new Invalid(`stats.${key}`, `expected a number ≥ 0, got ${describe(n)}`);
    }
    return n;
  };
  const inspections = own(record, 'inspections');
  return {
    format: RUN_FORMAT,
    workflow: expectString(own(record, 'workflow'), 'workflow'),
    definition: readDefinition(own(record, 'definition'), 'definition'),
    input: expectPresent(own(record, 'input'), 'input'),
    status: status as RunStatus,
    ...optionalJson(record, 'output'),
    ...optionalString(record, 'error', 'error'),
    ...optionalString(record, 'cause', 'cause'),
    stats: { transitions: count('transitions'), events: count('events'), durationMs: count('durationMs') },
    events: readEvents(expectArray(own(record, 'events'), 'events'), 'events'),
    ...(inspections === undefined ? {} : { inspections: readInspections(inspections) }),
  };
}

/** A run made from an AWS history: input, outcome and counts are read off its events. */
function historyRun(events: readonly HistoryEvent[], context: HistoryContext): ViewedRun {
  const started = events.find((event) => event.type === 'ExecutionStarted');
  const end = events.findLast((event) => Object.hasOwn(END_EVENTS, event.type));
  const endDetails = end === undefined ? undefined : detailsOf(end);
  const text = (details: Readonly<JsonObject> | undefined, key: string) => {
    const found = details === undefined ? undefined : own(details, key);
    return typeof found === 'string' ? found : undefined;
  };
  const startedInput = text(started === undefined ? undefined : detailsOf(started), 'input');
  const output = end?.type === 'ExecutionSucceeded' ? text(endDetails, 'output') : undefined;
  const error = end?.type === 'ExecutionSucceeded' ? undefined : text(endDetails, 'error');
  const cause = end?.type === 'ExecutionSucceeded' ? undefined : text(endDetails, 'cause');
  const first = events[0];
  const last = events.at(-1);
  return {
    format: RUN_FORMAT,
    workflow: context.workflow ?? 'StateMachine',
    definition: readDefinition(context.definition, 'definition'),
    input: startedInput === undefined ? null : parseOr(startedInput),
    status: end === undefined ? 'RUNNING' : (END_EVENTS[end.type] ?? 'RUNNING'),
    ...(output === undefined ? {} : { output: parseOr(output) }),
    ...(error === undefined ? {} : { error }),
    ...(cause === undefined ? {} : { cause }),
    stats: {
      transitions: events.filter((event) => event.type.endsWith('StateEntered')).length,
      events: events.length,
      durationMs:
        first === undefined || last === undefined
          ? 0
          : Date.parse(last.timestamp) - Date.parse(first.timestamp),
    },
    events,
  };
}

/** The definition, an object with `StartAt` and `States`; what it holds beyond that is drawn as found. */
function readDefinition(value: unknown, path: string): AslDocument {
  const definition = expectObject(value, path);
  expectString(own(definition, 'StartAt'), `${path}.StartAt`);
  expectObject(own(definition, 'States'), `${path}.States`);
  if (!hasDocumentShape(definition)) throw new Invalid(path, 'expected a state machine definition');
  return definition;
}

/**
 * The outline of an ASL document. The viewer draws whatever the states hold (unknown types become `Unknown`
 * boxes), so it does not validate them: a run of an invalid definition can still be looked at.
 */
function hasDocumentShape(value: Record<string, unknown>): value is Record<string, unknown> & AslDocument {
  return typeof own(value, 'StartAt') === 'string' && isRecord(own(value, 'States'));
}

function readEvents(list: readonly unknown[], path: string): HistoryEvent[] {
  const at = (index: number) => (path === '' ? `[${index}]` : `${path}[${index}]`);
  const events = list.map((raw, index) => readEvent(raw, at(index)));
  const isNewestFirst = events.length > 1 && (events[0]?.id ?? 0) > (events[1]?.id ?? 0);
  if (isNewestFirst) events.reverse();
  for (let i = 1; i < events.length; i++) {
    const previous = events[i - 1] as HistoryEvent;
    const event = events[i] as HistoryEvent;
    if (event.id <= previous.id) {
      const index = isNewestFirst ? events.length - 1 - i : i;
      throw new Invalid(
        `${at(index)}.id`,
        `event ids must all increase (or all decrease); ${event.id} follows ${previous.id}`,
      );
    }
  }
  return events;
}

function readEvent(raw: unknown, path: string): HistoryEvent {
  const event = expectObject(raw, path);
  const id = own(event, 'id');
  if (!Number.isSafeInteger(id) || (id as number) < 1) {
    throw new Invalid(`${path}.id`, `expected an integer ≥ 1, got ${describe(id)}`);
  }
  const type = expectString(own(event, 'type'), `${path}.type`);
  const previous = own(event, 'previousEventId');
  if (previous !== undefined && (!Number.isSafeInteger(previous) || (previous as number) < 0)) {
    throw new Invalid(`${path}.previousEventId`, `expected an integer ≥ 0, got ${describe(previous)}`);
  }
  const read: { -readonly [K in keyof HistoryEvent]: HistoryEvent[K] } = {
    id: id as number,
    previousEventId: (previous as number | undefined) ?? 0,
    timestamp: readTimestamp(own(event, 'timestamp'), `${path}.timestamp`),
    type,
  };
  for (const key of Object.keys(event)) {
    if (!key.endsWith('EventDetails')) continue;
    const details = expectObject(own(event, key), `${path}.${key}`);
    for (const [field, expected] of Object.entries(DETAIL_FIELDS)) {
      const found = own(details, field);
      if (found !== undefined && typeof found !== expected) {
        throw new Invalid(`${path}.${key}.${field}`, `expected a ${expected}, got ${describe(found)}`);
      }
    }
    const assigned = own(details, 'assignedVariables');
    read[key as `${string}EventDetails`] = (
      assigned === undefined
        ? details
        : { ...details, assignedVariables: assignedText(assigned, `${path}.${key}.assignedVariables`) }
    ) as JsonObject;
  }
  return read;
}

/**
 * Each assigned variable's value as JSON text. AWS writes JSON text; some tools store the value already parsed,
 * which is read as well (and written back as text), so both kinds of history open.
 */
function assignedText(value: unknown, path: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, found] of Object.entries(expectObject(value, path))) {
    const text = typeof found === 'string' ? found : jsonText(found);
    if (text === undefined)
      throw new Invalid(`${path}.${name}`, `expected JSON text or a JSON value, got ${describe(found)}`);
    // A variable named `__proto__` stays a plain key.
    Object.defineProperty(texts, name, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return texts;
}

/** A value's JSON text, or undefined when it is not JSON (a function, a bigint, a cycle…). */
function jsonText(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** ISO 8601 text as is; a number is epoch seconds, as the AWS API (and AWS CLI v1) gives it. */
function readTimestamp(value: unknown, path: string): string {
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e12) {
    return new Date(Math.round(value * 1000)).toISOString();
  }
  throw new Invalid(path, `expected an ISO 8601 date or epoch seconds, got ${describe(value)}`);
}

function readInspections(value: unknown): StateInspection[] {
  return expectArray(value, 'inspections').map((raw, index) => {
    const path = `inspections[${index}]`;
    const inspection = expectObject(raw, path);
    const enteredEventId = own(inspection, 'enteredEventId');
    if (!Number.isSafeInteger(enteredEventId)) {
      throw new Invalid(`${path}.enteredEventId`, `expected an integer, got ${describe(enteredEventId)}`);
    }
    const scopes = expectArray(own(inspection, 'path'), `${path}.path`).map((step, at) => {
      const scope = expectObject(step, `${path}.path[${at}]`);
      const stepIndex = own(scope, 'index');
      if (!Number.isSafeInteger(stepIndex)) {
        throw new Invalid(`${path}.path[${at}].index`, `expected an integer, got ${describe(stepIndex)}`);
      }
      return {
        state: expectString(own(scope, 'state'), `${path}.path[${at}].state`),
        index: stepIndex as number,
      };
    });
    const variables = own(inspection, 'variables');
    const retries = own(inspection, 'retries');
    return {
      enteredEventId: enteredEventId as number,
      state: expectString(own(inspection, 'state'), `${path}.state`),
      path: scopes,
      input: expectPresent(own(inspection, 'input'), `${path}.input`),
      ...optionalJson(inspection, 'afterInputPath'),
      ...optionalJson(inspection, 'afterParameters'),
      ...optionalJson(inspection, 'afterArguments'),
      ...optionalJson(inspection, 'result'),
      ...optionalJson(inspection, 'afterResultSelector'),
      ...optionalJson(inspection, 'afterResultPath'),
      ...optionalJson(inspection, 'output'),
      ...(variables === undefined
        ? {}
        : { variables: expectObject(variables, `${path}.variables`) as Record<string, JsonValue> }),
      ...optionalString(inspection, 'error', `${path}.error`),
      ...optionalString(inspection, 'cause', `${path}.cause`),
      ...(retries === undefined ? {} : { retries: readRetries(retries, `${path}.retries`) }),
    };
  });
}

function readRetries(value: unknown, path: string): NonNullable<StateInspection['retries']> {
  return expectArray(value, path).map((raw, index) => {
    const retry = expectObject(raw, `${path}[${index}]`);
    const delaySeconds = own(retry, 'delaySeconds');
    if (typeof delaySeconds !== 'number' || !Number.isFinite(delaySeconds) || delaySeconds < 0) {
      throw new Invalid(
        `${path}[${index}].delaySeconds`,
        `expected a number ≥ 0, got ${describe(delaySeconds)}`,
      );
    }
    return {
      error: expectString(own(retry, 'error'), `${path}[${index}].error`),
      ...optionalString(retry, 'cause', `${path}[${index}].cause`),
      delaySeconds,
    };
  });
}

/** The details object of an event (AWS names its key after the type: `stateEnteredEventDetails`, …). */
export function detailsOf(event: HistoryEvent): Readonly<JsonObject> | undefined {
  for (const key of Object.keys(event)) {
    const details = event[key as `${string}EventDetails`];
    if (key.endsWith('EventDetails') && isRecord(details)) return details;
  }
  return undefined;
}

function parseOr(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    // Truncated payloads (`inputDetails.truncated`) are not JSON: keep the text.
    return text;
  }
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Invalid(path, `expected an object, got ${describe(value)}`);
  return value;
}

function expectArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new Invalid(path, `expected an array, got ${describe(value)}`);
  return value;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Invalid(path, `expected a string, got ${describe(value)}`);
  return value;
}

function expectPresent(value: unknown, path: string): JsonValue {
  if (value === undefined) throw new Invalid(path, 'missing');
  return value as JsonValue;
}

function optionalString<K extends string>(
  record: Record<string, unknown>,
  key: K,
  path: string,
): { [P in K]?: string } {
  const value = own(record, key);
  return value === undefined ? {} : ({ [key]: expectString(value, path) } as { [P in K]?: string });
}

function optionalJson<K extends string>(record: Record<string, unknown>, key: K): { [P in K]?: JsonValue } {
  const value = own(record, key);
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: JsonValue });
}

/** `a string`, `null`, `an array`, `42`…: what was found, short. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return value.length > 40 ? `a string "${value.slice(0, 37)}…"` : `"${value}"`;
  return String(value);
}
