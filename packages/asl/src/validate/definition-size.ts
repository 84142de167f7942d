import type { JsonValue } from '../json.js';
import { isObject, type Obj } from '../json-shape.js';
import { isWrittenMember, jsonByteLength, jsonNumberLength, jsonStringBytes } from '../json-size.js';

/**
 * The definition's size as compact JSON, counted while the walk reads the document: the top-level members and
 * states are read anyway, so a definition is not walked a second time only to be measured (values nested in a
 * state, Parallel branches and Map processors included, are measured whole with `jsonByteLength`). Counting stops
 * once past `limit`, which also bounds the work on a cyclic value.
 */
export interface DefinitionSize {
  bytes: number;
  readonly limit: number;
}

/**
 * Adds the top level of a machine of own `keys`: every member, except that of a `States` object whose `names` are
 * not empty only the names and punctuation are added — each state is added by {@link addState} when walked.
 */
export function addMachine(
  size: DefinitionSize,
  machine: Obj,
  keys: readonly string[],
  names: readonly string[],
) {
  let members = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = machine[key];
    if (key !== 'States' || names.length === 0) members += addMember(size, key, value);
    else {
      members++;
      size.bytes += STATES_KEY_BYTES;
      addStateNames(size, value as Obj, names);
    }
  }
  addObject(size, members);
}

/** `"States":` */
const STATES_KEY_BYTES = 9;

function addStateNames(size: DefinitionSize, states: Obj, names: readonly string[]): void {
  let members = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (!isWrittenMember(states[name])) continue;
    members++;
    size.bytes += jsonStringBytes(name) + 1;
  }
  addObject(size, members);
}

/** Adds one state of the `States` object {@link addMachine} counted: an object of own `keys`, or any other value. */
export function addState(size: DefinitionSize, state: unknown, keys: readonly string[] | undefined): void {
  if (keys === undefined) {
    if (isWrittenMember(state)) addValue(size, state);
    return;
  }
  let members = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    members += addMember(size, key, (state as Obj)[key]);
  }
  addObject(size, members);
}

/** Adds `"key":value` (commas and braces apart) and returns 1, or returns 0 for a member JSON leaves out. */
function addMember(size: DefinitionSize, key: string, value: unknown): number {
  if (!isWrittenMember(value)) return 0;
  size.bytes += jsonStringBytes(key) + 1;
  addValue(size, value);
  return 1;
}

/** Adds a value JSON writes; scalars without the general walk. */
function addValue(size: DefinitionSize, value: unknown): void {
  if (size.bytes > size.limit) return;
  if (typeof value === 'string') size.bytes += jsonStringBytes(value);
  else if (typeof value === 'number') size.bytes += jsonNumberLength(value);
  else if (typeof value === 'boolean') size.bytes += value ? 4 : 5;
  else if (value === null) size.bytes += 4;
  else if (isObject(value)) addFlatObject(size, value);
  else size.bytes += jsonByteLength(value as JsonValue, size.limit - size.bytes);
}

/** An object (most are flat templates): its members here, nested objects and arrays by `jsonByteLength`. */
function addFlatObject(size: DefinitionSize, value: Obj): void {
  const keys = Object.keys(value);
  let members = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = value[key];
    if (!isWrittenMember(item)) continue;
    members++;
    size.bytes += jsonStringBytes(key) + 1;
    if (typeof item === 'string') size.bytes += jsonStringBytes(item);
    else if (typeof item === 'number') size.bytes += jsonNumberLength(item);
    else size.bytes += jsonByteLength(item as JsonValue, size.limit - size.bytes);
  }
  addObject(size, members);
}

/** Adds the braces and commas of an object of `members` written members. */
function addObject(size: DefinitionSize, members: number): void {
  size.bytes += 2 + Math.max(members - 1, 0);
}
