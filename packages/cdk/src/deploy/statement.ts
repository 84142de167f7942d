import type { ArnTemplate } from './arn.js';
import type { Identifier } from './identifier.js';
import type { ResourceKind } from './resource-kinds.js';

/**
 * A resource a statement allows, before a backend renders it: a fixed ARN (pseudo parameters only, or `*`), the
 * resource a Task field names (a placeholder is rendered from its binding or template parameter, a run-time value
 * as the kind's wildcard), or the state machine itself (Distributed Map, HTTP Task).
 */
export type PolicyResource =
  | { readonly kind: 'arn'; readonly arn: ArnTemplate }
  | {
      readonly kind: 'named';
      readonly resource: ResourceKind;
      readonly identifier: Identifier;
      /** Literal text after the ARN (`:*` for a function's versions, `/index/*`, `/prod/GET/orders`). */
      readonly suffix?: string;
    }
  | { readonly kind: 'self'; readonly form: 'state-machine' | 'executions' };

/** An IAM condition block: `{ StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } }`. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** One Allow statement of the execution role. */
export interface PolicyStatement {
  readonly actions: readonly string[];
  readonly resources: readonly PolicyResource[];
  readonly condition?: PolicyCondition;
}

/** Allows `actions` on `resources`. */
export function allow(
  actions: readonly string[],
  resources: readonly PolicyResource[],
  condition?: PolicyCondition,
): PolicyStatement {
  return condition === undefined ? { actions, resources } : { actions, resources, condition };
}

/** The resource a field names, with optional literal text after its ARN. */
export function named(resource: ResourceKind, identifier: Identifier, suffix?: string): PolicyResource {
  return suffix === undefined
    ? { kind: 'named', resource, identifier }
    : { kind: 'named', resource, identifier, suffix };
}

/** A fixed ARN template. */
export function fixed(template: string): PolicyResource {
  return { kind: 'arn', arn: { template } };
}

/** Every resource (`*`), for actions AWS cannot scope (a job's ID is unknown before it starts). */
export const ANY: PolicyResource = fixed('*');
