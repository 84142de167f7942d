import type { JsonValue, PassState } from '@stepcraft/asl';
import type { PassNode } from '../../ir/pass-node.js';
import { createLiteralNode, type TemplateNode } from '../../ir/template-node.js';
import { type EmitContext, field, filterFields, pathField, templateField } from './context.js';
import { assignField, effectiveInput, isJsonata, outputField, WHOLE_INPUT } from './jsonata-io.js';

/** Emits a Pass. */
export function emitPass(node: PassNode, context: EmitContext): PassState {
  return {
    Type: 'Pass',
    ...field('Comment', node.comment),
    ...(isJsonata(context) ? jsonataFields(node, context) : jsonPathFields(node, context)),
    ...context.transition,
  } as unknown as PassState;
}

function jsonPathFields(node: PassNode, context: EmitContext): Record<string, JsonValue> {
  const { input, output } = filterFields(context, node);
  return {
    ...input,
    ...templateField(context, 'Parameters', node.parameters),
    ...field('Result', node.result),
    ...pathField(context, 'ResultPath', node.resultPath),
    ...output,
    ...assignField(context, node.assign, undefined, '$'),
  };
}

// JSONata: the Pass result (Result, Parameters or the effective input) is computed inside Output and Assign.
function jsonataFields(node: PassNode, context: EmitContext): Record<string, JsonValue> {
  const result: TemplateNode =
    node.result !== undefined ? createLiteralNode(node.result) : (node.parameters ?? WHOLE_INPUT);
  const input = effectiveInput(node);
  const isInput = result === WHOLE_INPUT && node.inputPath === undefined;
  return {
    ...outputField(context, node, result, input, isInput),
    ...assignField(context, node.assign, result, input),
  };
}
