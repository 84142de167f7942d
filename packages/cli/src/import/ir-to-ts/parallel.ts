import type { ParallelNode } from '@stepcraft/core/ir';
import { isObject, printList } from '../source-text.js';
import { throughTemplate } from './demand.js';
import { finish, inputSchema, type PrintInput, type StateCode, startDraft } from './draft.js';
import { printErrorHandling } from './error-handling.js';
import { inputScope, printTemplate, selector } from './expressions.js';
import { printInputPath, printOutput, resultNeed, selectResult } from './io.js';
import { createShape, merge } from './shape.js';

/** A Parallel: its branches (each must give its element of the result), `parameters`, the result fields. */
export function printParallel(input: PrintInput<ParallelNode>): StateCode {
  const d = startDraft(input);
  const { node, asl, wiring } = d;
  printInputPath(d);
  d.handled.add('Branches');
  const selected = selectResult(d, resultNeed(d, false));
  const branchesAsl = Array.isArray(asl.Branches) ? asl.Branches : [];
  // Each branch's output is an element of the result.
  const nested = node.branches.map((branch, i) => {
    const machine = branchesAsl[i];
    return wiring.machine(branch, isObject(machine) ? machine : {}, d.result.element ?? createShape());
  });
  // What the branches need of their (common) input.
  const branchInput = createShape();
  for (const branch of nested) merge(branchInput, branch.input);
  if (node.parameters !== undefined && isObject(asl.Parameters)) {
    d.handled.add('Parameters');
    const s = inputScope(d.effective, 'plain');
    d.spec.push(
      `parameters: ${selector(printTemplate(node.parameters, asl.Parameters, s, branchInput), s)},`,
    );
    throughTemplate(node.parameters, branchInput, { data: d.effective });
  } else if (d.effective !== undefined) merge(d.effective, branchInput);
  d.spec.push(
    `branches: ${printList(
      nested.map((n) => n.code),
      '[',
      ']',
    )},`,
    selected,
  );
  printOutput(d, true, false);
  printErrorHandling(d);
  return finish(d, 'parallel', inputSchema(d));
}
