import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { setKey } from './json-value.js';

/**
 * One event of the execution history, shaped like AWS's GetExecutionHistory: the details sit under
 * `<camelCaseType>EventDetails` (`stateEnteredEventDetails` for every `…StateEntered`, etc.); inputs and outputs
 * inside details are JSON text, as AWS returns them.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  /** ISO 8601 UTC, simulated time under the virtual clock. */
  readonly timestamp: string;
  readonly type: string;
  readonly [details: `${string}EventDetails`]: Readonly<JsonObject> | undefined;
}

/** Where the previous event of a fiber (the top level, a branch, an iteration) is remembered for `previousEventId`. */
export interface Lane {
  lastEventId: number;
  /** Distributed Map child executions keep their own histories: their events are not in the parent's. */
  readonly silent?: boolean;
}

/** Appends events in O(1) each; counts them even when not recording. */
export interface HistoryRecorder {
  readonly events: HistoryEvent[];
  count: number;
  emit(lane: Lane, type: string, details?: JsonObject): number;
}

/** The details key AWS uses for an event type. */
export function detailsKey(type: string): `${string}EventDetails` {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]?.toLowerCase() ?? ''}${type.slice(1)}EventDetails`;
}

/** A recorder stamping events with `now()`; `onEvent` sees the new count (limits) before the event is kept. */
export function historyRecorder(options: {
  readonly record: boolean;
  readonly now: () => number;
  readonly accept: (count: number) => boolean;
}): HistoryRecorder {
  let lastTime = Number.NaN;
  let lastStamp = '';
  const recorder: HistoryRecorder = {
    events: [],
    count: 0,
    emit(lane, type, details) {
      if (lane.silent === true) return lane.lastEventId;
      if (!options.accept(recorder.count + 1)) return lane.lastEventId;
      const id = ++recorder.count;
      if (options.record) {
        const time = options.now();
        if (time !== lastTime) {
          lastTime = time;
          lastStamp = new Date(time).toISOString();
        }
        const event: { -readonly [K in keyof HistoryEvent]: HistoryEvent[K] } = {
          id,
          previousEventId: lane.lastEventId,
          timestamp: lastStamp,
          type,
        };
        if (details !== undefined) event[detailsKey(type)] = details;
        recorder.events.push(event);
      }
      lane.lastEventId = id;
      return id;
    },
  };
  return recorder;
}

/** `{truncated: false}`, shared (immutable) by every event. */
export const NOT_TRUNCATED: JsonObject = Object.freeze({ truncated: false }) as JsonObject;

/** `assignedVariables` as AWS writes it: each value JSON-serialised. */
export function serialiseAssigned(assigned: ReadonlyMap<string, JsonValue>): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of assigned) setKey(out, name, JSON.stringify(value));
  return out;
}
