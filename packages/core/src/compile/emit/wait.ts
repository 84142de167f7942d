import type { WaitState } from '@stepcraft/asl';
import { createReferenceNode } from '../../ir/template-node.js';
import type { WaitNode } from '../../ir/wait-node.js';
import { type EmitContext, field, filterFields, integer } from './context.js';
import { assignField, dynamicField, effectiveInput, isJsonata, passThroughOutput } from './jsonata-io.js';

/** Emits a Wait. */
export function emitWait(node: WaitNode, context: EmitContext): WaitState {
  const jsonata = isJsonata(context);
  const { input, output } = jsonata
    ? { input: {}, output: passThroughOutput(node) }
    : filterFields(context, node);
  const d = node.duration;
  if (d.kind === 'seconds') integer(context, [], 'Seconds', d.seconds, 0, 99_999_999);
  if (d.kind === 'timestamp' && !RFC3339.test(d.timestamp)) {
    context.report(
      'WAIT_TIMESTAMP',
      `Timestamp "${d.timestamp}" is not an RFC 3339 date-time like 2024-01-01T00:00:00Z`,
      ['Timestamp'],
    );
  }
  const key = d.kind.startsWith('seconds') ? 'Seconds' : 'Timestamp';
  const value =
    d.kind === 'seconds'
      ? d.seconds
      : d.kind === 'timestamp'
        ? d.timestamp
        : d.kind === 'seconds-path' || d.kind === 'timestamp-path'
          ? createReferenceNode(d.path)
          : d.value;
  const duration = dynamicField(context, key, value, effectiveInput(node));
  return {
    Type: 'Wait',
    ...field('Comment', node.comment),
    ...input,
    ...duration,
    ...output,
    ...assignField(context, node.assign, undefined, effectiveInput(node)),
    ...context.transition,
  } as unknown as WaitState;
}

// Uppercase T and Z (or an offset) as AWS requires; fractional seconds optional.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
