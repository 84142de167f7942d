import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { HistoryFormatError } from '../errors.js';

/**
 * One event as AWS's GetExecutionHistory returns it (the runner's `HistoryEvent` is one): details under
 * `<camelCaseType>EventDetails`, inputs and outputs as JSON text, the timestamp as ISO text or epoch seconds.
 */
export interface AwsHistoryEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly timestamp?: string | number;
  readonly type: string;
  readonly [details: `${string}EventDetails`]: unknown;
}

/**
 * An execution history: the events of a local run, or the JSON of `aws stepfunctions get-execution-history`
 * (`{ "events": [...] }`).
 */
export type History = readonly AwsHistoryEvent[] | { readonly events: readonly AwsHistoryEvent[] };

/** An event as this package reads it: checked once, details found, timestamp in epoch milliseconds. */
export interface ReadEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly type: string;
  /** Epoch milliseconds, NaN when the event has no readable timestamp. */
  readonly at: number;
  /** The `…EventDetails` object, or an empty object. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly event: AwsHistoryEvent;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Checks and reads a history given as untrusted JSON: every event must be an object with a numeric `id` and a
 * string `type`; events are returned in id order. Throws `HistoryFormatError` naming the event at fault.
 */
export function readEvents(history: unknown): readonly ReadEvent[] {
  const list = Array.isArray(history)
    ? history
    : typeof history === 'object' &&
        history !== null &&
        Array.isArray((history as { events?: unknown }).events)
      ? (history as { events: unknown[] }).events
      : undefined;
  if (list === undefined) {
    throw new HistoryFormatError(
      'An execution history is an array of events or an object { "events": [...] } (the output of aws stepfunctions get-execution-history).',
    );
  }
  const out: ReadEvent[] = [];
  list.forEach((raw: unknown, position) => {
    const where = `events[${position}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new HistoryFormatError(`${where} is not an object.`);
    const event = raw as Record<string, unknown>;
    if (typeof event.id !== 'number' || !Number.isInteger(event.id))
      throw new HistoryFormatError(`${where}.id is not an integer.`);
    if (typeof event.type !== 'string') throw new HistoryFormatError(`${where}.type is not a string.`);
    const previous = event.previousEventId;
    let details: Readonly<Record<string, unknown>> = EMPTY;
    for (const key of Object.keys(event)) {
      const value = event[key];
      if (
        key.endsWith('EventDetails') &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      )
        details = value as Record<string, unknown>;
    }
    out.push({
      id: event.id,
      previousEventId: typeof previous === 'number' && Number.isInteger(previous) ? previous : 0,
      type: event.type,
      at: timeOf(event.timestamp),
      details,
      event: raw as AwsHistoryEvent,
    });
  });
  // The API returns events in id order unless asked for reverse order; accept either.
  out.sort((a, b) => a.id - b.id);
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as ReadEvent).id === (out[i - 1] as ReadEvent).id)
      throw new HistoryFormatError(`Two events have the id ${(out[i] as ReadEvent).id}.`);
  }
  return out;
}

function timeOf(value: unknown): number {
  if (typeof value === 'number') return value > 1e11 ? value : value * 1000;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

/**
 * A JSON value carried as text in event details (AWS writes inputs and outputs as JSON strings). Already-parsed
 * values (as some recorders store them) are returned as they are; text that is not JSON is returned as text.
 */
export function jsonOf(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return value as JsonValue;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

/** A string field of the details, if it is one. */
export function textOf(details: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = details[key];
  return typeof value === 'string' ? value : undefined;
}

/** `assignedVariables` of a StateExited event, each value parsed back from AWS's JSON text. */
export function assignedOf(details: Readonly<Record<string, unknown>>): Readonly<JsonObject> | undefined {
  const assigned = details.assignedVariables;
  if (typeof assigned !== 'object' || assigned === null || Array.isArray(assigned)) return undefined;
  const out: JsonObject = {};
  for (const [name, text] of Object.entries(assigned)) {
    Object.defineProperty(out, name, {
      value: jsonOf(text) ?? null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
