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

/**
 * Appends events in O(1) each; counts them even when not recording. State entries and exits keep their JSON values
 * (never mutated, so shared with the execution) and are serialised only when the history is read: a run that never
 * looks at its history, or looks once at the end, pays one `JSON.stringify` per event at most.
 */
export interface HistoryRecorder {
  count: number;
  /** An event; details given as a function are built when the history is read (their inputs must not change). */
  emit(lane: Lane, type: string, details?: JsonObject | (() => JsonObject | undefined)): number;
  /**
   * An event whose details `build(data)` makes when the history is read: with a shared `build`, nothing is allocated
   * per event (a closure over `data` would be). `data` must not change.
   */
  emitLater<T>(lane: Lane, type: string, build: (data: T) => JsonObject, data: T): number;
  /** `<Type>StateEntered` or `<Type>StateExited` with the state's input or output and assignments. */
  emitState(
    lane: Lane,
    type: string,
    name: string,
    value: JsonValue,
    assigned?: ReadonlyMap<string, JsonValue>,
  ): number;
  /** The events so far, as AWS shapes them (built once and kept). */
  read(): readonly HistoryEvent[];
  /** The events so far, one at a time; those not read yet are built on the fly and not kept. */
  each(): Generator<HistoryEvent>;
}

/** The details key AWS uses for an event type. */
export function detailsKey(type: string): `${string}EventDetails` {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]?.toLowerCase() ?? ''}${type.slice(1)}EventDetails`;
}

/**
 * Events not read yet are kept as four slots each in chunks (previous id, type, state name, payload), not as event
 * objects: a long run holds millions of them, and chunks, unlike one growing array, are never copied. Timestamps
 * are kept apart, once per change (virtual time rarely moves between events). Reading the history builds the
 * AWS-shaped objects once, serialising state inputs and outputs; consecutive events with the same value (a state's
 * output, the next state's input) share one text.
 */
const SLOTS = 4;
/** Chunks start small (most executions are short) and double up to this many events. */
const FIRST_CHUNK_EVENTS = 16;
const CHUNK_EVENTS = 2048;

/**
 * Pending events: `name` is the state name of a state event, the details builder of an `emitLater` event, undefined
 * for others; `payload` is a state's input or output, the builder's data, or another event's details (or a function
 * building them).
 */
interface Pending {
  readonly chunks: unknown[][];
  /** Where the timestamp changes: pairs of (event position, ISO text), in order. */
  readonly stamps: (number | string)[];
  /** Slots used in the last chunk. */
  used: number;
  count: number;
  /** Assignments of `…StateExited` events, by position (created on the first: most runs assign nothing). */
  assigned: Map<number, ReadonlyMap<string, JsonValue>> | undefined;
}

const noPending = (): Pending => ({ chunks: [], stamps: [], used: 0, count: 0, assigned: undefined });

/**
 * A recorder stamping events with `stamp()` (the time as ISO text, one shared string per instant); `accept` sees
 * the new count (limits) before the event is kept.
 */
export function historyRecorder(options: {
  readonly record: boolean;
  readonly stamp: () => string;
  readonly accept: (count: number) => boolean;
}): HistoryRecorder {
  let events: HistoryEvent[] = [];
  let pending = noPending();
  /** The timestamp of the last event recorded in `pending` (each new `pending` records its first one). */
  let lastStamp: string | undefined;
  const append = (lane: Lane, type: string, name: unknown, payload: unknown): number => {
    if (lane.silent === true || !options.accept(recorder.count + 1)) return lane.lastEventId;
    const id = ++recorder.count;
    if (options.record) {
      let chunk = pending.chunks[pending.chunks.length - 1];
      if (chunk === undefined || pending.used === chunk.length) {
        const events = Math.min(CHUNK_EVENTS, FIRST_CHUNK_EVENTS * 2 ** Math.min(pending.chunks.length, 7));
        chunk = new Array(events * SLOTS);
        pending.chunks.push(chunk);
        pending.used = 0;
      }
      const at = pending.used;
      pending.used += SLOTS;
      chunk[at] = lane.lastEventId;
      chunk[at + 1] = type;
      chunk[at + 2] = name;
      chunk[at + 3] = payload;
      const stamp = options.stamp();
      if (stamp !== lastStamp) {
        lastStamp = stamp;
        pending.stamps.push(pending.count, stamp);
      }
      pending.count++;
    }
    lane.lastEventId = id;
    return id;
  };
  const recorder: HistoryRecorder = {
    count: 0,
    emit: (lane, type, details) => append(lane, type, undefined, details),
    emitLater: (lane, type, build, data) => append(lane, type, build, data),
    emitState(lane, type, name, value, assigned) {
      const at = pending.count;
      const id = append(lane, type, name, value);
      if (assigned !== undefined && assigned.size > 0 && pending.count > at) {
        pending.assigned ??= new Map();
        pending.assigned.set(at, assigned);
      }
      return id;
    },
    read() {
      if (pending.count === 0) return events;
      const taken = pending;
      pending = noPending();
      lastStamp = undefined;
      const before = events.length;
      // Sized once: pushing millions of events would copy the array as it grows.
      const built: HistoryEvent[] = new Array(before + taken.count);
      for (let i = 0; i < before; i++) built[i] = events[i] as HistoryEvent;
      events = built;
      let i = before;
      // Each chunk is let go as soon as it is built.
      for (const event of buildEvents(taken, before, true)) events[i++] = event;
      return events;
    },
    *each() {
      yield* events;
      // Built one at a time and not kept: a long history of large payloads is never in memory at once.
      yield* buildEvents(pending, events.length, false);
    },
  };
  return recorder;
}

/** The AWS-shaped events of `taken`, numbered from `before + 1`; `release` empties each chunk once built. */
function* buildEvents(taken: Pending, before: number, release: boolean): Generator<HistoryEvent> {
  // Consecutive events with the same value (a state's output, the next state's input) share one text.
  let lastValue: unknown;
  let lastText: string | undefined;
  const text = (value: unknown): string => {
    if (value !== lastValue || lastText === undefined) {
      lastValue = value;
      lastText = JSON.stringify(value);
    }
    return lastText;
  };
  const stamps = taken.stamps;
  let nextStampAt = 0;
  let timestamp = '';
  let chunkIndex = 0;
  let at = -SLOTS;
  for (let i = 0; i < taken.count; i++) {
    at += SLOTS;
    if (at === (taken.chunks[chunkIndex] as unknown[]).length) {
      if (release) taken.chunks[chunkIndex] = [];
      chunkIndex++;
      at = 0;
    }
    const chunk = taken.chunks[chunkIndex] as unknown[];
    const id = before + i + 1;
    if (nextStampAt < stamps.length && stamps[nextStampAt] === i) {
      timestamp = stamps[nextStampAt + 1] as string;
      nextStampAt += 2;
    }
    const previousEventId = chunk[at] as number;
    const type = chunk[at + 1] as string;
    const name = chunk[at + 2] as string | ((data: unknown) => JsonObject) | undefined;
    const payload = chunk[at + 3];
    if (typeof name !== 'string') {
      const details =
        typeof name === 'function'
          ? name(payload)
          : ((typeof payload === 'function' ? (payload as () => unknown)() : payload) as
              | JsonObject
              | undefined);
      yield details === undefined
        ? { id, previousEventId, timestamp, type }
        : { id, previousEventId, timestamp, type, [detailsKey(type)]: details };
    } else if (type.endsWith('Entered')) {
      const stateEnteredEventDetails = { name, input: text(payload), inputDetails: NOT_TRUNCATED };
      yield { id, previousEventId, timestamp, type, stateEnteredEventDetails };
    } else {
      const output = text(payload);
      const assigned = taken.assigned?.get(i);
      const stateExitedEventDetails: JsonObject =
        assigned === undefined
          ? { name, output, outputDetails: NOT_TRUNCATED }
          : {
              name,
              output,
              outputDetails: NOT_TRUNCATED,
              assignedVariables: serialiseAssigned(assigned),
              assignedVariablesDetails: NOT_TRUNCATED,
            };
      yield { id, previousEventId, timestamp, type, stateExitedEventDetails };
    }
  }
}

/** `{truncated: false}`, shared (immutable) by every event. */
export const NOT_TRUNCATED: JsonObject = Object.freeze({ truncated: false }) as JsonObject;

/** `assignedVariables` as AWS writes it: each value JSON-serialised. */
export function serialiseAssigned(assigned: ReadonlyMap<string, JsonValue>): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of assigned) setKey(out, name, JSON.stringify(value));
  return out;
}

/** Where an execution result keeps its recorder (a hidden property), so its events can be streamed. */
const RECORDER: unique symbol = Symbol('stepcraft.history');

/** Gives an execution result its recorder, hidden from enumeration and comparison. */
export function attachRecorder<T extends object>(result: T, recorder: HistoryRecorder): T {
  Object.defineProperty(result, RECORDER, { value: recorder });
  return result;
}

/**
 * The events of an execution result, one at a time: straight from its recorder when it has one (events not read
 * yet are built as they are consumed and not kept), else its `history`.
 */
export function historyOf(result: { readonly history: readonly HistoryEvent[] }): Iterable<HistoryEvent> {
  const recorder = (result as { readonly [RECORDER]?: HistoryRecorder })[RECORDER];
  return recorder === undefined ? result.history : recorder.each();
}
