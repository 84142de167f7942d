import type { QueryLanguage, StateNode, WorkflowNode } from '@stepcraft/core/ir';
import type { ImportedWorkflow } from '../import-workflow.js';
import { commentText, isObject, printList, printString } from '../source-text.js';
import { needsAnalysis } from './analysis.js';
import type { NestedMachine, StateCode, Wiring } from './draft.js';
import { indent } from './indent.js';
import { type Machine, machineOf, postOrder } from './machine.js';
import { createNamer } from './names.js';
import { printState } from './printers.js';
import { createShape, isEmpty, printSchema, type Shape, TIGHTEN } from './shape.js';

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

  const needsOf = needsAnalysis(print);

  const generate = (machine: Machine, endDemand: Shape): NestedMachine => {
    const needs = needsOf(machine, endDemand);
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
  // Strings and comments in one pass, left to right: a quote inside a comment opens no string.
  const code = body.replace(/'(?:[^'\\\n]|\\.)*'|\/\/.*$/gm, (m) => (m.startsWith("'") ? "''" : ''));
  const used = CORE_EXPORTS.filter((name) => new RegExp(`(?<![\\w.$])${name}[(.<]`).test(code));
  const lines = [`import { ${used.join(', ')} } from '@stepcraft/core';`];
  if (/\bz\./.test(code)) lines.push(`import { z } from 'zod';`);
  return lines.join('\n');
}
