import type { FailState, JsonValue } from '@stepcraft/asl';
import type { FailNode, FailText } from '../../ir/fail-node.js';
import { embed, jsonataExpression } from '../query-language/jsonata.js';
import { type EmitContext, field } from './context.js';
import { isJsonata, scopeOf } from './jsonata-io.js';

/** Emits a Fail. */
export function emitFail(node: FailNode, context: EmitContext): FailState {
  return {
    Type: 'Fail',
    ...field('Comment', node.comment),
    ...text(context, node.error, 'Error'),
    ...text(context, node.cause, 'Cause'),
  } as unknown as FailState;
}

function text(
  context: EmitContext,
  node: FailText | undefined,
  key: 'Error' | 'Cause',
): Record<string, JsonValue> {
  if (node === undefined) return {};
  if (typeof node !== 'string' && node.kind === 'jsonata' && !isJsonata(context)) {
    context.report(
      'JSONATA_IN_JSONPATH',
      `The ${key} of a Fail is a jsonata(…) expression: set queryLanguage: 'JSONata' on the state or workflow`,
      [key],
    );
    return {};
  }
  if (typeof node === 'string' || !isJsonata(context)) return context.dialect.failText(node, key);
  return { [key]: embed(jsonataExpression(node, scopeOf(context, '$states.input', [key]))) };
}
