import {
  type JsonPathRoot,
  type JsonValue,
  type PathSegment,
  parseJsonPath,
  parseReferencePath,
} from '@stepcraft/asl';
import { StatesError } from '../errors.js';
import { boundedMemo } from './cache.js';
import { isJsonObject, ownField } from './json.js';
import { selectAll, selectOne } from './path-query.js';
import { isDefinitePlan, type PathPlan, planPath } from './query-plan.js';
import type { EvaluationScope } from './scope.js';

/** A path compiled once: a plain walk (the fast, common case), a query, or the reason it is invalid. */
export type CompiledPath =
  | { readonly kind: 'walk'; readonly root: JsonPathRoot; readonly segments: readonly PathSegment[] }
  | {
      readonly kind: 'query';
      readonly root: JsonPathRoot;
      readonly plan: PathPlan;
    }
  | { readonly kind: 'invalid'; readonly message: string };

/** The compiled form of a path text (memoised): what callers that evaluate one path many times keep. */
export const compilePath = boundedMemo<CompiledPath>(4096, (text) => {
  const reference = parseReferencePath(text);
  if (reference.ok) return { kind: 'walk', root: reference.value.root, segments: reference.value.segments };
  const path = parseJsonPath(text);
  if (!path.ok) return { kind: 'invalid', message: `${path.message} (at offset ${path.offset})` };
  return { kind: 'query', root: path.value.root, plan: planPath(path.value.segments) };
});

/** The outcome of evaluating a path: a value, or `undefined` when a definite path selects nothing. */
export function evaluatePath(path: string, scope: EvaluationScope): JsonValue | undefined {
  return evaluateCompiledPath(compilePath(path), path, scope);
}

/** {@link evaluatePath} of a path already compiled from `path`. */
export function evaluateCompiledPath(
  compiled: CompiledPath,
  path: string,
  scope: EvaluationScope,
): JsonValue | undefined {
  if (compiled.kind === 'invalid')
    throw new StatesError('States.Runtime', `Invalid path '${path}': ${compiled.message}`);
  const root = rootValue(compiled.root, scope);
  if (compiled.kind === 'walk') return walk(root, compiled.segments);
  const definite = isDefinitePlan(compiled.plan);
  if (root === undefined) return definite ? undefined : [];
  return definite ? selectOne(path, root, compiled.plan, scope) : selectAll(path, root, compiled.plan, scope);
}

/** Whether `path` can select several nodes (wildcard, slice, filter, deep scan, union): its result is then an array. */
export function isIndefinitePath(path: string): boolean {
  const compiled = compilePath(path);
  return compiled.kind === 'query' && !isDefinitePlan(compiled.plan);
}

/**
 * Evaluates a JSONPath against `$` (input), `$$` (context) or `$name` (a variable). A definite path returns the
 * node or throws `States.Runtime`; an indefinite one returns the array of matches, possibly empty.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
export function queryPath(path: string, scope: EvaluationScope): JsonValue {
  const value = evaluatePath(path, scope);
  if (value === undefined) throw missingPath(path);
  return value;
}

/**
 * Reads a reference path (ItemsPath, SecondsPath, TimestampPath, ErrorPath, …). AWS documents filters in
 * reference paths too, so anything {@link queryPath} accepts is accepted; a path that selects nothing throws.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html#amazon-states-language-reference-paths
 */
export function readReferencePath(path: string, scope: EvaluationScope): JsonValue {
  return queryPath(path, scope);
}

/**
 * InputPath: absent → the input unchanged, `null` → `{}`, otherwise the selected value.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 */
export function applyInputPath(path: string | null | undefined, scope: EvaluationScope): JsonValue {
  if (path === undefined) return scope.input;
  if (path === null) return {};
  return queryPath(path, scope);
}

/**
 * OutputPath: absent → `$` (scope.input is the post-ResultPath value), `null` → `{}`, otherwise the selected value.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
 */
export function applyOutputPath(path: string | null | undefined, scope: EvaluationScope): JsonValue {
  return applyInputPath(path, scope);
}

/** AWS's wording for a definite path that selects nothing. */
export function missingPath(path: string): StatesError {
  const compiled = compilePath(path);
  const normalized = compiled.kind === 'walk' ? `$${compiled.segments.map(bracketed).join('')}` : path;
  return new StatesError('States.Runtime', `Invalid path '${path}' : No results for path: ${normalized}`);
}

function bracketed(segment: PathSegment): string {
  return segment.kind === 'field' ? `['${segment.name}']` : `[${segment.index}]`;
}

function rootValue(root: JsonPathRoot, scope: EvaluationScope): JsonValue | undefined {
  if (root.kind === 'input') return scope.input;
  if (root.kind === 'context') return scope.context();
  return scope.variables(root.name);
}

function walk(start: JsonValue | undefined, segments: readonly PathSegment[]): JsonValue | undefined {
  let node = start;
  for (const segment of segments) {
    if (segment.kind === 'field') {
      node = isJsonObject(node) ? ownField(node, segment.name) : undefined;
    } else if (Array.isArray(node)) {
      // Jayway counts negative indexes from the end.
      node = node[segment.index < 0 ? node.length + segment.index : segment.index];
    } else {
      node = undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
