import type { ConditionNode } from '../ir/choice-rule-node.js';
import type { AssignmentNode } from '../ir/common-node.js';
import type { GraphNode } from '../ir/graph-node.js';
import type { StateNode } from '../ir/node.js';
import type { ObjectTemplateNode, TemplateNode } from '../ir/template-node.js';
import type { ResolvedGraph } from './graph.js';
import type { Report, SettingValue } from './query-language/dialect.js';
import { isReference } from './query-language/jsonpath.js';

/** Reports at a state of the (sub-)machine found at `base`. */
export type ReportAt = (state: string, base: readonly (string | number)[]) => Report;

/** The graph `compile()` already resolved for a graph node. */
export type Resolve = (graph: GraphNode) => ResolvedGraph;

/** What an inner scope inherits from the scopes around it. */
interface Outer {
  /** Names any enclosing scope assigns (an inner scope must not assign them). */
  readonly assigned: ReadonlySet<string>;
  /** Names surely assigned when the inner scope starts (readable unless the Map is distributed). */
  readonly available: ReadonlySet<string>;
  readonly isDistributed: boolean;
}

const NO_READS: ReadonlySet<string> = new Set();
const NONE: Outer = { assigned: new Set(), available: new Set(), isDistributed: false };

/**
 * Checks variables in two steps: `note` each state as it is emitted, then `check` the workflow. A class (one
 * prototype, shared code) rather than closures made per compile, whose optimized code V8 drops with them.
 */
export class VariableUse {
  /** The reads of each state that reads variables. */
  readonly #reads = new Map<StateNode, ReadonlySet<string>>();
  #isUsed = false;

  /** Records the variables `state` reads (called right after emitting it, while its IR is still in cache). */
  note(state: StateNode): void {
    const names = readsOf(state);
    if (names.size > 0) this.#reads.set(state, names);
    if (names.size > 0 || assignsAny(state)) this.#isUsed = true;
  }

  /**
   * Checks AWS's variable rules on the IR: every read is preceded by an assignment on every path from StartAt
   * (a must-assign data-flow analysis; loops converge), inner Map/Parallel scopes never assign an outer variable,
   * a Distributed Map reads no outer variable. A state's reads see the values from before the state. Skipped when
   * no noted state reads or assigns a variable (most workflows).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
   */
  check(graph: GraphNode, reportAt: ReportAt, resolve: Resolve): void {
    if (this.#isUsed) checkGraph(graph, [], NONE, { reportAt, resolve, reads: this.#reads });
  }
}

interface Walk {
  readonly reportAt: ReportAt;
  readonly resolve: Resolve;
  /** The reads of each state that reads variables. */
  readonly reads: ReadonlyMap<StateNode, ReadonlySet<string>>;
}

function checkGraph(graph: GraphNode, base: readonly (string | number)[], outer: Outer, walk: Walk): void {
  const { states, next: nextOf } = walk.resolve(graph);
  const byName = new Map(states.map((s) => [s.name, s]));
  const next = new Map<string, string>();
  states.forEach((s, i) => {
    const to = nextOf[i];
    if (to !== undefined) next.set(s.name, to);
  });
  const entry = outer.isDistributed ? new Set<string>() : new Set(outer.available);
  const inbound = flowIn(graph.startAt, entry, byName, next);
  const ownAssigned = new Set(states.flatMap((s) => [...assignedOn(s, 'any')]));
  const assignedHere = new Set([...outer.assigned, ...ownAssigned]);
  for (const state of states) {
    const report = walk.reportAt(state.name, base);
    const available = inbound.get(state.name);
    for (const name of assignedOn(state, 'any')) {
      if (outer.assigned.has(name)) {
        report(
          'VARIABLE_OUTER_ASSIGN',
          `"${state.name}" assigns $${name}, which an enclosing scope assigns; a Map or Parallel may read outer variables but not reassign them (return the value in the output instead)`,
          ['Assign'],
          { variable: name },
        );
      }
    }
    if (available !== undefined) {
      for (const name of walk.reads.get(state) ?? NO_READS) {
        if (available.has(name)) continue;
        if (outer.isDistributed && outer.assigned.has(name)) {
          report(
            'VARIABLE_DISTRIBUTED',
            `"${state.name}" reads $${name}, but a Distributed Map's iterations cannot see outer variables; pass the value in ItemSelector`,
            [],
            { variable: name },
          );
        } else {
          report(
            'VARIABLE_UNASSIGNED',
            `"${state.name}" reads $${name}, which is not assigned on every path from "${graph.startAt}" to "${state.name}" (a state's own Assign takes effect after it)`,
            [],
            { variable: name },
          );
        }
      }
    }
    const inner: Outer = {
      assigned: assignedHere,
      available: available ?? new Set(),
      isDistributed: state.kind === 'map' && state.distributed !== undefined,
    };
    if (state.kind === 'map')
      checkGraph(state.processor, [...base, 'States', state.name, 'ItemProcessor'], inner, walk);
    if (state.kind === 'parallel') {
      for (const [i, b] of state.branches.entries()) {
        checkGraph(b, [...base, 'States', state.name, 'Branches', i], inner, walk);
      }
    }
  }
}

// Must-assign analysis: a state's inbound set is the intersection over every edge into it.
function flowIn(
  start: string,
  entry: ReadonlySet<string>,
  byName: ReadonlyMap<string, StateNode>,
  next: ReadonlyMap<string, string>,
): Map<string, Set<string>> {
  const inbound = new Map<string, Set<string>>([[start, new Set(entry)]]);
  const work = [start];
  while (work.length > 0) {
    const name = work.pop() as string;
    const state = byName.get(name);
    const current = inbound.get(name);
    if (state === undefined || current === undefined) continue;
    for (const [target, added] of edges(state, next.get(name))) {
      const out = new Set([...current, ...added]);
      const seen = inbound.get(target);
      const merged = seen === undefined ? out : new Set([...seen].filter((n) => out.has(n)));
      if (seen === undefined || merged.size !== seen.size) {
        inbound.set(target, merged);
        work.push(target);
      }
    }
  }
  return inbound;
}

// Each way out of a state, with the names assigned on the way.
function edges(state: StateNode, next: string | undefined): [string, readonly string[]][] {
  const normal = assignedOn(state, 'success');
  const out: [string, readonly string[]][] = [];
  if (next !== undefined) out.push([next, normal]);
  if (state.kind === 'choice') {
    for (const b of state.branches) out.push([b.next, [...normal, ...(b.assign ?? []).map((a) => a.name)]]);
    if (state.otherwise !== undefined) out.push([state.otherwise, normal]);
  }
  if (state.kind === 'task' || state.kind === 'map' || state.kind === 'parallel') {
    for (const c of state.catch) out.push([c.next, (c.assign ?? []).map((a) => a.name)]);
  }
  return out;
}

/** Whether `state` assigns a variable anywhere (`assignedOn(state, 'any')` is not empty), without listing them. */
function assignsAny(state: StateNode): boolean {
  if ('assign' in state && state.assign !== undefined && state.assign.length > 0) return true;
  if (state.kind === 'choice')
    return state.branches.some((b) => b.assign !== undefined && b.assign.length > 0);
  if ('catch' in state) return state.catch.some((c) => c.assign !== undefined && c.assign.length > 0);
  return false;
}

function assignedOn(state: StateNode, on: 'success' | 'any'): string[] {
  const own = 'assign' in state ? (state.assign ?? []).map((a) => a.name) : [];
  if (state.kind === 'choice' && on === 'any')
    return [...own, ...state.branches.flatMap((b) => (b.assign ?? []).map((a) => a.name))];
  if (on === 'success' || !('catch' in state)) return own;
  return [...own, ...state.catch.flatMap((c) => (c.assign ?? []).map((a) => a.name))];
}

/**
 * The variables a state reads in its own fields (conditions, templates, computed settings, Catch and Assign
 * included), walked by the IR's known shape: its references with a variable root.
 */
function readsOf(state: StateNode): ReadonlySet<string> {
  const names: string[] = [];
  visitAssign(state.kind === 'fail' || state.kind === 'succeed' ? undefined : state.assign, names);
  switch (state.kind) {
    case 'task':
      visitTemplate(state.parameters, names);
      visitTemplate(state.resultSelector, names);
      visitTemplate(state.credentials, names);
      visitSetting(state.timeoutSeconds, names);
      visitSetting(state.heartbeatSeconds, names);
      break;
    case 'pass':
      visitTemplate(state.parameters, names);
      break;
    case 'parallel':
      visitTemplate(state.parameters, names);
      visitTemplate(state.resultSelector, names);
      break;
    case 'map': {
      visitTemplate(state.itemSelector, names);
      visitTemplate(state.resultSelector, names);
      visitSetting(state.maxConcurrency, names);
      const d = state.distributed;
      visitSetting(d?.toleratedFailurePercentage, names);
      visitSetting(d?.toleratedFailureCount, names);
      if (d?.itemReader?.kind === 'item-reader') {
        visitTemplate(d.itemReader.parameters, names);
        visitSetting(d.itemReader.readerConfig?.maxItems, names);
      }
      if (d?.itemBatcher?.kind === 'item-batcher') {
        visitSetting(d.itemBatcher.maxItemsPerBatch, names);
        visitSetting(d.itemBatcher.maxInputBytesPerBatch, names);
        visitTemplate(d.itemBatcher.batchInput, names);
      }
      if (d?.resultWriter?.kind === 'result-writer') visitTemplate(d.resultWriter.parameters, names);
      break;
    }
    case 'choice':
      for (const branch of state.branches) {
        visitCondition(branch.condition, names);
        visitTemplate(branch.output, names);
        visitAssign(branch.assign, names);
      }
      break;
    case 'wait': {
      const d = state.duration;
      if (d.kind === 'seconds-path' || d.kind === 'timestamp-path') visitSetting(d.path, names);
      if (d.kind === 'seconds-expression' || d.kind === 'timestamp-expression') visitTemplate(d.value, names);
      break;
    }
    case 'fail':
      if (typeof state.error === 'object') visitTemplate(state.error, names);
      if (typeof state.cause === 'object') visitTemplate(state.cause, names);
      break;
    case 'succeed':
      break;
  }
  if (state.kind === 'task' || state.kind === 'parallel' || state.kind === 'map') {
    for (const c of state.catch) visitAssign(c.assign, names);
  }
  return names.length === 0 ? NO_READS : new Set(names);
}

function visitSetting(value: SettingValue | undefined, names: string[]): void {
  if (typeof value !== 'object') return;
  if ('kind' in value) visitTemplate(value, names);
  else if (value.root.kind === 'variable') names.push(value.root.name);
}

function visitAssign(assign: readonly AssignmentNode[] | undefined, names: string[]): void {
  if (assign !== undefined) for (const a of assign) visitTemplate(a.value, names);
}

function visitCondition(node: ConditionNode, names: string[]): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const rule of node.rules) visitCondition(rule, names);
      return;
    case 'not':
      visitCondition(node.rule, names);
      return;
    case 'comparison':
      visitTemplate(node.variable, names);
      if (isReference(node.operand)) visitTemplate(node.operand, names);
  }
}

// Indexed loops over the IR's frozen arrays: for…of there allocates an iterator result per item in V8.
function visitTemplate(node: TemplateNode | undefined, names: string[]): void {
  switch (node?.kind) {
    case 'reference':
      if (node.path.root.kind === 'variable') names.push(node.path.root.name);
      return;
    case 'object':
      for (let i = 0; i < node.entries.length; i++)
        visitTemplate((node.entries[i] as ObjectEntry).value, names);
      return;
    case 'array':
      for (let i = 0; i < node.items.length; i++) visitTemplate(node.items[i] as TemplateNode, names);
      return;
    case 'intrinsic':
      for (let i = 0; i < node.args.length; i++) visitTemplate(node.args[i] as TemplateNode, names);
      return;
    // Literals and raw ASL are user JSON, a jsonata(…) node is text: no references to read.
    default:
      return;
  }
}

type ObjectEntry = ObjectTemplateNode['entries'][number];
