import {
  isDefiniteSegment,
  type JsonPathFilter,
  type JsonPathOperand,
  type JsonPathOperator,
  type JsonPathRoot,
  type JsonPathSegment,
  type JsonPathSelector,
  type JsonValue,
} from '@stepcraft/asl';

/*
 * A parsed JSONPath turned, once per path text, into the form its evaluation reads: every question that depends
 * only on the text (is this filter operand a single node? is this list constant? what text does a regex compare
 * as?) is answered here, so evaluating a query over an input allocates nothing for them. A plan is plain data.
 */

/** One step of a path that selects at most one node from one node: evaluated by a walk, without arrays. */
export type WalkStep =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  /** `.length()`, `.min()`…: a Jayway function applied to the current node. */
  | { readonly kind: 'function'; readonly name: string };

/** A selector as parsed, except that a filter holds its compiled condition. */
export type QuerySelector =
  | Exclude<JsonPathSelector, { readonly kind: 'filter' }>
  | { readonly kind: 'filter'; readonly condition: Condition };

/** One step that may select several nodes (or is a deep scan `..`). */
export interface QuerySegment {
  readonly deep: boolean;
  readonly selector: QuerySelector;
}

/**
 * A path's steps: the longest leading run of single-node steps (`prefix`, a walk), then `stages`, each one step that
 * may select several nodes followed by the single-node steps after it (`after`, walked from each of its matches).
 * `stages` is empty exactly when the path is definite (`JsonPath.isDefinite`): it selects at most one node, and
 * Jayway's filters compare that node itself rather than a list.
 */
export interface PathPlan {
  readonly prefix: readonly WalkStep[];
  readonly stages: readonly Stage[];
}

/** A step that may select several nodes, and the single-node steps that follow it. */
export interface Stage {
  readonly segment: QuerySegment;
  readonly after: readonly WalkStep[];
}

/** A filter condition of `[?(…)]`, compiled. */
export type Condition =
  | { readonly kind: 'or' | 'and'; readonly operands: readonly Condition[] }
  | { readonly kind: 'not'; readonly operand: Condition }
  | {
      readonly kind: 'compare';
      readonly operator: JsonPathOperator;
      readonly left: Operand;
      readonly right: Operand;
    }
  | { readonly kind: 'exists'; readonly operand: Operand };

/** A filter operand, compiled. */
export type Operand =
  /** A literal, or a list of literals: the same value every time. */
  | { readonly kind: 'constant'; readonly value: JsonValue }
  /** `/source/flags`: compares as that text, and is the pattern of `=~`. */
  | { readonly kind: 'regex'; readonly value: string; readonly source: string; readonly flags: string }
  /** A list holding paths: its items that select something, in order. */
  | { readonly kind: 'list'; readonly items: readonly Operand[] }
  /** A path from `@` (`root` undefined), `$`, `$$` or `$name`. */
  | { readonly kind: 'path'; readonly root: JsonPathRoot | undefined; readonly plan: PathPlan };

/** The plan of parsed path segments. */
export function planPath(segments: readonly JsonPathSegment[]): PathPlan {
  const prefix: WalkStep[] = [];
  const stages: { segment: QuerySegment; after: WalkStep[] }[] = [];
  for (const segment of segments) {
    const step = walkStep(segment);
    const stage = stages[stages.length - 1];
    if (step === undefined) stages.push({ segment: planSegment(segment), after: [] });
    else if (stage === undefined) prefix.push(step);
    else stage.after.push(step);
  }
  return { prefix, stages };
}

function walkStep(segment: JsonPathSegment): WalkStep | undefined {
  if (!isDefiniteSegment(segment)) return undefined;
  const selector = segment.selector;
  if (selector.kind === 'names') return { kind: 'name', name: selector.names[0] as string };
  if (selector.kind === 'indexes') return { kind: 'index', index: selector.indexes[0] as number };
  if (selector.kind === 'function') return { kind: 'function', name: selector.name };
  return undefined;
}

function planSegment({ deep, selector }: JsonPathSegment): QuerySegment {
  return {
    deep,
    selector:
      selector.kind === 'filter' ? { kind: 'filter', condition: planCondition(selector.filter) } : selector,
  };
}

/** Recursion follows the filter's nesting, which the parser bounds (brackets nest at most 64 deep). */
function planCondition(filter: JsonPathFilter): Condition {
  switch (filter.kind) {
    case 'or':
    case 'and':
      return { kind: filter.kind, operands: filter.operands.map(planCondition) };
    case 'not':
      return { kind: 'not', operand: planCondition(filter.operand) };
    case 'compare':
      return {
        kind: 'compare',
        operator: filter.operator,
        left: planOperand(filter.left),
        right: planOperand(filter.right),
      };
    case 'exists':
      return { kind: 'exists', operand: planOperand(filter.operand) };
  }
}

function planOperand(operand: JsonPathOperand): Operand {
  switch (operand.kind) {
    case 'literal':
      return { kind: 'constant', value: operand.value };
    case 'regex':
      return {
        kind: 'regex',
        value: `/${operand.source}/${operand.flags}`,
        source: operand.source,
        flags: operand.flags,
      };
    case 'list': {
      const items = operand.items.map(planOperand);
      // Literals and regexes always select themselves: such a list is one constant array (read, never written).
      const values: JsonValue[] = [];
      for (const item of items) {
        if (item.kind !== 'constant' && item.kind !== 'regex') return { kind: 'list', items };
        values.push(item.value);
      }
      return { kind: 'constant', value: values };
    }
    case 'path':
      return { kind: 'path', root: operand.root, plan: planPath(operand.segments) };
  }
}

/** Whether the path selects at most one node (its result is that node, not an array of matches). */
export function isDefinitePlan(plan: PathPlan): boolean {
  return plan.stages.length === 0;
}
