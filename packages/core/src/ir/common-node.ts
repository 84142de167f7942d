import type { JsonObject, ReferencePath, StateContract } from '@stepcraft/asl';
import { freeze, frozen } from './freeze.js';
import type { TemplateNode } from './template-node.js';

/** One retrier. */
export interface RetryNode {
  readonly kind: 'retry';
  readonly errors: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
  readonly comment?: string;
}

/** One catcher: on a matching error, merge the Error Output at `resultPath` and go to `next`. */
export interface CatchNode {
  readonly kind: 'catch';
  readonly errors: readonly string[];
  readonly next: string;
  /** `undefined` = AWS default (`$`), `null` = keep the raw input. */
  readonly resultPath?: ReferencePath | null;
  /** Variables set when this catcher fires (in the scope of the state that has it). */
  readonly assign?: readonly AssignmentNode[];
  readonly comment?: string;
}

/** A query language of ASL. */
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** One variable assignment; in `value`, input-rooted references mean what `$` means in this state's Assign. */
export interface AssignmentNode {
  readonly kind: 'assignment';
  readonly name: string;
  readonly value: TemplateNode;
}

/** States that may set variables (ASL `Assign`). */
export interface AssignFields {
  readonly assign?: readonly AssignmentNode[];
}

/** Fields every state node has. */
export interface StateNodeBase {
  readonly name: string;
  readonly comment?: string;
  /** ASL fields merged verbatim into the emitted state (escape hatch). */
  readonly raw?: JsonObject;
  readonly contract?: StateContract;
  /** Set when this state's language is pinned, whatever the workflow's. */
  readonly queryLanguage?: QueryLanguage;
}

/** InputPath/OutputPath: `undefined` = AWS default (`$`), `null` = `{}`. */
export interface FilterFields {
  readonly inputPath?: ReferencePath | null;
  readonly outputPath?: ReferencePath | null;
}

/** Builds a frozen retrier. */
export function createRetryNode(fields: Omit<RetryNode, 'kind'>): RetryNode {
  return freeze({ kind: 'retry', ...fields, errors: frozen(fields.errors) });
}

/** Builds a frozen catcher. */
export function createCatchNode(fields: Omit<CatchNode, 'kind'>): CatchNode {
  return freeze({ kind: 'catch', ...fields, errors: frozen(fields.errors) });
}

/** Builds a frozen assignment of `value` to the variable `name`. */
export function createAssignmentNode(name: string, value: TemplateNode): AssignmentNode {
  return freeze({ kind: 'assignment', name, value });
}
