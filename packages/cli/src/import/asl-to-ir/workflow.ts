import type { JsonValue } from '@stepcraft/asl';
import { createWorkflowNode, type QueryLanguage, type WorkflowNode } from '@stepcraft/core/ir';
import { checkDepth } from '../depth.js';
import { ImportError } from '../errors.js';
import { optional } from '../optional.js';
import { isObject } from '../source-text.js';
import { readMachine } from './machine.js';

/**
 * Reads an ASL document into the IR: the top-level fields (an explicit `QueryLanguage` too, JSONPath included),
 * its machines, and the order of their states. Throws an `ImportError` for what is not a document, nests deeper than the import bound, or
 * has a transition to a missing state.
 */
export function readWorkflow(document: unknown, name: string): WorkflowNode {
  if (!isObject(document) || !isObject(document.States) || typeof document.StartAt !== 'string') {
    throw new ImportError('not an ASL document: it needs "StartAt" and "States"');
  }
  checkDepth(document);
  const declared = document.QueryLanguage;
  const language: QueryLanguage = declared === 'JSONata' ? 'JSONata' : 'JSONPath';
  const stateOrder: string[] = [];
  const graph = readMachine(document, [], { language, stateOrder });
  const field = <T extends JsonValue>(key: string, isType: (v: JsonValue | undefined) => v is T) => {
    const value = document[key];
    return isType(value) ? value : undefined;
  };
  return createWorkflowNode({
    name,
    graph,
    type: 'STANDARD',
    ...optional('comment', field('Comment', isString)),
    ...optional('timeoutSeconds', field('TimeoutSeconds', isNumber)),
    ...optional('queryLanguage', declared === 'JSONPath' || declared === 'JSONata' ? declared : undefined),
    ...optional('version', field('Version', isString)),
    stateOrder,
  });
}

const isString = (v: JsonValue | undefined): v is string => typeof v === 'string';
const isNumber = (v: JsonValue | undefined): v is number => typeof v === 'number';
