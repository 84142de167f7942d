import type { Catcher, JsonObject, JsonValue, ReferencePath, Retrier, SubMachine } from '@stepcraft/asl';
import type { CatchNode, FilterFields, RetryNode } from '../../ir/common-node.js';
import type { GraphNode } from '../../ir/graph-node.js';
import type { TemplateNode } from '../../ir/template-node.js';
import type { QueryLanguageDialect, Report } from '../query-language/dialect.js';
import { ABSENT } from './absent.js';
import { assignField, catcherOutput, isJsonata } from './jsonata-io.js';

/** What an emit function needs besides its node. */
export interface EmitContext {
  readonly dialect: QueryLanguageDialect;
  /** Reports a problem at a field of the current state. */
  readonly report: Report;
  /** `{ Next }` or `{ End: true }` for the current state. */
  readonly transition: { readonly Next: string } | { readonly End: true };
  /** Emits a nested state machine (Parallel branch, Map processor) at `field`. */
  subMachine(graph: GraphNode, field: readonly (string | number)[]): SubMachine;
}

/** `{ [key]: value }` for a defined value, else `{}`. */
export function field<TKey extends string, TValue>(
  key: TKey,
  value: TValue | undefined,
): { [K in TKey]?: TValue } {
  return (value === undefined ? ABSENT : { [key]: value }) as { [K in TKey]?: TValue };
}

/** A nullable path field: absent stays absent, `null` is emitted as `null`. */
export function pathField(
  context: EmitContext,
  key: string,
  path: ReferencePath | null | undefined,
): Record<string, JsonValue> {
  if (path === undefined) return ABSENT;
  return { [key]: path === null ? null : context.dialect.path(path) };
}

/** InputPath/OutputPath. */
export function filterFields(
  context: EmitContext,
  node: FilterFields,
): {
  readonly input: Record<string, JsonValue>;
  readonly output: Record<string, JsonValue>;
} {
  return {
    input: pathField(context, 'InputPath', node.inputPath),
    output: pathField(context, 'OutputPath', node.outputPath),
  };
}

/** A payload template field (Parameters, ResultSelector, ItemSelector). */
export function templateField(
  context: EmitContext,
  key: string,
  node: TemplateNode | undefined,
): Record<string, JsonValue> {
  if (node === undefined) return ABSENT;
  const value = context.dialect.template(node, key, context.report);
  return value === undefined ? ABSENT : { [key]: value };
}

/** `Retry`, with the checks AWS applies to retriers. */
export function retryField(context: EmitContext, retry: readonly RetryNode[]): { Retry?: Retrier[] } {
  if (retry.length === 0) return {};
  checkErrorLists(context, 'Retry', retry);
  retry.forEach((r, i) => {
    const at = ['Retry', i];
    integer(context, at, 'IntervalSeconds', r.intervalSeconds, 1, 99_999_999);
    integer(context, at, 'MaxAttempts', r.maxAttempts, 0, 99_999_999);
    integer(context, at, 'MaxDelaySeconds', r.maxDelaySeconds, 1, 31_622_401);
    if (r.backoffRate !== undefined && !(r.backoffRate >= 1)) {
      context.report('RETRY_RANGE', `BackoffRate must be at least 1.0, got ${r.backoffRate}`, [
        ...at,
        'BackoffRate',
      ]);
    }
  });
  return {
    Retry: retry.map((r) => ({
      ErrorEquals: [...r.errors],
      ...field('IntervalSeconds', r.intervalSeconds),
      ...field('MaxAttempts', r.maxAttempts),
      ...field('BackoffRate', r.backoffRate),
      ...field('MaxDelaySeconds', r.maxDelaySeconds),
      ...field('JitterStrategy', r.jitterStrategy),
      ...field('Comment', r.comment),
    })),
  };
}

/** `Catch`. */
export function catchField(context: EmitContext, catchers: readonly CatchNode[]): { Catch?: Catcher[] } {
  if (catchers.length === 0) return {};
  checkErrorLists(context, 'Catch', catchers);
  return {
    Catch: catchers.map((c, i) => ({
      ErrorEquals: [...c.errors],
      ...field('Comment', c.comment),
      ...(isJsonata(context)
        ? catcherOutput(context, c.resultPath)
        : pathField(context, 'ResultPath', c.resultPath)),
      ...assignField(withField(context, ['Catch', i]), c.assign, undefined, '$states.errorOutput'),
      Next: c.next,
    })),
  };
}

// `States.ALL` must be alone in its list and in the last retrier/catcher; lists must not be empty.
function checkErrorLists(
  context: EmitContext,
  key: string,
  entries: readonly { errors: readonly string[] }[],
): void {
  entries.forEach((entry, i) => {
    const at = [key, i, 'ErrorEquals'];
    if (entry.errors.length === 0)
      context.report('ERROR_EQUALS_EMPTY', `${key}[${i}] needs at least one error name`, at);
    if (entry.errors.includes('States.ALL') && (entry.errors.length > 1 || i !== entries.length - 1)) {
      context.report(
        'STATES_ALL_NOT_LAST',
        `States.ALL must be the only error of the last ${key === 'Retry' ? 'retrier' : 'catcher'}`,
        at,
      );
    }
    const runtime = entry.errors.includes('States.Runtime');
    if (runtime) {
      context.report(
        'STATES_RUNTIME',
        'States.Runtime can never be retried or caught (AWS ignores it here)',
        at,
      );
    }
  });
}

/** Reports a number field that is not an integer in [min, max]. */
export function integer(
  context: EmitContext,
  at: readonly (string | number)[],
  key: string,
  value: number | undefined,
  min: number,
  max: number,
): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    context.report('FIELD_RANGE', `${key} must be an integer from ${min} to ${max}, got ${value}`, [
      ...at,
      key,
    ]);
  }
}

/** Merges the node's raw escape-hatch fields over the emitted state. */
export function withRaw<TState extends object>(state: TState, raw: JsonObject | undefined): TState {
  return raw === undefined ? state : { ...state, ...raw };
}

/** The same context, reporting under `prefix` (e.g. inside one catcher). */
export function withField(context: EmitContext, prefix: readonly (string | number)[]): EmitContext {
  return {
    ...context,
    report: (code, message, field) => context.report(code, message, [...prefix, ...field]),
  };
}
