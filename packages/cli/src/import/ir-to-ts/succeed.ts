import type { SucceedNode } from '@stepcraft/core/ir';
import { finish, inputSchema, type PrintInput, type StateCode, startDraft } from './draft.js';
import { passThrough, printOutput } from './io.js';

/** A Succeed (its InputPath and OutputPath kept raw: the builder's Succeed takes neither). */
export function printSucceed(input: PrintInput<SucceedNode>): StateCode {
  const d = startDraft(input);
  passThrough(d, d.outNeed);
  printOutput(d, false, false);
  return finish(d, 'succeed', inputSchema(d));
}
