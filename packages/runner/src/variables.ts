import { type JsonValue, jsonByteLength } from '@stepcraft/asl';
import { StatesError } from './errors.js';
import { MAX_ASSIGN_BYTES, MAX_VARIABLE_BYTES, MAX_VARIABLES_BYTES } from './limits.js';

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
  /** Serialised size of each value, for AWS's variable quotas. */
  sizes: Map<string, number> | undefined;
  /** Total of `sizes`. */
  bytes: number;
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
  const self: VariableScope = { values: undefined, sizes: undefined, bytes: 0, parent, lookup };
  return self;
}

/**
 * Applies one state's assignments, all at once, after its evaluation. Enforces AWS's quotas first (one variable,
 * one Assign, all variables of the execution): past one, nothing is assigned and `States.DataLimitExceeded` names
 * the state, the variable and the quota. "All variables" counts this scope and the scopes it reads from (the
 * variables a state can see), which is what an execution holds at any point along one branch.
 */
export function assignAll(
  scope: VariableScope,
  assigned: ReadonlyMap<string, JsonValue>,
  stateName = 'unknown',
): void {
  const sizes = new Map<string, number>();
  let assignBytes = 0;
  for (const [name, value] of assigned) {
    const size = jsonByteLength(value, MAX_VARIABLES_BYTES);
    if (size > MAX_VARIABLE_BYTES) {
      throw quotaError(
        `The variable '${name}' assigned by state '${stateName}' is larger than ${MAX_VARIABLE_BYTES} bytes, the maximum size of one variable.`,
      );
    }
    assignBytes += size;
    sizes.set(name, size);
  }
  if (assignBytes > MAX_ASSIGN_BYTES) {
    throw quotaError(
      `The Assign of state '${stateName}' sets ${assignBytes} bytes of variables, more than ${MAX_ASSIGN_BYTES} bytes, the maximum for one Assign.`,
    );
  }
  let scopeBytes = scope.bytes;
  for (const [name, size] of sizes) scopeBytes += size - (scope.sizes?.get(name) ?? 0);
  let visible = scopeBytes;
  for (let outer = scope.parent; outer !== undefined; outer = outer.parent) visible += outer.bytes;
  if (visible > MAX_VARIABLES_BYTES) {
    throw quotaError(
      `After state '${stateName}' the execution's variables would hold ${visible} bytes, more than ${MAX_VARIABLES_BYTES} bytes (10 MiB), the maximum for all variables.`,
    );
  }
  scope.values ??= new Map();
  scope.sizes ??= new Map();
  for (const [name, value] of assigned) scope.values.set(name, value);
  for (const [name, size] of sizes) scope.sizes.set(name, size);
  scope.bytes = scopeBytes;
}

function quotaError(cause: string): StatesError {
  return new StatesError('States.DataLimitExceeded', cause);
}
