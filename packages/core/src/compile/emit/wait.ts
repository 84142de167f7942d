import type { WaitState } from '@stepcraft/asl';
import type { WaitNode } from '../../ir/wait-node.js';
import type { Draft, SettingValue } from '../query-language/dialect.js';
import { type EmitContext, writeHeader, writeTransition } from './context.js';

/**
 * Emits a Wait.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export function emitWait(node: WaitNode, context: EmitContext): WaitState {
  const { dialect, report } = context;
  const out: Draft<WaitState> = { Type: 'Wait' };
  writeHeader(out, node, context);
  dialect.inputPath(out, node);
  const d = node.duration;
  const value: SettingValue =
    d.kind === 'seconds'
      ? d.seconds
      : d.kind === 'timestamp'
        ? d.timestamp
        : d.kind === 'seconds-path' || d.kind === 'timestamp-path'
          ? d.path
          : d.value;
  dialect.setting(out, d.kind.startsWith('seconds') ? 'Seconds' : 'Timestamp', value, node, report);
  dialect.passThrough(out, node);
  dialect.assign(out, node, node.assign, report);
  writeTransition(out, context);
  return out;
}
