import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { setField } from '../io/json.js';
import { type AstNode, forEachNode } from './ast-walk.js';
import { viewTarget } from './own-view.js';

/*
 * jsonata keeps variables in plain `{}` frames and builds objects with `result[key] = value`, so some names are
 * not plain data there: a frame lookup of `$constructor` finds Object.prototype.constructor, an Assign named
 * `__proto__` replaces the frame's prototype, `{"__proto__": …}` sets a prototype instead of a key, and a key
 * named `hasOwnProperty` breaks jsonata's own grouping. Each expression is therefore prepared once, after parsing:
 * - variables whose name an object inherits are renamed (bound under the same private name);
 * - object-constructor keys, and path steps, named `__proto__` or `hasOwnProperty` are escaped with a private mark,
 *   which data views understand and which results lose again (see `plainJson`).
 */

/** The private mark (a Unicode noncharacter): escaped keys start with it, and so does an escaped marked key. */
const MARK = '\uFDD0';
const MARK_CODE = 0xfdd0;

/** Whether an object built by jsonata cannot hold `key` as plain data. */
function needsEscape(key: string): boolean {
  return key === '__proto__' || key === 'hasOwnProperty' || key.charCodeAt(0) === MARK_CODE;
}

/** The key under which jsonata-built objects hold `key`. */
export function escapeKey(key: string): string {
  return needsEscape(key) ? MARK + key : key;
}

/** The data key an object key or path step stands for. */
export function unescapeKey(key: string): string {
  return key.charCodeAt(0) === MARK_CODE ? key.slice(1) : key;
}

/** The frame name of workflow variable `name` (renamed when a plain object would inherit it). */
export function bindingName(name: string): string {
  return name in Object.prototype || name.charCodeAt(0) === MARK_CODE ? MARK + name : name;
}

/** The binding of the key-escaping function, under a name no expression can spell. */
export const ESCAPE_KEY = 'stepcraft escape key';

interface Node extends AstNode {
  lhs?: unknown;
  group?: { lhs?: unknown };
}

/**
 * Prepares a parsed expression in place (see above) and returns the workflow variables it reads (every `$name`
 * other than `$states`, `$` and expression-local names, which are bound from the scope only when it has them).
 */
export function prepareAst(ast: unknown): readonly string[] {
  const names = new Set<string>();
  forEachNode(ast, (node) => {
    const n = node as Node;
    if (n.type === 'variable' && typeof n.value === 'string' && n.value !== '') {
      if (n.value !== 'states' && n.value !== ESCAPE_KEY) names.add(n.value);
      n.value = bindingName(n.value);
    } else if (n.type === 'name' && typeof n.value === 'string') {
      n.value = escapeKey(n.value);
    }
    const pairs = n.type === 'unary' && n.value === '{' ? n.lhs : n.group?.lhs;
    if (Array.isArray(pairs)) for (const pair of pairs) escapePairKey(pair);
  });
  return [...names];
}

/** Escapes a literal key now, or wraps a computed key in a call of the escaping function. */
function escapePairKey(pair: unknown): void {
  if (!Array.isArray(pair)) return;
  const key = pair[0] as Node | undefined;
  if (key === undefined) return;
  if (key.type === 'string' && typeof key.value === 'string') {
    key.value = escapeKey(key.value);
  } else {
    const position = key.position;
    pair[0] = {
      type: 'function',
      value: '(',
      position,
      arguments: [key],
      procedure: { type: 'variable', value: ESCAPE_KEY, position },
    };
  }
}

/** `ESCAPE_KEY`'s implementation: strings are escaped; anything else is left for jsonata to reject (T1003). */
export function escapeComputedKey(key: unknown): unknown {
  return typeof key === 'string' ? escapeKey(key) : key;
}

/**
 * A jsonata value as plain JSON: data views unwrapped, sequence markers dropped, escaped keys restored. Shares
 * every sub-tree that needs no change. Iterative over objects and arrays: results may nest deeply.
 */
export function plainJson(value: JsonValue): JsonValue {
  const target = viewTarget(value);
  if (target !== undefined || value === null || typeof value !== 'object') return target ?? value;
  // Post-order over containers: each is rebuilt only if a child or a key changed.
  const done = new Map<object, JsonValue>();
  const stack: { readonly node: JsonObject | JsonValue[]; expanded: boolean }[] = [
    { node: value, expanded: false },
  ];
  const resolved = (item: JsonValue): JsonValue => {
    if (item === null || typeof item !== 'object') return item;
    return viewTarget(item) ?? (done.get(item) as JsonValue);
  };
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: JsonObject | JsonValue[]; expanded: boolean };
    const { node } = top;
    if (!top.expanded) {
      top.expanded = true;
      for (const item of Object.values(node)) {
        if (item !== null && typeof item === 'object' && viewTarget(item) === undefined && !done.has(item))
          stack.push({ node: item, expanded: false });
      }
      continue;
    }
    stack.pop();
    if (done.has(node)) continue;
    done.set(node, rebuilt(node, resolved));
  }
  return done.get(value) as JsonValue;
}

function rebuilt(node: JsonObject | JsonValue[], resolved: (item: JsonValue) => JsonValue): JsonValue {
  if (Array.isArray(node)) {
    const items = node.map(resolved);
    const unchanged =
      items.every((item, i) => item === node[i]) &&
      Object.keys(node).length === node.length &&
      !('sequence' in node);
    return unchanged ? node : items;
  }
  let copy: JsonObject | undefined;
  const entries = Object.entries(node);
  for (const [key, item] of entries) {
    if (resolved(item) !== item || key !== unescapeKey(key)) {
      copy = {};
      break;
    }
  }
  if (copy === undefined) return node;
  for (const [key, item] of entries) setField(copy, unescapeKey(key), resolved(item));
  return copy;
}
