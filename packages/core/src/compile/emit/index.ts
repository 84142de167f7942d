import type { AslState } from '@stepcraft/asl';
import type { StateNode, StateNodeKind } from '../../ir/node.js';
import { emitChoice } from './choice.js';
import type { EmitContext } from './context.js';
import { emitFail } from './fail.js';
import { emitMap } from './map.js';
import { emitParallel } from './parallel.js';
import { emitPass } from './pass.js';
import { emitSucceed } from './succeed.js';
import { emitTask } from './task.js';
import { emitWait } from './wait.js';

type EmitFn<TKind extends StateNodeKind> = (
  node: Extract<StateNode, { kind: TKind }>,
  context: EmitContext,
) => AslState;

/** One emitter per state kind; adding a kind without an emitter fails to compile. */
const EMITTERS: { readonly [K in StateNodeKind]: EmitFn<K> } = Object.freeze({
  task: emitTask,
  pass: emitPass,
  choice: emitChoice,
  wait: emitWait,
  succeed: emitSucceed,
  fail: emitFail,
  parallel: emitParallel,
  map: emitMap,
} satisfies { readonly [K in StateNodeKind]: EmitFn<K> });

/** Emits one state node as ASL. */
export function emitState(node: StateNode, context: EmitContext): AslState {
  const emit = EMITTERS[node.kind] as EmitFn<StateNodeKind>;
  return emit(node as never, context);
}
