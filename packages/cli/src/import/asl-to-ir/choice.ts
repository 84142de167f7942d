import type { JsonValue } from '@stepcraft/asl';
import {
  type ChoiceBranchNode,
  type ChoiceNode,
  type ConditionNode,
  createChoiceBranchNode,
  createChoiceNode,
  createComparisonNode,
  createReferenceNode,
} from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { isObject } from '../source-text.js';
import { readCondition } from './condition.js';
import { baseFields } from './context.js';
import { isJsonPath, type StateReader, takeString } from './state-reader.js';
import { filterFields } from './wait.js';

const RULE_FIELDS = new Set(['Next', 'Comment']);

/**
 * Stands for a rule's test when the `Choices` stay raw (JSONata conditions, or a rule the IR cannot hold as
 * written): the raw field replaces every rule, so the branches only carry the transitions.
 */
export const RAW_CONDITION: ConditionNode = createComparisonNode({
  operator: 'IsPresent',
  variable: createReferenceNode({ root: { kind: 'context' }, segments: [] }),
  operand: true,
});

/** A Choice: its rules as IR conditions when all of them can be, else its `Choices` raw with their transitions. */
export function importChoice(r: StateReader): ChoiceNode {
  const base = baseFields(r);
  const filters = filterFields(r);
  const list: readonly JsonValue[] = Array.isArray(r.state.Choices) ? r.state.Choices : [];
  const typed = isJsonPath(r) ? list.map(readBranch) : [];
  const isTyped = typed.length > 0 && typed.every((branch) => branch !== undefined);
  if (isTyped) r.take('Choices');
  const branches = isTyped
    ? (typed as ChoiceBranchNode[])
    : list.flatMap((rule) =>
        isObject(rule) && typeof rule.Next === 'string'
          ? [createChoiceBranchNode({ condition: RAW_CONDITION, next: rule.Next })]
          : [],
      );
  return createChoiceNode({
    ...base,
    ...filters,
    branches,
    ...optional('otherwise', takeString(r, 'Default')),
    ...r.raw(),
  });
}

function readBranch(rule: JsonValue): ChoiceBranchNode | undefined {
  if (!isObject(rule) || typeof rule.Next !== 'string') return undefined;
  if (rule.Comment !== undefined && typeof rule.Comment !== 'string') return undefined;
  const condition = readCondition(rule, RULE_FIELDS);
  if (condition === undefined) return undefined;
  return createChoiceBranchNode({ condition, next: rule.Next, ...optional('comment', rule.Comment) });
}
