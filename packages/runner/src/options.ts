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
      region: option(options, 'region', 'us-east-1', isText, TEXT),
      accountId: option(options, 'accountId', '123456789012', isText, TEXT),
      maxTransitions: option(options, 'maxTransitions', 1_000_000, isLimit, LIMIT),
      maxHistoryEvents: option(options, 'maxHistoryEvents', 25_000, isLimit, LIMIT),
      recordHistory: option(options, 'recordHistory', true, isFlag, FLAG),
      contracts: oneOf(options, 'contracts', ['fail', 'report', 'off'], 'fail'),
      stateMachineType: oneOf(
        options,
        'stateMachineType',
        ['STANDARD', 'EXPRESS'],
        defaultType ?? 'STANDARD',
      ),
      inspect: option(options, 'inspect', false, isFlag, FLAG),
    },
    virtual,
    startMs: startTimeOf(options.startTime, virtual),
    seed: option(options, 'seed', 0, isFiniteNumber, 'a finite number'),
    handlerGraceMs: option(
      options,
      'handlerGraceMs',
      2_000,
      isDuration,
      'a finite number of milliseconds ≥ 0',
    ),
    executionName: option(options, 'executionName', undefined, isText, TEXT),
    stateMachineName: option(options, 'stateMachineName', undefined, isText, TEXT),
    signal: signalOption(options.signal),
    validate: option(options, 'validate', true, isFlag, FLAG),
    checkArn: option(options, 'checkArn', false, isFlag, FLAG),
  };
}

type Key = keyof RunOptions;

const TEXT = 'a non-empty string';
const LIMIT = 'a positive integer (or Infinity for no limit)';
const FLAG = 'true or false';

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return `a ${typeof value}`;
}

function bad(key: Key, expected: string, value: unknown): RunnerUsageError {
  return new RunnerUsageError(`Invalid run option ${key}: expected ${expected}, got ${describe(value)}.`);
}

/** An option's value, checked by `accepts` (its fallback when absent); a value it refuses throws, naming `expected`. */
function option<TValue, TFallback extends TValue | undefined>(
  options: RunOptions,
  key: Key,
  fallback: TFallback,
  accepts: (value: unknown) => value is TValue,
  expected: string,
): TValue | TFallback {
  const value: unknown = options[key];
  if (value === undefined) return fallback;
  if (!accepts(value)) throw bad(key, expected, value);
  return value;
}

/** A positive whole number of things, or Infinity for no limit. */
const isLimit = (value: unknown): value is number =>
  typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0));
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isDuration = (value: unknown): value is number => isFiniteNumber(value) && value >= 0;
const isFlag = (value: unknown): value is boolean => typeof value === 'boolean';
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

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
