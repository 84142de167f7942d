import type { Handlers } from '@stepcraft/asl';
import { RunnerUsageError } from './errors.js';
import type { Settings } from './snapshot.js';
import type { RunOptions } from './types.js';

/** Virtual runs start here unless told otherwise, so two runs give identical histories. */
const DEFAULT_START = Date.UTC(2024, 0, 1);

/** Options after defaults and checks: the snapshot's settings plus what only the driver needs. */
export interface CheckedOptions {
  readonly settings: Settings;
  readonly virtual: boolean;
  readonly startMs: number;
  readonly seed: number;
  readonly handlerGraceMs: number;
  readonly executionName: string | undefined;
  readonly stateMachineName: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly validate: boolean;
  readonly checkArn: boolean;
}

/**
 * Checks `run()`/`start()` options and applies their defaults. A wrong kind of value (NaN, a negative limit, an
 * unknown clock, a handler that is not a function…) throws a `RunnerUsageError` naming the option.
 */
export function checkOptions(
  options: RunOptions,
  defaultType: 'STANDARD' | 'EXPRESS' | undefined,
): CheckedOptions {
  if (typeof options !== 'object' || options === null)
    throw new RunnerUsageError(`The run options must be an object, got ${describe(options)}.`);
  const clock = oneOf(options, 'clock', ['virtual', 'real'], 'virtual');
  const virtual = clock === 'virtual';
  return {
    settings: {
      handlers: handlersOption(options.handlers),
      region: text(options, 'region', 'us-east-1'),
      accountId: text(options, 'accountId', '123456789012'),
      maxTransitions: limit(options, 'maxTransitions', 1_000_000),
      maxHistoryEvents: limit(options, 'maxHistoryEvents', 25_000),
      recordHistory: flag(options, 'recordHistory', true),
      contracts: oneOf(options, 'contracts', ['fail', 'report', 'off'], 'fail'),
      stateMachineType: oneOf(
        options,
        'stateMachineType',
        ['STANDARD', 'EXPRESS'],
        defaultType ?? 'STANDARD',
      ),
      inspect: flag(options, 'inspect', false),
    },
    virtual,
    startMs: startTimeOf(options.startTime, virtual),
    seed: finite(options, 'seed', 0),
    handlerGraceMs: nonNegative(options, 'handlerGraceMs', 2_000),
    executionName: options.executionName === undefined ? undefined : text(options, 'executionName', ''),
    stateMachineName:
      options.stateMachineName === undefined ? undefined : text(options, 'stateMachineName', ''),
    signal: signalOption(options.signal),
    validate: flag(options, 'validate', true),
    checkArn: flag(options, 'checkArn', false),
  };
}

type Key = keyof RunOptions;

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return `a ${typeof value}`;
}

function bad(key: Key, expected: string, value: unknown): RunnerUsageError {
  return new RunnerUsageError(`Invalid run option ${key}: expected ${expected}, got ${describe(value)}.`);
}

/** A positive whole number of things, or Infinity for no limit. */
function limit(options: RunOptions, key: 'maxTransitions' | 'maxHistoryEvents', fallback: number): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0))
  )
    throw bad(key, 'a positive integer (or Infinity for no limit)', value);
  return value;
}

function finite(options: RunOptions, key: 'seed', fallback: number): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(key, 'a finite number', value);
  return value;
}

function nonNegative(options: RunOptions, key: 'handlerGraceMs', fallback: number): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw bad(key, 'a finite number of milliseconds ≥ 0', value);
  return value;
}

function flag(
  options: RunOptions,
  key: 'recordHistory' | 'inspect' | 'validate' | 'checkArn',
  fallback: boolean,
): boolean {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw bad(key, 'true or false', value);
  return value;
}

function text(
  options: RunOptions,
  key: 'region' | 'accountId' | 'executionName' | 'stateMachineName',
  fallback: string,
): string {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') throw bad(key, 'a non-empty string', value);
  return value;
}

function oneOf<TKey extends 'clock' | 'contracts' | 'stateMachineType', TValue extends string>(
  options: RunOptions,
  key: TKey,
  values: readonly TValue[],
  fallback: TValue,
): TValue {
  const value: unknown = options[key];
  if (value === undefined) return fallback;
  const found = values.find((v) => v === value);
  if (found === undefined) throw bad(key, values.map((v) => `'${v}'`).join(' or '), value);
  return found;
}

function handlersOption(value: unknown): Handlers | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('handlers', 'an object mapping state names or resources to functions', value);
  for (const [key, handler] of Object.entries(value)) {
    if (typeof handler !== 'function')
      throw new RunnerUsageError(
        `Invalid run option handlers: '${key}' is ${describe(handler)}, not a function.`,
      );
  }
  return value as Handlers;
}

function signalOption(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof AbortSignal)) throw bad('signal', 'an AbortSignal', value);
  return value;
}

function startTimeOf(value: unknown, virtual: boolean): number {
  if (value === undefined) return virtual ? DEFAULT_START : Date.now();
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new RunnerUsageError(`Invalid startTime: ${describe(value)} (use a Date or an ISO 8601 string).`);
  return ms;
}
