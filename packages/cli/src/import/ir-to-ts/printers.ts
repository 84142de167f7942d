import type { StateNode, StateNodeKind } from '@stepcraft/core/ir';
import { printChoice } from './choice.js';
import type { PrintInput, StateCode } from './draft.js';
import { printFail } from './fail.js';
import { printMap } from './map.js';
import { printParallel } from './parallel.js';
import { printPass } from './pass.js';
import { printSucceed } from './succeed.js';
import { printTask } from './task.js';
import { printWait } from './wait.js';

type NodeOf = { readonly [K in StateNodeKind]: Extract<StateNode, { readonly kind: K }> };

/** One printer per state kind, from the kind's node to its builder expression. */
type Printers = { readonly [K in StateNodeKind]: (input: PrintInput<NodeOf[K]>) => StateCode };

/** One printer per kind; adding a kind without a printer fails to compile. */
const PRINTERS: Printers = Object.freeze({
  task: printTask,
  pass: printPass,
  choice: printChoice,
  wait: printWait,
  succeed: printSucceed,
  fail: printFail,
  parallel: printParallel,
  map: printMap,
});

/** Prints one state node as builder code. */
export function printState<TKind extends StateNodeKind>(
  input: PrintInput<NodeOf[TKind] & { readonly kind: TKind }>,
): StateCode {
  return PRINTERS[input.node.kind](input);
}
