import type { GraphNode, QueryLanguage, StateNode, WorkflowNode } from '@stepcraft/core/ir';
import type { ImportedWorkflow } from '../import-workflow.js';
import { commentText, isObject, printList, printString } from '../source-text.js';
import type { NestedMachine, StateCode, Wiring } from './draft.js';
import { indent } from './indent.js';
import { createNamer } from './names.js';
import { printState } from './printers.js';
import { createShape, depth, isEmpty, printSchema, type Shape, TIGHTEN } from './shape.js';

// Bounds of the requirement analysis: a loop that nests its need under a path would otherwise grow forever.
const MAX_ROUNDS = 20;
const MAX_DEPTH = 12;

/** One machine of the workflow: its graph, the ASL it builds, and each state's `Next`. */
interface Machine {
  readonly graph: GraphNode;
  readonly states: Readonly<Record<string, unknown>>;
  readonly byName: ReadonlyMap<string, StateNode>;
  readonly next: ReadonlyMap<string, string>;
}

function machineOf(graph: GraphNode, asl: { readonly States?: unknown }): Machine {
  return {
    graph,
    states: isObject(asl.States) ? asl.States : {},
    byName: new Map(graph.states.map((s) => [s.name, s])),
    next: new Map(graph.transitions.map((t) => [t.from, t.to])),
  };
}

/** The states a state jumps to, in the order the generator visits them (its `Next` last). */
function targetsOf(state: StateNode, next: string | undefined): string[] {
  const names: string[] = [];
  if (state.kind === 'task' || state.kind === 'parallel' || state.kind === 'map')
    for (const c of state.catch) names.push(c.next);
  if (state.kind === 'choice') {
    for (const b of state.branches) names.push(b.next);
    if (state.otherwise !== undefined) names.push(state.otherwise);
  }
  if (next !== undefined) names.push(next);
  return names;
}

/**
 * Post-order over the machine from its start (each state after the states it jumps to; iterative, so a long chain
 * is no deep recursion; a jump back to a state still open is a loop, not followed), then the states not reached
 * from it. `visit` sees each state once.
 */
function postOrder(machine: Machine, visit: (state: StateNode, isReached: boolean) => void): void {
  const done = new Set<string>();
  const open = new Set<string>();
  const walk = (start: string, isReached: boolean) => {
    const stack: { readonly state: StateNode; readonly targets: readonly string[]; index: number }[] = [];
    const enter = (name: string) => {
      const state = machine.byName.get(name);
      if (state === undefined || done.has(name) || open.has(name)) return;
      open.add(name);
      stack.push({ state, targets: targetsOf(state, machine.next.get(name)), index: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const target = frame.targets[frame.index++];
      if (target !== undefined) {
        enter(target);
        continue;
      }
      stack.pop();
      open.delete(frame.state.name);
      done.add(frame.state.name);
      visit(frame.state, isReached);
    }
  };
  walk(machine.graph.startAt, true);
  for (const state of machine.graph.states) walk(state.name, false);
}

/** Prints builder code for an IR: one `const` per state (targets first), then the exported workflow. */
export function printWorkflow(imported: ImportedWorkflow): string {
  const { node } = imported;
  const namer = createNamer();
  const statements: string[] = [];
  const language: QueryLanguage = node.queryLanguage ?? 'JSONPath';
  const print = (machine: Machine, state: StateNode, wiring: Wiring): StateCode => {
    const asl = machine.states[state.name];
    return printState({
      node: state,
      asl: isObject(asl) ? asl : {},
      next: machine.next.get(state.name),
      wiring,
      language: state.queryLanguage ?? language,
    });
  };

  // What each state of a machine needs of its input (its own reads and, carried backwards, its successors'), to a
  // fixed point: loops feed a state's need back into itself. States go successors first, so a chain takes a round.
  const analyses = new Map<GraphNode, Map<string, Map<string, Shape>>>();
  const analyse = (machine: Machine, endDemand: Shape): Map<string, Shape> => {
    const key = printSchema(endDemand);
    const known = analyses.get(machine.graph)?.get(key);
    if (known !== undefined) return known;
    const needs = new Map<string, Shape>();
    const wiring: Wiring = {
      target: () => '',
      demand: (name) => (name === undefined ? endDemand : (needs.get(name) ?? createShape())),
      machine: (graph, asl, demand) => ({ code: '', input: startNeed(machineOf(graph, asl), demand) }),
    };
    const order: StateNode[] = [];
    postOrder(machine, (state) => order.push(state));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = false;
      for (const state of order) {
        const { input } = print(machine, state, wiring);
        const before = needs.get(state.name);
        if (depth(input) > MAX_DEPTH) continue;
        if (before === undefined || printSchema(before) !== printSchema(input)) {
          needs.set(state.name, input);
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (!analyses.has(machine.graph)) analyses.set(machine.graph, new Map());
    analyses.get(machine.graph)?.set(key, needs);
    return needs;
  };
  const startNeed = (machine: Machine, endDemand: Shape): Shape =>
    analyse(machine, endDemand).get(machine.graph.startAt) ?? createShape();

  const generate = (machine: Machine, endDemand: Shape): NestedMachine => {
    const needs = analyse(machine, endDemand);
    const chains = new Map<string, string>();
    const ids = new Map<string, string>();
    const idOf = (name: string): string => {
      const known = ids.get(name);
      if (known !== undefined) return known;
      const id = namer(name);
      ids.set(name, id);
      return id;
    };
    // A finished state's chain; a state still being built is a loop back to it, which `later()` closes.
    const ref = (target: string, unchecked = false): string => {
      const chain = unchecked ? undefined : chains.get(target);
      return chain ?? `later(${printString(target)}, () => ${idOf(target)})`;
    };
    const wiring: Wiring = {
      target: ref,
      demand: (target) => (target === undefined ? endDemand : (needs.get(target) ?? createShape())),
      machine: (graph, asl, demand) => generate(machineOf(graph, asl), demand),
    };
    postOrder(machine, (state, isReached) => {
      const code = print(machine, state, wiring);
      const { expression, uncheckedNext } = code;
      // AWS rejects a state no transition reaches; the builder's chains cannot hold one either.
      const todos = isReached
        ? code.todos
        : ['not reachable from StartAt: the workflow built from this code leaves it out', ...code.todos];
      const nextName = machine.next.get(state.name);
      const next = nextName === undefined ? '' : `.next(${ref(nextName, uncheckedNext)})`;
      // A multi-line state gets its `.next()` on a line of its own, like its other calls.
      const body = `${expression}${expression.includes('\n') && next !== '' ? '\n' : ''}${next}`;
      const notes = todos.map((t) => `// TODO(stepcraft import): ${commentText(t)}\n`).join('');
      statements.push(`${notes}const ${idOf(state.name)} = ${body};`);
      chains.set(state.name, idOf(state.name));
    });
    return { code: ref(machine.graph.startAt), input: needs.get(machine.graph.startAt) ?? createShape() };
  };

  const start = generate(machineOf(node.graph, imported.definition), createShape());
  const exportName = namer(node.name);
  statements.push(
    `${isEmpty(start.input) ? '' : `// TODO(stepcraft import): ${TIGHTEN}\n`}/** Imported from ASL by \`stepcraft import\`. */\nexport const ${exportName} = workflow(${printString(node.name)}${workflowOptions(node, start.input)}).start(${start.code});`,
  );
  const body = statements.join('\n\n');
  return indent(`${importsFor(body)}\n\n${body}\n`);
}

function workflowOptions(node: WorkflowNode, input: Shape): string {
  const options = [
    ...(isEmpty(input) ? [] : [`input: ${printSchema(input)}`]),
    ...(node.comment === undefined ? [] : [`comment: ${printString(node.comment)}`]),
    ...(node.timeoutSeconds === undefined ? [] : [`timeoutSeconds: ${node.timeoutSeconds}`]),
    ...(node.queryLanguage === undefined ? [] : [`queryLanguage: ${printString(node.queryLanguage)}`]),
    ...(node.version === undefined ? [] : [`version: ${printString(node.version)}`]),
    ...(node.stateOrder === undefined
      ? []
      : [`stateOrder: ${printList(node.stateOrder.map(printString), '[', ']')}`]),
  ];
  return options.length === 0 ? '' : `, ${printList(options, '{', '}')}`;
}

const CORE_EXPORTS = [
  'activity',
  'and',
  'awsSdk',
  'choice',
  'dynamodb',
  'fail',
  'lambda',
  'later',
  'map',
  'not',
  'or',
  'parallel',
  'pass',
  'placeholder',
  'raw',
  'resource',
  'sns',
  'sqs',
  'States',
  'succeed',
  'task',
  'wait',
  'workflow',
];

function importsFor(body: string): string {
  const code = body.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\/\/.*$/gm, '');
  const used = CORE_EXPORTS.filter((name) => new RegExp(`(?<![\\w.$])${name}[(.<]`).test(code));
  const lines = [`import { ${used.join(', ')} } from '@stepcraft/core';`];
  if (/\bz\./.test(code)) lines.push(`import { z } from 'zod';`);
  return lines.join('\n');
}
