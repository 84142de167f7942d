import { type AslDocument, type JsonObject, type JsonValue, pointerOf } from '@stepcraft/asl';
import { CompileError, compile, stringifyAsl } from '@stepcraft/core';
import type { WorkflowNode } from '@stepcraft/core/ir';
import { ImportError } from './errors.js';
import { isObject } from './source-text.js';

/** The definition an IR builds (not validated: the document's validity is the validator's question). */
export function build(node: WorkflowNode): AslDocument {
  try {
    return compile({ toNode: () => node }, { validate: false }).definition;
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    throw new ImportError(error.diagnostics.map((d) => d.message).join('; '));
  }
}

/** The names of every `States` object, machine by machine (depth first), in their order. */
export function stateNames(document: unknown): string[] {
  const names: string[] = [];
  const pending: unknown[] = [document];
  for (let machine = pending.pop(); machine !== undefined; machine = pending.pop()) {
    if (!isObject(machine) || !isObject(machine.States)) continue;
    const nested: unknown[] = [];
    for (const [name, state] of Object.entries(machine.States)) {
      names.push(name);
      if (!isObject(state)) continue;
      if (Array.isArray(state.Branches)) nested.push(...state.Branches);
      nested.push(state.ItemProcessor ?? state.Iterator ?? null);
    }
    pending.push(...nested.reverse());
  }
  return names;
}

/** The text `stepcraft build` writes for a document (`stringifyAsl` orders any JSON object; it reads no field). */
export function aslText(document: unknown): string {
  return stringifyAsl(document as AslDocument);
}

/**
 * Throws an `ImportError` unless `built` is `document` exactly, as `stepcraft build` writes both (`stringifyAsl`:
 * ASL's conventional key order in states; state order, payload templates and every value as written), naming the
 * first place they differ.
 */
export function assertFaithful(document: JsonObject, built: AslDocument): void {
  const expected = aslText(document);
  const actual = aslText(built);
  if (expected === actual) return;
  const difference = firstDifference(JSON.parse(expected), JSON.parse(actual), []);
  throw new ImportError(`the builder cannot say this definition as written: ${difference}`);
}

function firstDifference(expected: JsonValue, actual: JsonValue, at: (string | number)[]): string {
  if (isObject(expected) && isObject(actual)) {
    const keys = Object.keys(expected);
    const other = Object.keys(actual);
    for (const [i, key] of keys.entries()) {
      if (!Object.hasOwn(actual, key)) return `${pointerOf(...[...at, key])} would be left out`;
      if (other[i] !== key) return `${pointerOf(...[...at, key])} would come in another order`;
      if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key]))
        return firstDifference(expected[key] as JsonValue, actual[key] as JsonValue, [...at, key]);
    }
    const added = other.find((key) => !Object.hasOwn(expected, key)) as string;
    return `${pointerOf(...[...at, added])} would be added`;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    const i = expected.findIndex((item, j) => JSON.stringify(item) !== JSON.stringify(actual[j]));
    return firstDifference(expected[i] as JsonValue, actual[i] as JsonValue, [...at, i]);
  }
  return `${pointerOf(...at) || '/'} would be ${preview(actual)} instead of ${preview(expected)}`;
}

function preview(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
