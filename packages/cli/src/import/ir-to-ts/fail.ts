import type { FailNode } from '@stepcraft/core/ir';
import { printString } from '../source-text.js';
import { finish, inputSchema, type PrintInput, type StateCode, startDraft } from './draft.js';
import { inputScope, printDynamic, selector } from './expressions.js';

/** A Fail: `error` and `cause` as constants, or as selectors where the ASL computes them (`ErrorPath`/`CausePath`). */
export function printFail(input: PrintInput<FailNode>): StateCode {
  const d = startDraft(input);
  for (const [field, text] of [
    ['Error', d.node.error],
    ['Cause', d.node.cause],
  ] as const) {
    if (typeof text === 'string') {
      d.handled.add(field);
      d.spec.push(`${field.toLowerCase()}: ${printString(text)},`);
    } else if (text?.kind === 'reference' || text?.kind === 'intrinsic') {
      const s = inputScope(d.shape, 'plain');
      const expression = printDynamic(text, s, 'string');
      if (expression !== undefined) {
        d.handled.add(`${field}Path`);
        d.spec.push(`${field.toLowerCase()}: ${selector(expression, s)},`);
      }
    }
  }
  return finish(d, 'fail', inputSchema(d));
}
