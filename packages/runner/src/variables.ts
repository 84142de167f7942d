import type { JsonValue } from '@stepcraft/asl';

/**
 * The variables of one workflow-local scope (the top level, one Parallel branch, one Map iteration).
 * Inner scopes read their parent's values; Distributed Map iterations get no parent. Values are never mutated,
 * so reads need no snapshot: the parent cannot change while a child scope runs, and a state's own assignments are
 * applied only after it finishes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export interface VariableScope {
  /** Created on the first assignment: most branches and iterations assign nothing. */
  values: Map<string, JsonValue> | undefined;
  readonly parent: VariableScope | undefined;
  /** Bound lookup handed to expressions (`EvaluationScope.variables`). */
  readonly lookup: (name: string) => JsonValue | undefined;
}

/** A new scope; `parent` undefined for the top level and Distributed Map iterations. */
export function variableScope(parent?: VariableScope): VariableScope {
  const lookup = (name: string): JsonValue | undefined => {
    for (let scope: VariableScope | undefined = self; scope !== undefined; scope = scope.parent) {
      const value = scope.values?.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const self: VariableScope = { values: undefined, parent, lookup };
  return self;
}

/** Applies one state's assignments, all at once, after its evaluation. */
export function assignAll(scope: VariableScope, assigned: ReadonlyMap<string, JsonValue>): void {
  scope.values ??= new Map();
  for (const [name, value] of assigned) scope.values.set(name, value);
}
