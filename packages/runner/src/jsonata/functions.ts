import type { JsonValue } from '@stepcraft/asl';
import { hash, intrinsicFailure, partition, range, stringToJson } from '../intrinsics/functions.js';
import { javaSeededDouble } from '../intrinsics/java-random.js';
import { randomUuid } from '../random.js';
import { ownView } from './own-view.js';

type Arg = JsonValue | undefined;

/** Marks an array as a JSONata sequence, so a one-item result collapses to the item as AWS's `$range` does. */
function asSequence<T>(items: T[]): T[] {
  Object.defineProperty(items, 'sequence', { value: true });
  return items;
}

/** The JSONata error AWS reports for calling something that is not a function (used to hide `$eval`). */
function notAFunction(): never {
  throw Object.assign(new Error('Attempted to invoke a non-function'), { code: 'T1006' });
}

/**
 * The functions AWS adds to JSONata 2.0.6 (and `$eval`, which AWS removes), bound for one evaluation because
 * `$random` and `$uuid` draw from the execution's seeded random source.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function stepFunctionsBindings(random: () => number): Record<string, unknown> {
  return {
    partition: (array: Arg, size: Arg) => partition('$partition', array ?? null, size ?? null),
    range: (first: Arg, last: Arg, step: Arg) =>
      asSequence(range('$range', first ?? null, last ?? null, step ?? null)),
    hash: (value: Arg, algorithm: Arg) => hash('$hash', value ?? null, algorithm ?? null),
    // Parsed data is workflow data: seen through an own-property view like the input.
    parse: (text: Arg) => ownView(stringToJson('$parse', text ?? null)),
    uuid: () => randomUuid(random),
    random: (seed: Arg) => {
      if (seed === undefined) return random();
      if (typeof seed !== 'number')
        throw intrinsicFailure('$random', `the seed must be a number, but was ${JSON.stringify(seed)}`);
      return javaSeededDouble(Math.round(seed));
    },
    eval: notAFunction,
  };
}

/** jsonata's native-function shape: the implementation gets `this.environment`, to reach built-ins. */
interface NativeFunction {
  readonly _jsonata_function: true;
  readonly implementation: (
    this: { environment: { lookup(name: string): unknown } },
    ...args: Arg[]
  ) => unknown;
}

/** `$now()` and `$millis()` read the execution clock instead of the wall clock (a virtual clock stays deterministic). */
export function clockBindings(now: () => number): Record<string, NativeFunction> {
  return {
    millis: { _jsonata_function: true, implementation: () => now() },
    now: {
      _jsonata_function: true,
      implementation(...args: Arg[]) {
        // Reuse jsonata's own $fromMillis for pictures and time zones, exactly as its $now does.
        const fromMillis = this.environment.lookup('fromMillis') as NativeFunction;
        return fromMillis.implementation.call(this, now(), ...args);
      },
    },
  };
}

/** Names the bindings above take; never bound to workflow variables of the same name. */
export const STEP_FUNCTIONS_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'partition',
  'range',
  'hash',
  'parse',
  'uuid',
  'random',
  'eval',
  'now',
  'millis',
]);
