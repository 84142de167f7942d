import type { StateOfType } from '@stepcraft/asl';
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

/** The ASL `Type` of each IR kind. */
interface AslTypeOf {
  readonly task: 'Task';
  readonly pass: 'Pass';
  readonly choice: 'Choice';
  readonly wait: 'Wait';
  readonly succeed: 'Succeed';
  readonly fail: 'Fail';
  readonly parallel: 'Parallel';
  readonly map: 'Map';
}

type NodeOf = { readonly [K in StateNodeKind]: Extract<StateNode, { readonly kind: K }> };

/** One emitter per kind, from the kind's node to the kind's ASL state. */
type Emitters = {
  readonly [K in StateNodeKind]: (node: NodeOf[K], context: EmitContext) => StateOfType<AslTypeOf[K]>;
};

/** One emitter per state kind; adding a kind without an emitter fails to compile. */
const EMITTERS: Emitters = Object.freeze({
  task: emitTask,
  pass: emitPass,
  choice: emitChoice,
  wait: emitWait,
  succeed: emitSucceed,
  fail: emitFail,
  parallel: emitParallel,
  map: emitMap,
});

/** Emits one state node as its ASL state (a Task node as a `TaskState`, …). */
export function emitState<TKind extends StateNodeKind>(
  node: NodeOf[TKind] & { readonly kind: TKind },
  context: EmitContext,
): StateOfType<AslTypeOf[TKind]> {
  return EMITTERS[node.kind](node, context);
}
