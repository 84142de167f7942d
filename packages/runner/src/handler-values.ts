import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StatesError } from './errors.js';
import { copyFlat, copyJson, describeThrown, safeString } from './json-value.js';
import type { Answer, Call, StepEvent } from './snapshot.js';

/*
 * The edge where user values enter the runner. Whatever a handler returns, throws or rejects with is turned into
 * plain data here, by code that reads it defensively (getters and Proxy traps may throw, `toString` may throw,
 * structures may be cyclic or 100,000 levels deep): the answer is always a JSON value or a named failure.
 */

/** What the driver steps when a handler settled: its call and answer in one record. */
export type SettledEvent = Extract<StepEvent, { readonly type: 'settled' }>;

/**
 * A handler's (resolved) return value as its call's `settled` event. Most results are flat (primitives, or one
 * level of them): their copy goes into the event with no answer record between.
 */
export function returnedEvent(call: Call, value: unknown): SettledEvent {
  const flat = copyFlat(value === undefined ? null : value);
  if (flat !== undefined) return { type: 'settled', kind: 'settled', call, ok: true, value: flat };
  return settledEvent(call, returnedAnswer(value, call.run.name));
}

/** The `settled` event of a call with its answer. */
export function settledEvent(call: Call, answer: Answer): SettledEvent {
  return answer.ok
    ? { type: 'settled', kind: 'settled', call, ok: true, value: answer.value }
    : { type: 'settled', kind: 'settled', call, ok: false, error: answer.error, cause: answer.cause };
}

/** A handler's (resolved) return value as the task's answer: a JSON copy, or `Stepcraft.InvalidTaskResult`. */
export function returnedAnswer(value: unknown, stateName: string): Answer {
  const copied = copyJson(value === undefined ? null : value);
  // A successful copy has the shape of a successful answer: no second object.
  if (copied.ok) return copied;
  return {
    ok: false,
    error: 'Stepcraft.InvalidTaskResult',
    cause: `The handler of Task state "${stateName}" returned a value that is not JSON: ${copied.message}`,
  };
}

/**
 * The task failure for anything a handler threw or rejected with. A `StatesError` keeps its error and cause. For a
 * Lambda function (a TypeScript handler stands in for a Node.js function) the error is the Node.js runtime's
 * `errorType` and the cause its error document `{"errorType", "errorMessage", "trace"}`, built as the runtime builds
 * it: an Error gives its name, message and stack lines; anything else its `typeof` and `toString()`; a value that
 * cannot be read gives `handled`. The trace keeps the handler's own frames only, with paths relative to the working
 * directory (see `traceOf`). For other resources the error is the Error's name and the cause its message.
 * Never throws; a name that is not a string becomes one.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
 */
export function thrownAnswer(thrown: unknown, lambda: boolean): Answer {
  const states = statesErrorOf(thrown);
  if (states !== undefined) return states;
  if (lambda) {
    const document = nodeErrorDocument(thrown);
    return { ok: false, error: document.errorType, cause: JSON.stringify(document) };
  }
  const error = isError(thrown) ? (textOf(() => thrown.name) ?? 'Error') : 'Error';
  const message = isError(thrown) ? (textOf(() => thrown.message) ?? '') : describeThrown(thrown);
  return { ok: false, error: error === '' ? 'Error' : error, cause: message };
}

/** A `StatesError` (or one from another copy of the runner: same name and an `error` field), read safely. */
function statesErrorOf(thrown: unknown): Answer | undefined {
  try {
    if (
      !(thrown instanceof StatesError) &&
      !(isError(thrown) && thrown.name === 'StatesError' && 'error' in thrown)
    )
      return undefined;
    const { error, cause } = thrown as { error: unknown; cause: unknown };
    return {
      ok: false,
      error: typeof error === 'string' ? error : (textOf(() => error) ?? 'Error'),
      cause: cause === undefined ? undefined : typeof cause === 'string' ? cause : textOf(() => cause),
    };
  } catch {
    return undefined;
  }
}

/** The Node.js Lambda runtime's error document. */
interface NodeErrorDocument {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

const UNREADABLE: NodeErrorDocument = {
  errorType: 'handled',
  errorMessage:
    'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
};

function nodeErrorDocument(thrown: unknown): NodeErrorDocument {
  try {
    if (isError(thrown) || errorLike(thrown)) {
      const { name, message, stack } = thrown as { name: unknown; message: unknown; stack: unknown };
      if (typeof stack !== 'string') return UNREADABLE;
      return {
        errorType: textOf(() => name) ?? 'Error',
        errorMessage: textOf(() => message) ?? '',
        trace: traceOf(stack),
      };
    }
    const text = (thrown as { toString(): unknown }).toString();
    return { errorType: typeof thrown, errorMessage: textOf(() => text) ?? '', trace: [] };
  } catch {
    return UNREADABLE;
  }
}

/** The runner's own code (a source folder or a bundle's): its frames in a stack are the runner calling a handler. */
const RUNNER_HOME = new URL('.', import.meta.url);
const RUNNER_PATHS = [RUNNER_HOME.href, fileURLToPath(RUNNER_HOME)];

/**
 * A stack's lines as the error document's `trace`, the same on every machine: the runner's frames and those below
 * them (the runner calling the handler, then the test's own caller) are cut off, as are absolute paths to the
 * working directory. On AWS the frames are the function's, under `/var/task`, then the runtime's, under
 * `/var/runtime`; here the first part would name the folder the project sits in and the second the runner's
 * internals, and both would make one run's history differ between two checkouts.
 */
function traceOf(stack: string): string[] {
  const lines = stack.split('\n');
  const end = lines.findIndex((line) => RUNNER_PATHS.some((path) => line.includes(path)));
  const kept = end === -1 ? lines : lines.slice(0, end);
  const cwd = safeString(() => process.cwd());
  if (cwd === undefined) return kept;
  const prefixes = [pathToFileURL(cwd + sep).href, cwd + sep];
  return kept.map((line) => prefixes.reduce((text, prefix) => text.replaceAll(prefix, ''), line));
}

/** An object with string name, message and stack is taken for an error (as the Node.js runtime does). */
function errorLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { name, message, stack } = value as { name?: unknown; message?: unknown; stack?: unknown };
  return (
    typeof name === 'string' &&
    name !== '' &&
    typeof message === 'string' &&
    message !== '' &&
    typeof stack === 'string' &&
    stack !== ''
  );
}

/** `value instanceof Error`, false when even asking throws (a Proxy's getPrototypeOf trap). */
function isError(value: unknown): value is Error {
  try {
    return value instanceof Error;
  } catch {
    return false;
  }
}

/** A value as text: a string as is, anything else through `String()`; undefined when reading or converting throws. */
function textOf(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === 'string' ? value : (safeString(() => String(value)) ?? undefined);
  } catch {
    return undefined;
  }
}
