import type { JsonValue } from '@stepcraft/asl';

type Json = { [key: string]: JsonValue };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Removes what AWS defines as the default, so a document and its import → build round trip compare equal. The
 * complete list (each is what AWS does when the field is absent):
 * - `Version: "1.0"`;
 * - `QueryLanguage`: a state without one uses its machine's (top level default `JSONPath`), so the language is
 *   pushed down to every state and `JSONPath` dropped;
 * - `InputPath`, `OutputPath`, `ResultPath` (also in catchers) equal to `"$"`;
 * - retriers' `IntervalSeconds: 1`, `MaxAttempts: 3`, `BackoffRate: 2`, `JitterStrategy: "NONE"`;
 * - Map `MaxConcurrency: 0` and `ProcessorConfig: { Mode: "INLINE" }`; the deprecated Map fields `Iterator` and
 *   `Parameters` are the same as `ItemProcessor` and `ItemSelector`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html
 */
export function normalise(document: JsonValue): JsonValue {
  if (!isObject(document)) return document;
  const { Version, QueryLanguage, ...rest } = document;
  const language = typeof QueryLanguage === 'string' ? QueryLanguage : 'JSONPath';
  return Version !== undefined && Version !== '1.0'
    ? { Version, ...machine(rest, language) }
    : machine(rest, language);
}

function machine(doc: Json, language: string): Json {
  if (!isObject(doc.States)) return doc;
  const states: Json = {};
  for (const [name, state] of Object.entries(doc.States)) {
    Object.defineProperty(states, name, {
      value: isObject(state) ? normaliseState(state, language) : state,
      enumerable: true,
    });
  }
  return { ...doc, States: states };
}

function normaliseState(input: Json, inherited: string): Json {
  const state: Json = { ...input };
  const language = typeof state.QueryLanguage === 'string' ? state.QueryLanguage : inherited;
  if (language === 'JSONPath') delete state.QueryLanguage;
  else state.QueryLanguage = language;
  for (const key of ['InputPath', 'OutputPath', 'ResultPath']) if (state[key] === '$') delete state[key];
  if (state.Type === 'Map') {
    if (state.MaxConcurrency === 0) delete state.MaxConcurrency;
    if ('Iterator' in state) {
      state.ItemProcessor = state.Iterator as JsonValue;
      delete state.Iterator;
    }
    if ('Parameters' in state) {
      state.ItemSelector = state.Parameters as JsonValue;
      delete state.Parameters;
    }
    if (isObject(state.ItemProcessor)) {
      const { ProcessorConfig, ...processor } = state.ItemProcessor;
      const config =
        isObject(ProcessorConfig) && ProcessorConfig.Mode === 'INLINE'
          ? { ...ProcessorConfig, Mode: undefined }
          : ProcessorConfig;
      const keep = isObject(config)
        ? Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined))
        : config;
      state.ItemProcessor = {
        ...machine(processor, language),
        ...(keep === undefined || (isObject(keep) && Object.keys(keep).length === 0)
          ? {}
          : { ProcessorConfig: keep as JsonValue }),
      };
    }
  }
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    state.Branches = state.Branches.map((b) => (isObject(b) ? machine(b, language) : b));
  }
  if (Array.isArray(state.Retry)) {
    state.Retry = state.Retry.map((r) => {
      if (!isObject(r)) return r;
      const copy = { ...r };
      if (copy.IntervalSeconds === 1) delete copy.IntervalSeconds;
      if (copy.MaxAttempts === 3) delete copy.MaxAttempts;
      if (copy.BackoffRate === 2) delete copy.BackoffRate;
      if (copy.JitterStrategy === 'NONE') delete copy.JitterStrategy;
      return copy;
    });
  }
  if (Array.isArray(state.Catch)) {
    state.Catch = state.Catch.map((c) => {
      if (!isObject(c) || c.ResultPath !== '$') return c;
      const { ResultPath: _default, ...copy } = c;
      return copy;
    });
  }
  return state;
}

/** A copy with object keys sorted, so documents compare independent of key order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
    });
  }
  return sorted;
}
