import {
  INTRINSIC_FUNCTIONS,
  type IntrinsicArg,
  type IntrinsicCall,
  type JsonObject,
  type JsonValue,
  parseIntrinsic,
} from '@stepcraft/asl';
import {
  createIntrinsicNode,
  createLiteralNode,
  createObjectTemplateNode,
  createRawNode,
  createReferenceNode,
  type IntrinsicName,
  type IntrinsicNode,
  type ReferenceNode,
  type TemplateNode,
} from '@stepcraft/core/ir';
import { canonicalPath, type Roots, readPath } from '../paths.js';
import { isObject } from '../source-text.js';

/** Whether a value holds a `….$` key anywhere (then it is a template, not plain data). */
export function hasDynamicKey(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasDynamicKey);
  if (!isObject(value)) return false;
  return Object.keys(value).some((key) => key.endsWith('.$') || hasDynamicKey(value[key] as JsonValue));
}

/**
 * A JSONPath payload template (Parameters, ResultSelector, ItemSelector, …) as an IR template: `key.$` entries
 * become references and intrinsic calls, other entries constants. An object with a `.$` entry the IR cannot hold
 * as core would print it (a JSONPath query, a variable, another spelling) is kept whole, verbatim (a raw node); so
 * is an array holding `.$` keys (AWS leaves those to the data, the IR has no such template).
 */
export function readTemplate(template: JsonObject): TemplateNode {
  const entries: { key: string; value: TemplateNode }[] = [];
  for (const key of Object.keys(template)) {
    const value = template[key] as JsonValue;
    if (key.endsWith('.$') && key.length > 2) {
      const name = key.slice(0, -2);
      const dynamic = typeof value === 'string' ? readDynamic(value, 'data-or-context') : undefined;
      if (dynamic === undefined || Object.hasOwn(template, name)) return createRawNode(template);
      entries.push({ key: name, value: dynamic });
    } else if (isObject(value) && hasDynamicKey(value)) {
      entries.push({ key, value: readTemplate(value) });
    } else {
      entries.push({ key, value: hasDynamicKey(value) ? createRawNode(value) : createLiteralNode(value) });
    }
  }
  return createObjectTemplateNode(entries);
}

/** A `.$` value (a reference path or an intrinsic call) as core prints it back, or `undefined`. */
export function readDynamic(text: string, roots: Roots): ReferenceNode | IntrinsicNode | undefined {
  if (text.startsWith('States.')) return readIntrinsic(text, roots);
  const path = readPath(text, roots);
  return path !== undefined && canonicalPath(path) === text ? createReferenceNode(path) : undefined;
}

/** An intrinsic call as an IR node, when core prints the node back as `text` exactly. */
export function readIntrinsic(text: string, roots: Roots): IntrinsicNode | undefined {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok || printCall(parsed.value) !== text) return undefined;
  return callNode(parsed.value, roots);
}

// The validator's table of intrinsics is the IR's list of names.
const isIntrinsicName = (name: string): name is IntrinsicName => INTRINSIC_FUNCTIONS.has(name);

function callNode(call: IntrinsicCall, roots: Roots): IntrinsicNode | undefined {
  const { name } = call;
  if (!isIntrinsicName(name)) return undefined;
  const args: TemplateNode[] = [];
  for (const arg of call.args) {
    const node = argNode(arg, roots);
    if (node === undefined) return undefined;
    args.push(node);
  }
  return createIntrinsicNode(name, args);
}

function argNode(arg: IntrinsicArg, roots: Roots): TemplateNode | undefined {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return createLiteralNode(arg.value);
    case 'null':
      return createLiteralNode(null);
    case 'path': {
      const path = readPath(arg.path, roots);
      return path === undefined ? undefined : createReferenceNode(path);
    }
    case 'call':
      return callNode(arg, roots);
  }
}

/** An intrinsic call printed as core prints one (`compile/query-language/jsonpath.ts`), to compare with the text. */
function printCall(call: IntrinsicCall): string {
  const args = call.args.map((arg, i) => printArg(arg, call.name === 'States.Format' && i === 0));
  return `${call.name}(${args.join(', ')})`;
}

function printArg(arg: IntrinsicArg, isFormatTemplate: boolean): string {
  switch (arg.kind) {
    case 'string': {
      const escaped = arg.value.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
      return `'${isFormatTemplate ? escaped : escaped.replaceAll('{', '\\{').replaceAll('}', '\\}')}'`;
    }
    case 'number':
    case 'boolean':
      return JSON.stringify(arg.value);
    case 'null':
      return 'null';
    case 'path': {
      // A path argument prints canonically, whatever its spelling here.
      const path = readPath(arg.path, 'data-or-context');
      return path === undefined ? arg.path : canonicalPath(path);
    }
    case 'call':
      return printCall(arg);
  }
}
