import type { ChoiceNode } from '@stepcraft/core/ir';
import { printString } from '../source-text.js';
import { printCondition } from './conditions.js';
import { finish, inputSchema, keepRaw, type PrintInput, type StateCode, startDraft } from './draft.js';
import { inputScope, type Scope, selector } from './expressions.js';
import { passThrough, printInputPath, printOutput } from './io.js';
import { createShape, isEmpty, loosens } from './shape.js';

/**
 * A Choice: one `.when()` per rule with its condition over typed refs, and `.otherwise()`. When a rule cannot be
 * said that way (JSONata, a test the refs do not offer), the Choices stay raw and the `.when()` calls only wire
 * the targets.
 */
export function printChoice(input: PrintInput<ChoiceNode>): StateCode {
  const d = startDraft(input);
  const { node, wiring } = d;
  printInputPath(d);
  printOutput(d, false, false);
  d.handled.add('Choices').add('Default');
  const s = inputScope(d.effective, 'plain');
  const targets = [
    ...node.branches.map((b) => b.next),
    ...(node.otherwise === undefined ? [] : [node.otherwise]),
  ];
  for (const target of targets) passThrough(d, wiring.demand(target));
  const isRaw = Object.hasOwn(node.raw ?? {}, 'Choices');
  const printed = isRaw ? [] : node.branches.map((branch) => printCondition(branch.condition, s));
  const isTyped = printed.length > 0 && printed.every((p) => p !== undefined);
  if (!isTyped) keepRaw(d, 'Choices', 'Choices kept raw; the .when() calls only wire the targets');
  // The Choice's type is its whole input: a target reached through an OutputPath, or relying on what a condition
  // tested (IsPresent, IsNull), cannot be checked against it.
  const sliced = d.uncheckedOutput;
  const edge = (target: string): string => {
    const need = wiring.demand(target);
    const unchecked = sliced !== undefined ? !isEmpty(need) : loosens(d.effective ?? createShape(), need);
    if (unchecked)
      d.todos.push(
        `the edge to ${printString(target)} is not type-checked: ${sliced ?? 'the Choice picks it by what its conditions tested, and core does not narrow types'}`,
      );
    return wiring.target(target, unchecked);
  };
  node.branches.forEach((branch, i) => {
    // A placeholder that type-checks on any input: the raw Choices replace it.
    const condition = isTyped ? (printed[i] as string) : 'context.Execution.Id.isString()';
    const comment =
      isTyped && branch.comment !== undefined ? `, { comment: ${printString(branch.comment)} }` : '';
    const scope: Scope = isTyped ? s : { context: 'plain', used: new Set(['context']) };
    d.calls.push(`.when(${selector(condition, scope)}, ${edge(branch.next)}${comment})`);
  });
  if (node.otherwise !== undefined) d.calls.push(`.otherwise(${edge(node.otherwise)})`);
  return finish(d, 'choice', inputSchema(d));
}
